import { eq } from 'drizzle-orm';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { outcomeSettingsOf } from '../../../lib/core/model/settings';
import { couldNotReach } from '../../../lib/core/stage/could-not-reach';
import { reasonForMove, waitsForCadence, type GivenReason } from '../../../lib/core/stage/reasons';
import { moversFor, stageMoveRefusal, transitionOf, type StageTransition } from '../../../lib/core/stage/transitions';
import type { Caller } from '../../context';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import type { ContactRow } from '../../store/rows';
import { contacts } from '../../store/schema';
import { cadenceOfContact } from '../contacts/cadence';
import { recordStageChange } from '../contacts/stage-history';
import type { MutationContext } from './context';

/** A move a person asked for, once the contact is found, theirs to work and in the stage they saw. */
export interface RequestedMove extends GivenReason {
  to: LifecycleStage;
  dealValue: number | null;
  mutationId: string;
}

/**
 * Makes a move the stage table allows for this caller, with its reason checked against the workspace's list and
 * "could not reach" against the cadence; writes the contact and its stage history together. Every refusal is thrown
 * before anything is written.
 */
export async function moveContact(tx: Tx, { caller, now }: MutationContext, contact: ContactRow, move: RequestedMove): Promise<void> {
  const from = contact.stage as LifecycleStage;
  const transition = assertStageMove(caller, contact, move.to);
  const given = reasonForMove({ from, ...transition }, outcomeSettingsOf(caller.workspace.settings), move);
  if (!given.ok) throw new ApiError('bad_request', `contact ${contact.id}: ${given.message}`);
  if (given.list !== null && waitsForCadence(given.list, given.reason.code)) {
    const check = couldNotReach(await cadenceOfContact(tx, caller.workspace.settings, contact, now));
    if (!check.allowed) throw new ApiError('conflict', `contact ${contact.id}: ${check.message}`);
  }
  const reason = given.list === null ? null : given.reason;
  const dealValue = transition.outcome === 'won' ? move.dealValue : null;
  await tx
    .update(contacts)
    .set({ stage: move.to, stageReason: reason?.text ?? null, stageReasonCode: reason?.code ?? null, dealValue, updatedAt: now })
    .where(eq(contacts.id, contact.id));
  await recordStageChange(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    from,
    to: move.to,
    at: now,
    by: { kind: 'user', userId: caller.user.id },
    reason: given.list === null ? given.note : given.reason.text,
    reasonCode: reason?.code ?? null,
    dealValue,
    mutationId: move.mutationId,
  });
}

/** The stage table's answer (lib/core/stage/transitions.ts) for this caller: a move the funnel lacks, or someone else's. */
export function assertStageMove(caller: Caller, contact: Pick<ContactRow, 'id' | 'stage'>, to: LifecycleStage): StageTransition {
  const from = contact.stage as LifecycleStage;
  const refusal = stageMoveRefusal(from, to, moversFor(caller.user.role));
  if (refusal) throw new ApiError(refusal.kind === 'not_yours' ? 'forbidden' : 'conflict', `contact ${contact.id}: ${refusal.message}`);
  return transitionOf(from, to)!;
}

export function staleStage(contact: Pick<ContactRow, 'id' | 'stage'>, expected: LifecycleStage): ApiError {
  return new ApiError('conflict', `contact ${contact.id} is ${contact.stage} now, not ${expected}: reload and try again`);
}
