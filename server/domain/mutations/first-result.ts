import { and, eq } from 'drizzle-orm';
import type { MutationResult } from '../../../lib/core/model/mutations';
import type { Queryable, Tx } from '../../store/db';
import { appliedMutations } from '../../store/schema';

/** The first answer given to this user's mutation id, if it was seen (applied or rejected) in the last 30 days. */
export async function findFirstResult(db: Queryable, userId: string, id: string): Promise<MutationResult | null> {
  const [row] = await db
    .select({ result: appliedMutations.result })
    .from(appliedMutations)
    .where(and(eq(appliedMutations.userId, userId), eq(appliedMutations.id, id)))
    .limit(1);
  return row?.result ?? null;
}

/**
 * Keeps the first answer, in the transaction that applied the mutation, so an applied mutation always has its record.
 * False when another transaction recorded the same id first: the caller must then roll back and answer duplicate.
 */
export async function recordFirstResult(tx: Tx, userId: string, result: MutationResult, now: Date): Promise<boolean> {
  const inserted = await tx
    .insert(appliedMutations)
    // applied_at from the server's clock (not the database's), so pruning and tests run on one clock.
    .values({ userId, id: result.id, result, appliedAt: now })
    .onConflictDoNothing()
    .returning({ id: appliedMutations.id });
  return inserted.length > 0;
}

/**
 * A replay's answer: `duplicate`, saying what the first answer was (and its error if it was a rejection), because
 * that answer may never have reached the client.
 */
export function asDuplicate(first: MutationResult): MutationResult {
  const firstStatus = first.status === 'rejected' ? 'rejected' : 'applied';
  return { id: first.id, status: 'duplicate', firstStatus, ...(first.error ? { error: first.error } : {}) };
}
