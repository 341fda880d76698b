import { and, eq, isNull } from 'drizzle-orm';
import { newId } from '../../auth/tokens';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import { contacts, suggestedLeads } from '../../store/schema';
import type { MutationContext, MutationOf } from './context';

/**
 * Puts an unknown address forward for review; it never becomes a contact here. An address already a contact in this
 * workspace is refused (naming the contact is safe: same workspace); one already waiting for review is not queued twice.
 */
export async function suggestContact(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'contact.suggest'>): Promise<void> {
  const workspaceId = caller.workspace.id;
  const [known] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.email, m.email), isNull(contacts.deletedAt)))
    .limit(1);
  if (known) throw new ApiError('conflict', `${m.email} is already in Leadside as contact ${known.id}`);

  const [pending] = await tx
    .select({ id: suggestedLeads.id })
    .from(suggestedLeads)
    .where(and(eq(suggestedLeads.workspaceId, workspaceId), eq(suggestedLeads.email, m.email), eq(suggestedLeads.status, 'pending')))
    .limit(1);
  // One review is enough; the workspace lock held by the runner keeps two suggesters from both inserting.
  if (pending) return;

  await tx.insert(suggestedLeads).values({
    id: newId('sl'),
    workspaceId,
    email: m.email,
    name: m.name,
    company: m.company,
    title: m.title,
    note: m.note,
    seenOn: m.seenOn,
    suggestedBy: caller.user.id,
    // The server's clock, not the client's `at`: a wrong client clock can't reorder the review queue.
    suggestedAt: now,
  });
}
