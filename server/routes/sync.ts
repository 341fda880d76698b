import { Hono } from 'hono';
import { SyncPage } from '../../lib/core/model/sync';
import type { AppEnv } from '../context';
import { SyncRequest } from '../domain/sync/cursor';
import { pullSyncPage } from '../domain/sync/pull';
import { operation } from '../http/openapi';

/** `GET /v1/sync?cursor=&limit=`: the caller's changes since their cursor, one page at a time (docs/sync.md). */
const pull = operation({
  tag: 'Sync',
  summary: 'The caller’s changes since their cursor, one page at a time (docs/sync.md)',
  query: SyncRequest,
  responses: { 200: { description: 'a page of changes, its cursor and whether there is more', schema: SyncPage } },
});

export const syncRoutes = new Hono<AppEnv>().get('/', pull, async (c) => {
  const { cursor, limit } = pull.query(c);
  const { db, now } = c.get('deps');
  const page: SyncPage = await pullSyncPage(db, c.get('caller'), { cursor, limit, now: now() });
  return c.json(page);
});
