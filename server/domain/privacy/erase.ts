import { and, eq, inArray } from 'drizzle-orm';
import type { PrivacyEraseRequest, PrivacyEraseResult } from '../../../lib/core/model/privacy';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import type { ContactRow } from '../../store/rows';
import {
  activities,
  alertOutbox,
  alerts,
  appliedMutations,
  attempts,
  auditEvents,
  contacts,
  questions,
  scopeEntries,
  stageChanges,
  suggestedLeads,
  trackedEmails,
  users,
  visitorEvents,
  visitors,
  webhookDeliveries,
} from '../../store/schema';
import { contactErased } from '../audit/changes';
import { recordAudit, type AuditActor } from '../audit/record';
import { recountAssists } from '../closed-loop/assists';
import { leaveScope } from '../scope/entries';
import { namingContact, textHolds, visitorIdsOf } from './held';
import { findPrivacySubject } from './subject';

/**
 * Erases a contact on their request, in the caller's transaction (writeInWorkspace): every row that names them is
 * deleted for good, every rep who holds them in their cache gets a scope exit (their next sync drops the contact),
 * content assists are counted again without them, and the audit log keeps one `contact.erase` event with the id only.
 * The confirmation must be the contact's own address; a wrong one answers 400 before anything changes. Erasing again
 * finds nothing: 404.
 */
export async function eraseContact(tx: Tx, by: AuditActor, request: PrivacyEraseRequest, now: Date): Promise<PrivacyEraseResult> {
  const contact = await findPrivacySubject(tx, by.workspaceId, request);
  if (request.confirmEmail !== contact.email) {
    const issues = [{ path: 'confirmEmail', message: "must be the contact's email address, typed again" }];
    throw new ApiError('bad_request', "confirmEmail: must be the contact's email address, typed again", issues);
  }
  // Their caches first: leaveScope deletes each holder's scope entry and records the exit their sync follows. The exit
  // carries the contact's id and nothing else; it is the one row besides the erasure event that still names it.
  const holders = await tx.select({ userId: scopeEntries.userId }).from(scopeEntries).where(eq(scopeEntries.contactId, contact.id));
  for (const { userId } of holders) await leaveScope(tx, contact.workspaceId, userId, contact.id);

  const removed = await deleteRowsNamingContact(tx, contact);
  removed.scopeEntries = holders.length;
  // Their reading no longer assists any content item (a customer's did).
  await recountAssists(tx, contact.workspaceId);
  await recordAudit(tx, by, contactErased(now, contact.id));
  return { contactId: contact.id, erasedAt: now.toISOString(), removed };
}

/**
 * The one list of every table that names a contact, deleted children before the contact row (the foreign keys).
 * A new table with a contact_id adds its delete here, and its condition to held.ts for the
 * export. Answers how many rows went, by kind.
 */
export async function deleteRowsNamingContact(tx: Tx, contact: ContactRow): Promise<Record<string, number>> {
  const where = namingContact(contact, await visitorIdsOf(tx, contact));
  const count = async (rows: Promise<unknown[]>) => (await rows).length;
  const removed: Record<string, number> = {};
  removed.visitorEvents = await count(tx.delete(visitorEvents).where(where.visitorEvents).returning({ id: visitorEvents.eventId }));
  removed.visitors = await count(tx.delete(visitors).where(where.visitors).returning({ id: visitors.visitorId }));
  removed.activities = await count(tx.delete(activities).where(where.activities).returning({ id: activities.id }));
  removed.attempts = await count(tx.delete(attempts).where(where.attempts).returning({ id: attempts.id }));
  removed.stageChanges = await count(tx.delete(stageChanges).where(where.stageChanges).returning({ id: stageChanges.id }));
  removed.questions = await count(tx.delete(questions).where(where.questions).returning({ id: questions.id }));
  removed.trackedEmails = await count(tx.delete(trackedEmails).where(where.trackedEmails).returning({ id: trackedEmails.id }));
  removed.alerts = await count(tx.delete(alerts).where(where.alerts).returning({ id: alerts.id }));
  removed.alertMessages = await count(tx.delete(alertOutbox).where(where.alertMessages).returning({ id: alertOutbox.id }));
  removed.webhookDeliveries = await count(tx.delete(webhookDeliveries).where(where.webhookDeliveries).returning({ id: webhookDeliveries.id }));
  removed.suggestedLeads = await count(tx.delete(suggestedLeads).where(where.suggestedLeads).returning({ id: suggestedLeads.id }));
  // Earlier events about them go: the erasure event recorded after this is all the log keeps of them.
  removed.auditEvents = await count(tx.delete(auditEvents).where(where.auditEvents).returning({ id: auditEvents.id }));
  // A kept mutation answer whose refusal names the contact (a replay then answers as for an unknown contact).
  const workspaceUsers = tx.select({ id: users.id }).from(users).where(eq(users.workspaceId, contact.workspaceId));
  removed.mutationAnswers = await count(
    tx
      .delete(appliedMutations)
      .where(and(inArray(appliedMutations.userId, workspaceUsers), textHolds(appliedMutations.result, contact.id)))
      .returning({ id: appliedMutations.id }),
  );
  await tx.delete(scopeEntries).where(where.scopeEntries);
  removed.contact = await count(tx.delete(contacts).where(where.contact).returning({ id: contacts.id }));
  return removed;
}
