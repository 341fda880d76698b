import type { LeadsideDatabase } from '../db/database';

/** The share of cached activities dropped, oldest first, each time the browser says it is out of space. */
const EVICT_SHARE = 0.25;

export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** Frees room by deleting the oldest activity history. Attempts and the outbox are never touched. */
export async function evictOldestHistory(db: LeadsideDatabase): Promise<number> {
  const total = await db.activities.count();
  const drop = Math.max(1, Math.ceil(total * EVICT_SHARE));
  const oldest = await db.activities.orderBy('at').limit(drop).primaryKeys();
  await db.activities.bulkDelete(oldest);
  return oldest.length;
}
