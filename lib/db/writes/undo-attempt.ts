import type { Mutation } from '../../core/model/mutations';
import type { WriteContext } from './context';

/** Undoes an attempt: it stops counting at once, and the server hears of it in the same order it heard of the log. */
export async function undoAttempt(ctx: WriteContext, attemptId: string): Promise<void> {
  const at = ctx.now().toISOString();
  const mutation: Mutation = { id: ctx.newId(), type: 'attempt.undo', at, attemptId };
  await ctx.db.transaction('rw', ctx.db.attempts, ctx.db.outbox, async () => {
    const attempt = await ctx.db.attempts.get(attemptId);
    if (!attempt) throw new Error(`attempt ${attemptId} is not in the cache`);
    if (attempt.undoneAt !== null) return;
    await ctx.db.attempts.update(attemptId, { undoneAt: at });
    await ctx.db.outbox.add({ id: mutation.id, mutation, status: 'pending', createdAt: at, tries: 0 });
  });
}
