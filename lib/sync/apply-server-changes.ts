import type { Attempt } from '../core/model/attempt';
import type { SyncPage } from '../core/model/sync';
import type { LeadsideDatabase } from '../db/database';
import type { OutboxEntry, StageFields } from '../db/types';
import { writeMeta } from '../db/meta';
import { admitAlerts } from '../alerts/deliver';

/**
 * Applies one page from the server and stores its cursor in the same transaction, so a crash mid-sync never leaves
 * rows without the cursor that brought them (or the reverse). Local changes still waiting in the outbox stay on top:
 * a pulled row never undoes a stage change, an undo or an amend the server has not heard of yet.
 */
export async function applyServerChanges(
  db: LeadsideDatabase,
  page: Omit<SyncPage, 'people'> & Partial<Pick<SyncPage, 'people'>>,
  now: Date = new Date(),
): Promise<number> {
  const tables = [db.contacts, db.activities, db.attempts, db.stageChanges, db.questions, db.content, db.answers, db.outbox, db.meta, db.lookups, db.people, db.alerts];
  return db.transaction('rw', tables, async () => {
    const pending = await db.outbox.where('status').equals('pending').toArray();
    const contacts = page.contacts.map((c) => ({ ...c, ...pendingStageOf(pending, c.id) }));
    const attempts = page.attempts.map((a) => ({ ...a, ...pendingAmendOf(pending, a.id), ...pendingUndoOf(pending, a.id) }));

    await db.contacts.bulkPut(contacts);
    await db.activities.bulkPut(page.activities);
    await db.attempts.bulkPut(attempts);
    await db.questions.bulkPut(page.questions);
    await db.stageChanges.bulkPut(page.stageChanges);
    if (page.people && page.people.length > 0) await db.people.bulkPut(page.people);
    await db.content.bulkPut(page.content);
    await applyAnswers(db, page.answers);
    if (page.settings) await writeMeta(db, 'settings', page.settings);
    // The caller's alerts are kept with the page (shown by the background after the sync, once by id: lib/alerts).
    await admitAlerts(db, page.alerts ?? [], now);

    if (page.removed.contacts.length > 0) await removeContacts(db, page.removed.contacts, pending);
    if (page.removed.content.length > 0) await db.content.bulkDelete(page.removed.content);
    // A contact that came down is known now: forget any "not in Leadside" answer cached for its address.
    if (contacts.length > 0) await db.lookups.bulkDelete(contacts.map((c) => c.email));
    await writeMeta(db, 'cursor', page.cursor);
    return (
      contacts.length +
      page.activities.length +
      attempts.length +
      page.stageChanges.length +
      page.questions.length +
      page.content.length +
      page.answers.length
    );
  });
}

/** A linked answer replaces the cached one; an unlinked one (no item) removes it. */
async function applyAnswers(db: LeadsideDatabase, answers: SyncPage['answers']): Promise<void> {
  const linked = answers.filter((a) => a.contentId !== null);
  const unlinked = answers.filter((a) => a.contentId === null).map((a) => a.key);
  if (linked.length > 0) await db.answers.bulkPut(linked);
  if (unlinked.length > 0) await db.answers.bulkDelete(unlinked);
}

/** Drops contacts that left the rep's scope with their history, keeping any attempt or question still waiting to be pushed. */
async function removeContacts(db: LeadsideDatabase, ids: string[], pending: OutboxEntry[]): Promise<void> {
  const unpushed = new Set(pending.flatMap((e) => (e.mutation.type === 'attempt.log' ? [e.mutation.attempt.id] : [])));
  const unpushedQuestions = new Set(pending.flatMap((e) => (e.mutation.type === 'question.note' ? [e.mutation.question.id] : [])));
  await db.contacts.bulkDelete(ids);
  await db.activities.where('contactId').anyOf(ids).delete();
  await db.stageChanges.where('contactId').anyOf(ids).delete();
  await db.attempts
    .where('contactId')
    .anyOf(ids)
    .filter((a) => !unpushed.has(a.id))
    .delete();
  await db.questions
    .where('contactId')
    .anyOf(ids)
    .filter((q) => !unpushedQuestions.has(q.id))
    .delete();
}

/** The stage the rep's latest unpushed change gave the contact: what it wrote, or, for older entries, what its mutation says. */
function pendingStageOf(pending: OutboxEntry[], contactId: string): Partial<StageFields> {
  let latest: Partial<StageFields> = {};
  for (const e of pending) {
    const m = e.mutation;
    if ((m.type !== 'contact.stage' && m.type !== 'contact.recycle' && m.type !== 'contact.stage_undo') || m.contactId !== contactId) continue;
    if (e.wrote) latest = e.wrote;
    else if (m.type === 'contact.stage_undo') continue;
    else latest = { stage: m.type === 'contact.stage' ? m.to : 'recycled', stageReason: m.reason };
  }
  return latest;
}

function pendingUndoOf(pending: OutboxEntry[], attemptId: string): Partial<Pick<Attempt, 'undoneAt'>> {
  const undo = pending.find((e) => e.mutation.type === 'attempt.undo' && e.mutation.attemptId === attemptId);
  return undo ? { undoneAt: undo.mutation.at } : {};
}

/** The outcome and note of the pending amends of an attempt, oldest first, so the latest wins. */
function pendingAmendOf(pending: OutboxEntry[], attemptId: string): Partial<Pick<Attempt, 'outcome' | 'note'>> {
  let fields: Partial<Pick<Attempt, 'outcome' | 'note'>> = {};
  for (const e of [...pending].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const m = e.mutation;
    if (m.type !== 'attempt.amend' || m.attemptId !== attemptId) continue;
    fields = { ...fields, ...(m.outcome !== undefined ? { outcome: m.outcome } : {}), ...(m.note !== undefined ? { note: m.note } : {}) };
  }
  return fields;
}
