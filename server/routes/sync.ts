import { Hono } from 'hono';
import type { SyncPage } from '../../lib/core/model/sync';
import type { AppEnv } from '../context';
import { SyncRequest } from '../domain/sync/cursor';
import { pullSyncPage } from '../domain/sync/pull';
import { queryOf } from '../http/validate';

/** `GET /v1/sync?cursor=&limit=`: the caller's changes since their cursor, one page at a time (docs/sync.md). */
export const syncRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { cursor, limit } = queryOf(c, SyncRequest);
  const { db, now } = c.get('deps');
  const page: SyncPage = await pullSyncPage(db, c.get('caller'), { after: cursor, limit, now: now() });
  return c.json(page);
});
