import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Activity } from '../../../lib/core/model/activity';
import type { LookupEntry, LookupResponse } from '../../../lib/core/model/api';
import type { Attempt } from '../../../lib/core/model/attempt';
import type { Caller } from '../../context';
import { readSnapshot, writeInWorkspace, type Db, type Queryable } from '../../store/db';
import { toActivity, toAttempt, toContact } from '../../store/rows';
import { activities, attempts, contacts } from '../../store/schema';
import { groupByContact, leadPicture } from '../../../lib/core/lead';
import { enterScope } from '../scope/entries';
import { isWorkspaceAddress } from './workspace-domains';
import type { ContactRow } from '../../store/rows';

/**
 * The panel's answer for the addresses it sees (docs/api.md): each known contact with its summary, score and cadence, in
 * the order asked, and the addresses nobody knows. Addresses on the workspace's own domains are colleagues, never
 * leads: they appear in neither list. Another workspace's contact is simply unknown here. Each contact found enters
 * the caller's sync scope, so the panel keeps it offline.
 *
 * Every activity and attempt of a found contact is read, not a recent window: the sync sends the extension the whole
 * history, and the panel computes from it with the same lib/core code, so both give the same numbers.
 */
export async function lookupContacts(db: Db, caller: Caller, asked: readonly string[], now: Date): Promise<LookupResponse> {
  const { settings } = caller.workspace;
  const emails = [...new Set(asked)].filter((email) => !isWorkspaceAddress(email, settings.domains));
  if (emails.length === 0) return { contacts: [], unknown: [] };

  const found = await readSnapshot(db, (tx) => readContactsWithHistory(tx, caller.workspace.id, emails));
  if (found.length > 0) await addToScope(db, caller, found.map((f) => f.row.id), now);

  const byEmail = new Map(found.map((f) => [f.row.email, f]));
  const entries: LookupEntry[] = [];
  const unknown: string[] = [];
  for (const email of emails) {
    const hit = byEmail.get(email);
    if (hit) entries.push(leadPicture(toContact(hit.row), hit.activities, hit.attempts, settings, now));
    else unknown.push(email);
  }
  return { contacts: entries, unknown };
}

interface ContactWithHistory {
  row: ContactRow;
  activities: Activity[];
  attempts: Attempt[];
}

async function readContactsWithHistory(tx: Queryable, workspaceId: string, emails: string[]): Promise<ContactWithHistory[]> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.email, emails), isNull(contacts.deletedAt)));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const activityRows = await tx.select().from(activities).where(inArray(activities.contactId, ids));
  const attemptRows = await tx.select().from(attempts).where(inArray(attempts.contactId, ids));
  const activitiesOf = groupByContact(activityRows.map(toActivity));
  const attemptsOf = groupByContact(attemptRows.map(toAttempt));
  return rows.map((row) => ({ row, activities: activitiesOf.get(row.id) ?? [], attempts: attemptsOf.get(row.id) ?? [] }));
}

/** One short write after the read: the workspace lock is held only for the scope rows, not for reading history. */
async function addToScope(db: Db, caller: Caller, contactIds: string[], now: Date): Promise<void> {
  await writeInWorkspace(db, caller.workspace.id, async (tx) => {
    // Under the lock, so a contact deleted since the read does not come back into anyone's scope.
    const live = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(inArray(contacts.id, contactIds), isNull(contacts.deletedAt)));
    for (const { id } of live) await enterScope(tx, caller.user.id, id, now);
  });
}
