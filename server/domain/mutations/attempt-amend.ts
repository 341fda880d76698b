import { and, eq } from 'drizzle-orm';
import { ATTEMPT_AMEND_WINDOW_MS } from '../../../lib/core/model/mutations';
import type { Caller } from '../../context';
import { ApiError, notFound } from '../../http/errors';
import type { Tx } from '../../store/db';
import { attempts } from '../../store/schema';
import { assertNotAhead } from './clock';
import type { MutationContext, MutationOf } from './context';

/**
 * Sets an attempt's outcome or note after the fact (the rep clicks the channel first, the outcome second). Only its
 * author or a manager, only within ATTEMPT_AMEND_WINDOW_MS of the attempt, never on an undone one. Nothing is recounted
 * here: what depends on outcomes (cadence exits, reports) is computed from the attempt rows when read, and the row's
 * new version carries the change to every cache.
 */
export async function amendAttempt(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'attempt.amend'>): Promise<void> {
  const amendedAt = new Date(m.at);
  assertNotAhead(m.id, 'at', amendedAt, now);
  const [attempt] = await tx
    .select({ id: attempts.id, userId: attempts.userId, at: attempts.at, undoneAt: attempts.undoneAt })
    .from(attempts)
    .where(and(eq(attempts.id, m.attemptId), eq(attempts.workspaceId, caller.workspace.id)))
    .limit(1);
  // Another workspace's attempt answers exactly like an unknown one.
  if (!attempt) throw notFound(`attempt ${m.attemptId}`);
  if (!canAmend(caller, attempt.userId)) {
    throw new ApiError('forbidden', `attempt ${attempt.id} was logged by someone else; only they or a manager may amend it`);
  }
  if (attempt.undoneAt !== null) throw new ApiError('conflict', `attempt ${attempt.id} was undone; log a new attempt instead`);
  const until = new Date(attempt.at.getTime() + ATTEMPT_AMEND_WINDOW_MS);
  if (amendedAt > until) {
    throw new ApiError(
      'conflict',
      `attempt ${attempt.id} was logged at ${attempt.at.toISOString()}; it can be amended for 24 hours after that, until ${until.toISOString()}`,
    );
  }
  const changes = {
    ...(m.outcome !== undefined ? { outcome: m.outcome } : {}),
    ...(m.note !== undefined ? { note: m.note } : {}),
  };
  await tx
    .update(attempts)
    .set(changes)
    .where(and(eq(attempts.workspaceId, caller.workspace.id), eq(attempts.id, attempt.id)));
}

function canAmend(caller: Caller, loggedBy: string): boolean {
  return loggedBy === caller.user.id || caller.user.role === 'manager' || caller.user.role === 'admin';
}
