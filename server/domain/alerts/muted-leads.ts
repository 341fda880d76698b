import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { MutedLeadList } from '../../../lib/core/model/muted-leads';
import type { Caller } from '../../context';
import type { Queryable } from '../../store/db';
import { contacts } from '../../store/schema';
import { myAlertPreferences } from './preferences';

/**
 * The caller's muted leads, in the order they muted them, each with its name and email while it is a live contact of
 * the workspace; one deleted since keeps its id alone (the person can still stop muting it).
 */
export async function myMutedLeads(db: Queryable, caller: Caller): Promise<MutedLeadList> {
  const ids = (await myAlertPreferences(db, caller)).mutedContacts;
  if (ids.length === 0) return { leads: [] };
  const rows = await db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, caller.workspace.id), inArray(contacts.id, ids), isNull(contacts.deletedAt)));
  const known = new Map(rows.map((r) => [r.id, r]));
  return { leads: ids.map((id) => ({ id, name: known.get(id)?.name ?? null, email: known.get(id)?.email ?? null })) };
}
