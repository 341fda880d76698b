import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import type { MutationContext, MutationOf } from './context';
import { moveContact, staleStage } from './stage-move';

/**
 * Hands a contact back to marketing with a reason (from an opportunity: lost, back to nurture). With `from`, the stage
 * the client saw, a contact moved meanwhile is a conflict. Without it (older panels), a contact already recycled or
 * disqualified is refused as a conflict: recycling it would silently replace a reason someone else gave.
 */
export async function recycleContact(tx: Tx, ctx: MutationContext, m: MutationOf<'contact.recycle'>): Promise<void> {
  const contact = await findVisibleContact(tx, ctx.caller, m.contactId);
  assertCanWorkContact(ctx.caller, contact);
  if (m.from !== null && contact.stage !== m.from) throw staleStage(contact, m.from);
  if (contact.stage === 'recycled') {
    throw new ApiError('conflict', `contact ${contact.id} is already recycled: reload and try again`);
  }
  if (contact.stage === 'disqualified') {
    throw new ApiError('conflict', `contact ${contact.id} is disqualified: move it back to a funnel stage before recycling it`);
  }
  await moveContact(tx, ctx, contact, { to: 'recycled', reasonCode: m.reasonCode, reason: m.reason, dealValue: null, mutationId: m.id });
}
