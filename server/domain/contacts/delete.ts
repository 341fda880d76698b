import { eq } from 'drizzle-orm';
import type { Tx } from '../../store/db';
import { contacts, scopeEntries } from '../../store/schema';
import { leaveScope } from '../scope/entries';
import { recountAssists } from '../closed-loop/assists';
import type { ContactRow } from '../../store/rows';
import { contactDeleted } from '../audit/changes';
import { recordAudit, type AuditActor } from '../audit/record';

/** Deletes a contact softly (its activity stays for reports) and takes it out of every cache that holds it. */
export async function deleteContact(tx: Tx, by: AuditActor, contact: ContactRow, now: Date): Promise<void> {
  await tx.update(contacts).set({ deletedAt: now, updatedAt: now }).where(eq(contacts.id, contact.id));
  await recordAudit(tx, by, contactDeleted(now, contact.id));
  // A deleted customer no longer counts toward what their reading assisted.
  if (contact.stage === 'customer') await recountAssists(tx, contact.workspaceId);
  const holders = await tx
    .select({ userId: scopeEntries.userId })
    .from(scopeEntries)
    .where(eq(scopeEntries.contactId, contact.id));
  for (const { userId } of holders) await leaveScope(tx, contact.workspaceId, userId, contact.id);
}
