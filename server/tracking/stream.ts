import { and, inArray } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import type { Activity } from '../../lib/core/model/activity';
import { entryInScope, syncScope } from '../domain/sync/scope';
import type { Queryable } from '../store/db';
import { contacts, scopeEntries } from '../store/schema';

/**
 * Of the given contacts, those in the user's scope now: owned, or looked up within the last 30 days (the same rule as
 * the sync, so the stream never shows a contact the cache would not hold).
 */
export async function contactsInScope(db: Queryable, userId: string, workspaceId: string, contactIds: readonly string[], now: Date): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db
    .select({ id: scopeEntries.contactId })
    .from(scopeEntries)
    .innerJoin(contacts, eq(contacts.id, scopeEntries.contactId))
    .where(and(entryInScope(syncScope(userId, workspaceId, now)), inArray(scopeEntries.contactId, [...contactIds])));
  return new Set(rows.map((r) => r.id));
}

/** The activities the user may see, in the order given. */
export async function visibleTo(db: Queryable, userId: string, workspaceId: string, activities: readonly Activity[], now: Date): Promise<Activity[]> {
  const inScope = await contactsInScope(db, userId, workspaceId, [...new Set(activities.map((a) => a.contactId))], now);
  return activities.filter((a) => inScope.has(a.contactId));
}
