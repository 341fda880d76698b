import { Hono } from 'hono';
import { MutationBatch } from '../../lib/core/model/mutations';
import type { AppEnv } from '../context';
import { runMutationBatch } from '../domain/mutations/run';
import { chargeRequest } from '../http/request-cost';
import { jsonBody } from '../http/validate';

/** POST /v1/mutations: the outbox's push. Each item answers applied, duplicate or rejected, in request order. */
export const mutationsRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const { mutations } = await jsonBody(c, MutationBatch);
  chargeRequest(c, 'mutations', mutations.length);
  const { db, now } = c.get('deps');
  const results = await runMutationBatch(db, c.get('caller'), now, mutations);
  return c.json({ results });
});
