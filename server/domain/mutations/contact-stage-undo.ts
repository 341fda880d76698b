import { and, desc, eq } from 'drizzle-orm';
import { STAGE_UNDO_WINDOW_MS } from '../../../lib/core/model/mutations';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { ApiError, notFound } from '../../http/errors';
import type { Tx } from '../../store/db';
import { contacts, stageChanges } from '../../store/schema';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import { recordStageChange } from '../contacts/stage-history';
import { assertNotAhead } from './clock';
import type { MutationContext, MutationOf } from './context';

/**
 * Takes back the caller's own stage change (the panel's Undo after accept, recycle, disqualify, won or lost): the
 * contact goes back to the stage it left, with that stage's reason and deal value, and the way back is recorded as a
 * stage change of its own naming the move it undoes, so the history says what happened. Only the latest move of the
 * contact, while the contact is still where it put it, within STAGE_UNDO_WINDOW_MS of it. Undoing it again changes
 * nothing.
 */
export async function undoStageChange(tx: Tx, ctx: MutationContext, m: MutationOf<'contact.stage_undo'>): Promise<void> {
  const { caller, now } = ctx;
  const undoneAt = new Date(m.at);
  assertNotAhead(m.id, 'at', undoneAt, now);
  const contact = await findVisibleContact(tx, caller, m.contactId);
  assertCanWorkContact(caller, contact);
  // Mutation ids are the caller's own: the move must be one they made.
  const [move] = await tx
    .select()
    .from(stageChanges)
    .where(and(eq(stageChanges.workspaceId, caller.workspace.id), eq(stageChanges.contactId, contact.id), eq(stageChanges.mutationId, m.undoes), eq(stageChanges.actorId, caller.user.id)))
    .limit(1);
  if (!move) throw notFound(`stage change ${m.undoes} on contact ${contact.id}`);
  const [already] = await tx
    .select({ id: stageChanges.id })
    .from(stageChanges)
    .where(and(eq(stageChanges.workspaceId, caller.workspace.id), eq(stageChanges.undoes, move.id)))
    .limit(1);
  if (already) return;
  if (move.fromStage === null) throw new ApiError('conflict', `stage change ${m.undoes} created the contact; there is no stage to go back to`);
  const history = await tx
    .select()
    .from(stageChanges)
    .where(and(eq(stageChanges.workspaceId, caller.workspace.id), eq(stageChanges.contactId, contact.id)))
    .orderBy(desc(stageChanges.at), desc(stageChanges.version));
  if (history[0]?.id !== move.id || contact.stage !== move.toStage) {
    throw new ApiError('conflict', `contact ${contact.id} moved again since (it is ${contact.stage} now); that change can no longer be undone`);
  }
  const until = new Date(move.at.getTime() + STAGE_UNDO_WINDOW_MS);
  if (undoneAt > until) {
    throw new ApiError('conflict', `stage change ${m.undoes} was made at ${move.at.toISOString()}; it can be undone for 24 hours after that, until ${until.toISOString()}`);
  }

  // The stage it left, with the reason (and a win's value) that came with arriving there.
  const back = move.fromStage as LifecycleStage;
  const arrival = history.slice(1).find((h) => h.toStage === back);
  const keepsReason = back === 'recycled' || back === 'disqualified';
  const restored = {
    stage: back,
    stageReason: keepsReason ? (arrival?.reason ?? null) : null,
    stageReasonCode: keepsReason ? (arrival?.reasonCode ?? null) : null,
    dealValue: back === 'customer' ? (arrival?.dealValue ?? null) : null,
  };
  await tx.update(contacts).set({ ...restored, updatedAt: now }).where(eq(contacts.id, contact.id));
  await recordStageChange(tx, {
    workspaceId: contact.workspaceId,
    contactId: contact.id,
    from: move.toStage as LifecycleStage,
    to: back,
    at: now,
    by: { kind: 'user', userId: caller.user.id },
    reason: null,
    reasonCode: null,
    dealValue: restored.dealValue,
    mutationId: m.id,
    undoes: move.id,
  });
}
