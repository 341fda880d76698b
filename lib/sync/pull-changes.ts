import type { ApiClient } from '../api/client';
import { applyServerChanges } from './apply-server-changes';
import { PULL_PAGE_SIZE, type SyncContext } from './context';
import { evictOldestHistory, isQuotaError } from './evict-history';
import { readMeta } from '../db/meta';

/** Pulls every page newer than the stored cursor, applying each with its cursor; reports progress as it goes. */
export async function pullChanges(ctx: SyncContext, api: ApiClient): Promise<{ pages: number; rows: number }> {
  let pages = 0;
  let rows = 0;
  for (;;) {
    const cursor = (await readMeta(ctx.db, 'cursor')) ?? null;
    const page = await api.sync(cursor, ctx.pageSize ?? PULL_PAGE_SIZE);
    rows += await applyWithRoom(ctx, () => applyServerChanges(ctx.db, page, ctx.now()));
    pages++;
    await ctx.onProgress?.({ pages, rows });
    if (!page.more) return { pages, rows };
  }
}

/** When the browser refuses space, old activity history goes first (never attempts or the outbox), then one retry. */
async function applyWithRoom(ctx: SyncContext, apply: () => Promise<number>): Promise<number> {
  try {
    return await apply();
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    await evictOldestHistory(ctx.db);
    return apply();
  }
}
