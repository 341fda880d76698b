import type { ApiClient } from '../api/client';
import type { LeadsideDatabase } from '../db/database';
import type { OutboxEntry } from '../db/types';
import { mutationContactId, wasRefused, type MutationResult } from '../core/model/mutations';
import { PUSH_BATCH_SIZE } from './context';

/**
 * Pushes pending outbox entries oldest first, in batches. Only entries the server acknowledged (applied, or a duplicate
 * of an applied one) leave the outbox; a refused one (rejected, or a duplicate of a rejection whose first answer was
 * lost) stays, marked with the server's reason, and its local effect is rolled back.
 * A failure (offline, 5xx, 429, 401) throws before anything is deleted, so the batch is simply sent again later.
 */
export async function pushOutbox(db: LeadsideDatabase, api: ApiClient): Promise<{ pushed: number; rejected: number }> {
  let pushed = 0;
  let rejected = 0;
  for (;;) {
    const batch = await db.outbox.where('status').equals('pending').sortBy('seq');
    const chunk = batch.slice(0, PUSH_BATCH_SIZE);
    if (chunk.length === 0) return { pushed, rejected };
    await db.outbox.bulkUpdate(chunk.map((e) => ({ key: e.seq!, changes: { tries: e.tries + 1 } })));
    const { results } = await api.pushMutations(chunk.map((e) => e.mutation));
    const byId = new Map(results.map((r) => [r.id, r]));
    await db.transaction('rw', db.outbox, db.contacts, db.attempts, db.questions, async () => {
      for (const entry of chunk) {
        const result = byId.get(entry.id);
        if (!result) continue; // not answered: stays pending, goes again next time
        if (wasRefused(result)) {
          rejected++;
          await markRejected(db, entry, result);
        } else {
          pushed++;
          await db.outbox.delete(entry.seq!);
        }
      }
    });
    if (chunk.length < PUSH_BATCH_SIZE) return { pushed, rejected };
  }
}

/** Keeps the entry for the rep to see, and takes back what it did locally so the cache matches the server. */
async function markRejected(db: LeadsideDatabase, entry: OutboxEntry, result: MutationResult): Promise<void> {
  const m = entry.mutation;
  const contactId = mutationContactId(m);
  // Named now: the pull that follows may take the contact out of the cache (a lead reassigned away is a common refusal).
  const contact = contactId === null ? undefined : await db.contacts.get(contactId);
  await db.outbox.update(entry.seq!, {
    status: 'rejected',
    error: result.error ?? { code: 'rejected', message: 'the server refused this change' },
    ...(contact ? { contactName: contact.name ?? contact.email } : {}),
  });
  if (m.type === 'attempt.log') await db.attempts.delete(m.attempt.id);
  if (m.type === 'attempt.undo') await db.attempts.update(m.attemptId, { undoneAt: null });
  if (m.type === 'attempt.amend' && entry.previousAttempt) await db.attempts.update(m.attemptId, entry.previousAttempt);
  if (m.type === 'question.note') await db.questions.delete(m.question.id);
  if ((m.type === 'contact.stage' || m.type === 'contact.recycle' || m.type === 'contact.stage_undo') && entry.previous) {
    const { stage, stageReason, stageReasonCode = null, dealValue = null } = entry.previous;
    await db.contacts.update(m.contactId, { stage, stageReason, stageReasonCode, dealValue });
  }
}
