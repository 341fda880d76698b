import { eq } from 'drizzle-orm';
import type { ContactProfile } from '../../lib/core/model/contact';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { newId } from '../auth/tokens';
import type { Tx } from '../store/db';
import { contacts, scopeEntries } from '../store/schema';
import { enterScope, leaveScope } from './scope';
import type { ContactRow } from './access';

export interface NewContact extends Partial<ContactProfile> {
  id?: string;
  email: string;
  name?: string | null;
  stage: LifecycleStage;
  leadType?: string | null;
  source?: string | null;
  ownerId?: string | null;
}

/** Creates a contact; an owner gets it in their sync scope at once and the SLA clock starts now. */
export async function createContact(tx: Tx, workspaceId: string, input: NewContact, now: Date): Promise<ContactRow> {
  const ownerId = input.ownerId ?? null;
  const [row] = await tx
    .insert(contacts)
    .values({
      ...input,
      id: input.id ?? newId('c'),
      workspaceId,
      email: input.email.trim().toLowerCase(),
      ownerId,
      assignedAt: ownerId ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no contact');
  if (ownerId) await enterScope(tx, ownerId, row.id, null);
  return row;
}

/**
 * Gives a contact to another rep (or to nobody): the SLA clock restarts at `now`, the new owner's cache gets the
 * contact with its history, and the old owner's cache drops it.
 */
export async function reassignContact(tx: Tx, contact: ContactRow, ownerId: string | null, now: Date): Promise<ContactRow> {
  if (contact.ownerId === ownerId) return contact;
  const [row] = await tx
    .update(contacts)
    .set({ ownerId, assignedAt: ownerId ? now : null, updatedAt: now })
    .where(eq(contacts.id, contact.id))
    .returning();
  if (!row) throw new Error(`contact ${contact.id} vanished while being reassigned`);
  if (contact.ownerId) await leaveScope(tx, contact.workspaceId, contact.ownerId, contact.id);
  if (ownerId) await enterScope(tx, ownerId, contact.id, null);
  return row;
}

/** Deletes a contact softly (its activity stays for reports) and takes it out of every cache that holds it. */
export async function deleteContact(tx: Tx, contact: ContactRow, now: Date): Promise<void> {
  await tx.update(contacts).set({ deletedAt: now, updatedAt: now }).where(eq(contacts.id, contact.id));
  const holders = await tx
    .select({ userId: scopeEntries.userId })
    .from(scopeEntries)
    .where(eq(scopeEntries.contactId, contact.id));
  for (const { userId } of holders) await leaveScope(tx, contact.workspaceId, userId, contact.id);
}
