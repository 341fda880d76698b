import { Hono } from 'hono';
import { MutationBatch, MutationResponse } from '../../lib/core/model/mutations';
import type { AppEnv } from '../context';
import { runMutationBatch } from '../domain/mutations/run';
import { chargeRequest } from '../http/request-cost';
import { operation } from '../http/openapi';

/** POST /v1/mutations: the outbox's push. Each item answers applied, duplicate or rejected, in request order. */
const push = operation({
  tag: 'Sync',
  summary: 'The outbox’s push: up to 500 changes, each applied once, keyed by its id',
  description: 'Each item answers `applied`, `duplicate` or `rejected`, in request order; a `duplicate` says what the first answer was.',
  body: MutationBatch,
  responses: { 200: { description: 'one result per mutation', schema: MutationResponse } },
});

export const mutationsRoutes = new Hono<AppEnv>().post('/', push, async (c) => {
  const { mutations } = await push.body(c);
  chargeRequest(c, 'mutations', mutations.length);
  const { db, now } = c.get('deps');
  const results = await runMutationBatch(db, c.get('caller'), now, mutations);
  return c.json({ results });
});
