import { and, eq } from 'drizzle-orm';
import type { Caller } from '../../context';
import { ApiError, notFound } from '../../http/errors';
import type { Tx } from '../../store/db';
import { attempts } from '../../store/schema';
import type { MutationContext, MutationOf } from './context';

/** Marks an attempt undone: it stays for the record but no longer counts. Undoing it again changes nothing. */
export async function undoAttempt(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'attempt.undo'>): Promise<void> {
  const [attempt] = await tx
    .select({ id: attempts.id, userId: attempts.userId, undoneAt: attempts.undoneAt })
    .from(attempts)
    .where(and(eq(attempts.id, m.attemptId), eq(attempts.workspaceId, caller.workspace.id)))
    .limit(1);
  // Another workspace's attempt answers exactly like an unknown one.
  if (!attempt) throw notFound(`attempt ${m.attemptId}`);
  if (!canUndo(caller, attempt.userId)) {
    throw new ApiError('forbidden', `attempt ${attempt.id} was logged by someone else; only they or a manager may undo it`);
  }
  // Already undone: the wish is met, and the first undo time (and row version) stay as they were.
  if (attempt.undoneAt !== null) return;
  // By workspace and id: another workspace may have an attempt of the same (client-made) id.
  await tx
    .update(attempts)
    .set({ undoneAt: now })
    .where(and(eq(attempts.workspaceId, caller.workspace.id), eq(attempts.id, attempt.id)));
}

function canUndo(caller: Caller, loggedBy: string): boolean {
  return loggedBy === caller.user.id || caller.user.role === 'manager' || caller.user.role === 'admin';
}
