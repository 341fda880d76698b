import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../store/db';
import { scopeEntries, scopeExits } from '../../store/schema';

/** How long a looked-up contact stays in the rep's sync scope after the last lookup. */
export const LOOKUP_SCOPE_DAYS = 30;

/**
 * Puts a contact in a user's sync scope. The first entry takes a new row version, so the user's next pull brings the
 * contact with its whole history; later lookups only refresh `lookedUpAt`.
 */
export async function enterScope(tx: Tx, userId: string, contactId: string, lookedUpAt: Date | null): Promise<void> {
  await tx
    .insert(scopeEntries)
    .values({ userId, contactId, lookedUpAt })
    .onConflictDoUpdate({
      target: [scopeEntries.userId, scopeEntries.contactId],
      set: lookedUpAt ? { lookedUpAt } : { userId },
    });
}

/** New owners' entries for many contacts at once (an import's batch); an entry already there is left as it is. */
export async function enterScopes(tx: Tx, entries: readonly { userId: string; contactId: string }[]): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(scopeEntries)
    .values(entries.map((e) => ({ ...e, lookedUpAt: null })))
    .onConflictDoNothing();
}

/** Takes a contact out of a user's scope (reassigned away, deleted, lookup expired): their cache drops it. */
export async function leaveScope(tx: Tx, workspaceId: string, userId: string, contactId: string): Promise<void> {
  const removed = await tx
    .delete(scopeEntries)
    .where(and(eq(scopeEntries.userId, userId), eq(scopeEntries.contactId, contactId)))
    .returning({ contactId: scopeEntries.contactId });
  if (removed.length > 0) await tx.insert(scopeExits).values({ workspaceId, userId, kind: 'contact', objectId: contactId });
}
