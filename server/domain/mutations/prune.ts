import { lt } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { appliedMutations } from '../../store/schema';
import { DAY_MS } from '../../../lib/core/time-units';

/** How long a mutation id is remembered: a replay later than this would apply again. */
export const APPLIED_MUTATION_RETENTION_DAYS = 30;

/** Forgets mutation records older than the retention window; returns how many it removed. */
export async function pruneAppliedMutations(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - APPLIED_MUTATION_RETENTION_DAYS * DAY_MS);
  const removed = await db
    .delete(appliedMutations)
    .where(lt(appliedMutations.appliedAt, cutoff))
    .returning({ id: appliedMutations.id });
  return removed.length;
}
