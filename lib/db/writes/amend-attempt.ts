import type { Mutation } from '../../core/model/mutations';
import type { AttemptOutcome } from '../../core/model/vocabulary';
import type { WriteContext } from './context';

/** What an amend changes: a field left out stays as it was; null clears it. */
export interface AttemptAmendment {
  outcome?: AttemptOutcome | null;
  note?: string | null;
}

/**
 * Sets a logged attempt's outcome or note: the cached attempt and the outbox entry in one transaction, so the cadence
 * (an outcome may end it) and the timeline follow at once. Always a mutation of its own, even while the log is still
 * pending: that log may be on its way to the server right now, and rewriting it could lose the amend. What it
 * replaced is kept, so a refusal puts the attempt back as the server has it. An amend that changes nothing writes
 * nothing.
 */
export async function amendAttempt(ctx: WriteContext, attemptId: string, amendment: AttemptAmendment): Promise<void> {
  const at = ctx.now().toISOString();
  const note = amendment.note === undefined || amendment.note === null ? amendment.note : amendment.note.trim() || null;
  await ctx.db.transaction('rw', ctx.db.attempts, ctx.db.outbox, async () => {
    const attempt = await ctx.db.attempts.get(attemptId);
    if (!attempt) throw new Error(`attempt ${attemptId} is not in the cache`);
    if (attempt.undoneAt !== null) throw new Error('that attempt was undone');
    const changes = {
      ...(amendment.outcome !== undefined && amendment.outcome !== attempt.outcome ? { outcome: amendment.outcome } : {}),
      ...(note !== undefined && note !== attempt.note ? { note } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    const mutation: Mutation = { id: ctx.newId(), type: 'attempt.amend', at, attemptId, ...changes };
    await ctx.db.attempts.update(attemptId, changes);
    await ctx.db.outbox.add({
      id: mutation.id,
      mutation,
      status: 'pending',
      createdAt: at,
      tries: 0,
      previousAttempt: { outcome: attempt.outcome, note: attempt.note },
    });
  });
}
