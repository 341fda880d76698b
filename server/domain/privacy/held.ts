import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PrivacyKind, PrivacyRow } from '../../../lib/core/model/privacy';
import type { Queryable } from '../../store/db';
import type { ContactRow } from '../../store/rows';
import {
  activities,
  alertOutbox,
  alerts,
  attempts,
  auditEvents,
  contacts,
  questions,
  scopeEntries,
  stageChanges,
  suggestedLeads,
  webhookDeliveries,
  trackedEmails,
  visitorEvents,
  visitors,
} from '../../store/schema';

// Every row that names a contact, by kind: what an export lists and what an erasure deletes (erase.ts), from the
// same conditions, so the two never disagree about what is held. A new table that names a contact gets its
// condition here (and its delete in erase.ts).

/** Whether a jsonb or text column's text holds `needle` (strpos, not LIKE: an address may hold `_` or `%`). */
export const textHolds = (column: unknown, needle: string): SQL => sql`strpos(${column}::text, ${needle}) > 0`;

/** The conditions per table, for one contact. */
export function namingContact(contact: Pick<ContactRow, 'id' | 'workspaceId' | 'email'>, visitorIds: readonly string[]) {
  const ws = contact.workspaceId;
  return {
    contact: and(eq(contacts.workspaceId, ws), eq(contacts.id, contact.id))!,
    activities: and(eq(activities.workspaceId, ws), eq(activities.contactId, contact.id))!,
    attempts: and(eq(attempts.workspaceId, ws), eq(attempts.contactId, contact.id))!,
    stageChanges: and(eq(stageChanges.workspaceId, ws), eq(stageChanges.contactId, contact.id))!,
    questions: and(eq(questions.workspaceId, ws), eq(questions.contactId, contact.id))!,
    trackedEmails: and(eq(trackedEmails.workspaceId, ws), eq(trackedEmails.contactId, contact.id))!,
    visitors: and(eq(visitors.workspaceId, ws), eq(visitors.contactId, contact.id))!,
    // The browsing history of the contact's browsers, from before they identified as well as after.
    visitorEvents: and(eq(visitorEvents.workspaceId, ws), visitorIds.length > 0 ? inArray(visitorEvents.visitorId, [...visitorIds]) : sql`false`)!,
    // Alerts about them, and digests that counted them among others (a digest's words name every lead in it).
    alerts: and(
      eq(alerts.workspaceId, ws),
      or(eq(alerts.contactId, contact.id), sql`${alerts.digestOf} -> 'contactIds' @> ${JSON.stringify([contact.id])}::jsonb`),
    )!,
    // Queued and sent alert emails and chat posts: their composed words carry the lead's link (its id) or address.
    alertMessages: and(eq(alertOutbox.workspaceId, ws), or(textHolds(alertOutbox.payload, contact.id), textHolds(alertOutbox.payload, contact.email)))!,
    // Webhook events about them, queued or sent (each names its contact).
    webhookDeliveries: and(eq(webhookDeliveries.workspaceId, ws), eq(webhookDeliveries.contactId, contact.id))!,
    suggestedLeads: and(eq(suggestedLeads.workspaceId, ws), or(eq(suggestedLeads.contactId, contact.id), eq(suggestedLeads.email, contact.email)))!,
    scopeEntries: eq(scopeEntries.contactId, contact.id),
    // Events about the contact, and any other whose recorded fields hold their address.
    auditEvents: and(
      eq(auditEvents.workspaceId, ws),
      or(and(eq(auditEvents.targetKind, 'contact'), eq(auditEvents.targetId, contact.id)), textHolds(auditEvents.changes, contact.email)),
    )!,
  } satisfies Record<PrivacyKind, SQL>;
}

/** The ids of the browsers the website snippet tied to the contact. */
export async function visitorIdsOf(db: Queryable, contact: Pick<ContactRow, 'id' | 'workspaceId'>): Promise<string[]> {
  const rows = await db
    .select({ id: visitors.visitorId })
    .from(visitors)
    .where(and(eq(visitors.workspaceId, contact.workspaceId), eq(visitors.contactId, contact.id)));
  return rows.map((r) => r.id);
}

/** Every row held about the contact, by kind, as plain JSON values (instants as ISO strings; row versions left out). */
export async function heldAbout(db: Queryable, contact: ContactRow): Promise<Record<PrivacyKind, PrivacyRow[]>> {
  const where = namingContact(contact, await visitorIdsOf(db, contact));
  const plain = (rows: readonly object[]) => rows.map(plainRow);
  return {
    contact: plain(await db.select().from(contacts).where(where.contact)),
    activities: plain(await db.select().from(activities).where(where.activities).orderBy(activities.at)),
    attempts: plain(await db.select().from(attempts).where(where.attempts).orderBy(attempts.at)),
    stageChanges: plain(await db.select().from(stageChanges).where(where.stageChanges).orderBy(stageChanges.at)),
    questions: plain(await db.select().from(questions).where(where.questions).orderBy(questions.at)),
    trackedEmails: plain(await db.select().from(trackedEmails).where(where.trackedEmails).orderBy(trackedEmails.sentAt)),
    visitors: plain(await db.select().from(visitors).where(where.visitors).orderBy(visitors.firstSeen)),
    visitorEvents: plain(await db.select().from(visitorEvents).where(where.visitorEvents).orderBy(visitorEvents.at)),
    alerts: plain((await db.select().from(alerts).where(where.alerts).orderBy(alerts.at)).map((r) => (r.contactId === contact.id ? r : othersDigest(r)))),
    alertMessages: plain(await db.select().from(alertOutbox).where(where.alertMessages).orderBy(alertOutbox.createdAt)),
    webhookDeliveries: plain(await db.select().from(webhookDeliveries).where(where.webhookDeliveries).orderBy(webhookDeliveries.createdAt)),
    suggestedLeads: plain(await db.select().from(suggestedLeads).where(where.suggestedLeads).orderBy(suggestedLeads.suggestedAt)),
    scopeEntries: plain(await db.select().from(scopeEntries).where(where.scopeEntries)),
    auditEvents: plain(await db.select().from(auditEvents).where(where.auditEvents).orderBy(auditEvents.at)),
  };
}

/**
 * A digest that counted the contact among other leads: what it was and when, without its words or the others' ids
 * (those are about other people). It is erased with the contact all the same.
 */
function othersDigest(r: typeof alerts.$inferSelect): object {
  return { ...r, contactId: null, title: null, body: null, digestOf: { count: r.digestOf?.count ?? 0 } };
}

function plainRow(row: object): PrivacyRow {
  const out: PrivacyRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'version') continue;
    out[key] = value instanceof Date ? value.toISOString() : (value as PrivacyRow[string]);
  }
  return out;
}
