import type { Tx } from '../../store/db';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import type { MutationContext, MutationOf } from './context';
import { moveContact, staleStage } from './stage-move';

/**
 * Moves a contact to another stage, only from the stage the client saw: if someone moved it meanwhile, the client
 * reloads rather than overwrite a change it never saw. Winning, losing and disqualifying are moves like the others.
 */
export async function changeStage(tx: Tx, ctx: MutationContext, m: MutationOf<'contact.stage'>): Promise<void> {
  const contact = await findVisibleContact(tx, ctx.caller, m.contactId);
  assertCanWorkContact(ctx.caller, contact);
  if (contact.stage !== m.from) throw staleStage(contact, m.from);
  await moveContact(tx, ctx, contact, { to: m.to, reasonCode: m.reasonCode, reason: m.reason, dealValue: m.dealValue, mutationId: m.id });
}
