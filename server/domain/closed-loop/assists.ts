import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import { countAssists, type WonCustomer } from '../../../lib/core/closed-loop';
import type { Activity } from '../../../lib/core/model/activity';
import { attributionOf } from '../../../lib/core/model/settings';
import type { Queryable } from '../../store/db';
import { activities, contacts, content, stageChanges, workspaces } from '../../store/schema';

/**
 * Counts every library item's content assists again from what is recorded (lib/core countAssists: customers who read
 * it within the window before their win) and writes the counts that changed, so those rows take a new version and
 * every cache updates. Called in the transaction of whatever can change a count: a move into or out of `customer`,
 * a customer deleted, a new window, an item created or moved to another URL. A customer is a contact whose stage is
 * `customer` now (deleted ones no longer count, as in the other reports); its win is its latest move into it.
 */
export async function recountAssists(tx: Queryable, workspaceId: string, windowDays?: number): Promise<void> {
  const window = windowDays ?? (await assistWindowOf(tx, workspaceId));
  const library = await tx
    .select({ id: content.id, url: content.url, assists: content.assists })
    .from(content)
    .where(and(eq(content.workspaceId, workspaceId), isNull(content.deletedAt)));
  if (library.length === 0) return;

  const counts = countAssists(library, await wonCustomers(tx, workspaceId), window);
  for (const item of library) {
    const n = counts.get(item.id) ?? 0;
    if (n !== item.assists) await tx.update(content).set({ assists: n }).where(and(eq(content.workspaceId, workspaceId), eq(content.id, item.id)));
  }
}

async function assistWindowOf(tx: Queryable, workspaceId: string): Promise<number> {
  const [row] = await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  // Read through the schema: settings stored before the window existed count with its default.
  return attributionOf(row?.settings).assistWindowDays;
}

/** The workspace's customers now, each with the instant of its latest move into `customer` and its activity. */
async function wonCustomers(tx: Queryable, workspaceId: string): Promise<WonCustomer[]> {
  const customerIds = tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.stage, 'customer'), isNull(contacts.deletedAt)));
  const wins = await tx
    .select({ contactId: stageChanges.contactId, wonAt: max(stageChanges.at) })
    .from(stageChanges)
    // By contact alone (the subquery's ids are the workspace's): see server/domain/contacts/scoring-inputs.ts.
    .where(and(eq(stageChanges.toStage, 'customer'), inArray(stageChanges.contactId, customerIds)))
    .groupBy(stageChanges.contactId);
  if (wins.length === 0) return [];
  const rows = await tx
    .select({ contactId: activities.contactId, type: activities.type, at: activities.at, url: activities.url, contentId: activities.contentId, trustLabel: activities.trustLabel, trustReason: activities.trustReason })
    .from(activities)
    .where(inArray(activities.contactId, customerIds));
  const byContact = new Map<string, WonCustomer['activities'][number][]>();
  for (const r of rows) {
    const reading = { type: r.type as Activity['type'], at: r.at.toISOString(), url: r.url, contentId: r.contentId, trust: { label: r.trustLabel as Activity['trust']['label'], reason: r.trustReason } };
    const list = byContact.get(r.contactId);
    if (list) list.push(reading);
    else byContact.set(r.contactId, [reading]);
  }
  // An aggregate's instant can come back as text on some drivers: read it as a date either way.
  return wins.flatMap((w) => (w.wonAt === null ? [] : [{ contactId: w.contactId, wonAt: new Date(w.wonAt), activities: byContact.get(w.contactId) ?? [] }]));
}
