import { eq } from 'drizzle-orm';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import { contacts } from '../../store/schema';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import { recordStageChange } from '../contacts/stage-history';
import { assertStageMove } from './contact-stage';
import type { MutationContext, MutationOf } from './context';

/**
 * Hands a contact back to marketing with a reason. A contact already recycled or disqualified is refused as a
 * conflict: the mutation carries no `from`, so recycling it would silently replace a reason someone else gave.
 */
export async function recycleContact(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'contact.recycle'>): Promise<void> {
  const contact = await findVisibleContact(tx, caller, m.contactId);
  assertCanWorkContact(caller, contact);
  if (contact.stage === 'recycled') {
    throw new ApiError('conflict', `contact ${contact.id} is already recycled: reload and try again`);
  }
  if (contact.stage === 'disqualified') {
    throw new ApiError('conflict', `contact ${contact.id} is disqualified: move it back to a funnel stage before recycling it`);
  }
  assertStageMove(caller, contact, 'recycled');
  await tx.update(contacts).set({ stage: 'recycled', stageReason: m.reason, updatedAt: now }).where(eq(contacts.id, contact.id));
  await recordStageChange(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    from: contact.stage as LifecycleStage,
    to: 'recycled',
    at: now,
    by: { kind: 'user', userId: caller.user.id },
    reason: m.reason,
    mutationId: m.id,
  });
}
