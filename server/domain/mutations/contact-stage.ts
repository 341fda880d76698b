import { eq } from 'drizzle-orm';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import { contacts } from '../../store/schema';
import type { ContactRow } from '../../store/rows';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import type { MutationContext, MutationOf } from './context';

/**
 * Moves a contact to another stage, only from the stage the client saw: if someone moved it meanwhile, the client
 * reloads rather than overwrite a change it never saw. Only a disqualification keeps a reason.
 */
export async function changeStage(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'contact.stage'>): Promise<void> {
  const contact = await findVisibleContact(tx, caller, m.contactId);
  assertCanWorkContact(caller, contact);
  if (contact.stage !== m.from) throw staleStage(contact, m.from);
  await tx
    .update(contacts)
    .set({ stage: m.to, stageReason: m.to === 'disqualified' ? m.reason : null, updatedAt: now })
    .where(eq(contacts.id, contact.id));
}

export function staleStage(contact: Pick<ContactRow, 'id' | 'stage'>, expected: LifecycleStage): ApiError {
  return new ApiError('conflict', `contact ${contact.id} is ${contact.stage} now, not ${expected}: reload and try again`);
}
