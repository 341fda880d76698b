import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { MINUTE_MS } from '../../lib/core/time-units';
import type { Queryable } from '../store/db';
import { tokens } from '../store/schema';

/**
 * How stale a token's lastUsedAt may get. "Last used 3 minutes ago" is all anyone reads from it, and a rep's extension
 * calls every minute and more: without this every request would be a write.
 */
export const LAST_USED_PRECISION_MS = 5 * MINUTE_MS;

/**
 * Notes that the token was used now, unless it was noted less than LAST_USED_PRECISION_MS ago. The condition is in the
 * update too, so requests arriving together write it once.
 */
export async function noteTokenUse(db: Queryable, token: { id: string; lastUsedAt: Date | null }, now: Date): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return;
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  await db
    .update(tokens)
    .set({ lastUsedAt: now })
    .where(and(eq(tokens.id, token.id), or(isNull(tokens.lastUsedAt), lte(tokens.lastUsedAt, staleBefore))));
}
