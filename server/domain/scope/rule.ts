import { and, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { LOOKUP_SCOPE_DAYS } from './entries';
import type { Queryable } from '../../store/db';
import { contacts, scopeEntries } from '../../store/schema';
import { DAY_MS } from '../../../lib/core/time-units';

// A user's sync scope (docs/sync.md): the contacts in their scope_entries that are not deleted and that they own or
// looked up within LOOKUP_SCOPE_DAYS; plus, for everyone in the workspace, its content library and its settings.

/** Whose scope a pull reads, and the instant before which a lookup no longer keeps a contact in it. */
export interface SyncScope {
  userId: string;
  workspaceId: string;
  lookupCutoff: Date;
}


export function syncScope(userId: string, workspaceId: string, now: Date): SyncScope {
  return { userId, workspaceId, lookupCutoff: new Date(now.getTime() - LOOKUP_SCOPE_DAYS * DAY_MS) };
}

/**
 * The condition, over scope_entries joined to contacts, for "this entry's contact is in the user's scope now". A
 * lookup exactly LOOKUP_SCOPE_DAYS old is out, matching the expiry.
 */
export function entryInScope(scope: SyncScope): SQL {
  return and(
    eq(scopeEntries.userId, scope.userId),
    eq(contacts.workspaceId, scope.workspaceId),
    isNull(contacts.deletedAt),
    or(eq(contacts.ownerId, scope.userId), gt(scopeEntries.lookedUpAt, scope.lookupCutoff)),
  )!;
}

/**
 * Of the given contacts, those in the user's scope now: owned, or looked up within the last 30 days (the rule above,
 * as the sync applies it, so the stream never shows a contact the cache would not hold).
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
