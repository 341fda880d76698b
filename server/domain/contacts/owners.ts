import { and, eq, inArray } from 'drizzle-orm';
import { badRequest } from '../../http/errors';
import type { Queryable, Tx } from '../../store/db';
import { contacts, users } from '../../store/schema';
import { enterScope, leaveScope } from '../scope/entries';
import type { ContactRow } from '../../store/rows';
import { contactReassigned } from '../audit/changes';
import { recordAudit, type AuditActor } from '../audit/record';

/** Roles that work leads, and so may own them. */
export const OWNER_ROLES = ['rep', 'manager'] as const;

/** Whether the user may own leads in the workspace: active, in it, and a rep or a manager. */
export async function isAssignableOwner(db: Queryable, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId), eq(users.disabled, false), inArray(users.role, [...OWNER_ROLES])))
    .limit(1);
  return row !== undefined;
}

/** A 400 on `ownerId` for anyone else; another workspace's user reads exactly like an unknown one. */
export async function assertAssignableOwner(db: Queryable, workspaceId: string, userId: string): Promise<void> {
  if (await isAssignableOwner(db, workspaceId, userId)) return;
  const message = `${userId} is not an active rep or manager of this workspace`;
  throw badRequest(`request body is not valid: ownerId: ${message}`, [{ path: 'ownerId', message }]);
}

/**
 * Gives a contact to another rep (or to nobody): the SLA clock restarts at `now`, the new owner's cache gets the
 * contact with its history, and the old owner's cache drops it.
 */
export async function reassignContact(tx: Tx, by: AuditActor, contact: ContactRow, ownerId: string | null, now: Date): Promise<ContactRow> {
  if (contact.ownerId === ownerId) return contact;
  const [row] = await tx
    .update(contacts)
    .set({ ownerId, assignedAt: ownerId ? now : null, updatedAt: now })
    .where(eq(contacts.id, contact.id))
    .returning();
  if (!row) throw new Error(`contact ${contact.id} vanished while being reassigned`);
  if (contact.ownerId) await leaveScope(tx, contact.workspaceId, contact.ownerId, contact.id);
  if (ownerId) await enterScope(tx, ownerId, contact.id, null);
  await recordAudit(tx, by, contactReassigned(now, contact.id, contact.ownerId, ownerId));
  return row;
}
