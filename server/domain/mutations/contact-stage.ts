import { eq } from 'drizzle-orm';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { moversFor, stageMoveRefusal } from '../../../lib/core/stage/transitions';
import type { Caller } from '../../context';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import { contacts } from '../../store/schema';
import type { ContactRow } from '../../store/rows';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import { recordStageChange } from '../contacts/stage-history';
import type { MutationContext, MutationOf } from './context';

/**
 * Moves a contact to another stage, only from the stage the client saw: if someone moved it meanwhile, the client
 * reloads rather than overwrite a change it never saw. Only a disqualification keeps a reason.
 */
export async function changeStage(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'contact.stage'>): Promise<void> {
  const contact = await findVisibleContact(tx, caller, m.contactId);
  assertCanWorkContact(caller, contact);
  if (contact.stage !== m.from) throw staleStage(contact, m.from);
  assertStageMove(caller, contact, m.to);
  await tx
    .update(contacts)
    .set({ stage: m.to, stageReason: m.to === 'disqualified' ? m.reason : null, updatedAt: now })
    .where(eq(contacts.id, contact.id));
  await recordStageChange(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    from: m.from,
    to: m.to,
    at: now,
    by: { kind: 'user', userId: caller.user.id },
    reason: m.reason,
    mutationId: m.id,
  });
}

/** The stage table's answer (lib/core/stage/transitions.ts) for this caller: a move the funnel lacks, or someone else's. */
export function assertStageMove(caller: Caller, contact: Pick<ContactRow, 'id' | 'stage'>, to: LifecycleStage): void {
  const refusal = stageMoveRefusal(contact.stage as LifecycleStage, to, moversFor(caller.user.role));
  if (refusal) throw new ApiError(refusal.kind === 'not_yours' ? 'forbidden' : 'conflict', `contact ${contact.id}: ${refusal.message}`);
}

export function staleStage(contact: Pick<ContactRow, 'id' | 'stage'>, expected: LifecycleStage): ApiError {
  return new ApiError('conflict', `contact ${contact.id} is ${contact.stage} now, not ${expected}: reload and try again`);
}
