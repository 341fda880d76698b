import { Attempt } from '../../core/model/attempt';
import type { AttemptChannel, AttemptOutcome } from '../../core/model/vocabulary';
import type { Mutation } from '../../core/model/mutations';
import type { WriteContext } from './context';

export interface LogAttemptInput {
  contactId: string;
  channel: AttemptChannel;
  outcome?: AttemptOutcome | null;
  note?: string | null;
  contentIds?: string[];
}

/**
 * Logs an attempt: the attempt and its outbox entry are written in one transaction, so once this resolves the
 * attempt survives a closed panel, a killed service worker or a browser restart, and the countdown moves at once.
 */
export async function logAttempt(ctx: WriteContext, input: LogAttemptInput): Promise<Attempt> {
  const at = ctx.now().toISOString();
  const attempt = Attempt.parse({ id: ctx.newId(), userId: ctx.userId, ...input, at });
  const mutation: Mutation = {
    id: ctx.newId(),
    type: 'attempt.log',
    at,
    attempt: {
      id: attempt.id,
      contactId: attempt.contactId,
      channel: attempt.channel,
      outcome: attempt.outcome,
      note: attempt.note,
      contentIds: attempt.contentIds,
      at,
    },
  };
  await ctx.db.transaction('rw', ctx.db.attempts, ctx.db.outbox, async () => {
    await ctx.db.attempts.add(attempt);
    await ctx.db.outbox.add({ id: mutation.id, mutation, status: 'pending', createdAt: at, tries: 0 });
  });
  return attempt;
}
