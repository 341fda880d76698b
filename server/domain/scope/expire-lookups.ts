import { and, eq, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { writeInWorkspace, type Db, type Queryable } from '../../store/db';
import { contacts, scopeEntries } from '../../store/schema';
import { leaveScope } from './entries';
import type { SyncScope } from './rule';

/**
 * Takes out of the caller's scope the contacts only a stale lookup kept there, so their ids go down in `removed`
 * (through the scope exit leaveScope records). Reads first and writes only when something lapsed, so a pull that
 * changes nothing writes nothing. Returns how many left.
 */
export async function expireLookups(db: Db, scope: SyncScope): Promise<number> {
  if ((await lapsedEntries(db, scope)).length === 0) return 0;
  return writeInWorkspace(db, scope.workspaceId, async (tx) => {
    // Again under the lock: a lookup or an assignment since the first read keeps the contact.
    const lapsed = await lapsedEntries(tx, scope);
    for (const contactId of lapsed) await leaveScope(tx, scope.workspaceId, scope.userId, contactId);
    return lapsed.length;
  });
}

/**
 * Entries whose contact is out of the scope for good: looked up LOOKUP_SCOPE_DAYS ago or more (or never) and not
 * owned by the caller, or deleted. A deleted contact's entries are normally gone already (deleteContact); this also
 * catches any that a writer left behind, so no cache keeps a contact it may no longer see.
 */
async function lapsedEntries(db: Queryable, scope: SyncScope): Promise<string[]> {
  const rows = await db
    .select({ contactId: scopeEntries.contactId })
    .from(scopeEntries)
    .innerJoin(contacts, eq(contacts.id, scopeEntries.contactId))
    .where(
      and(
        eq(scopeEntries.userId, scope.userId),
        eq(contacts.workspaceId, scope.workspaceId),
        or(
          isNotNull(contacts.deletedAt),
          and(
            or(isNull(contacts.ownerId), ne(contacts.ownerId, scope.userId)),
            or(isNull(scopeEntries.lookedUpAt), lte(scopeEntries.lookedUpAt, scope.lookupCutoff)),
          ),
        ),
      ),
    );
  return rows.map((r) => r.contactId);
}
