import { and, eq, isNull } from 'drizzle-orm';
import type { Caller } from '../../context';
import { ApiError, notFound } from '../../http/errors';
import type { Queryable } from '../../store/db';
import { contacts } from '../../store/schema';
import type { ContactRow } from '../../store/rows';


/**
 * The contact, if it is in the caller's workspace and not deleted. Another workspace's id answers exactly like an
 * unknown one, so nobody learns that it exists.
 */
export async function findVisibleContact(db: Queryable, caller: Caller, contactId: string): Promise<ContactRow> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, caller.workspace.id), isNull(contacts.deletedAt)))
    .limit(1);
  if (!row) throw notFound(`contact ${contactId}`);
  return row;
}

/** Who may work a contact: its owner, anyone while it has no owner, and managers and admins. */
export function canWorkContact(caller: Caller, contact: Pick<ContactRow, 'ownerId'>): boolean {
  const role = caller.user.role;
  return contact.ownerId === null || contact.ownerId === caller.user.id || role === 'manager' || role === 'admin';
}

export function assertCanWorkContact(caller: Caller, contact: Pick<ContactRow, 'ownerId' | 'id'>): void {
  if (!canWorkContact(caller, contact)) {
    throw new ApiError('forbidden', `contact ${contact.id} belongs to another rep; ask its owner or a manager`);
  }
}
