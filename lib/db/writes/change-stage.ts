import type { Mutation } from '../../core/model/mutations';
import { outcomeSettingsOf } from '../../core/model/settings';
import type { LifecycleStage } from '../../core/model/vocabulary';
import { reasonForMove } from '../../core/stage/reasons';
import { transitionOf } from '../../core/stage/transitions';
import { readMeta } from '../meta';
import type { StageFields } from '../types';
import type { WriteContext } from './context';

/** A reason as the rep gave it: a code from the workspace's list (or `other`), and a text (required for other). */
export interface GivenStageReason {
  reasonCode: string;
  reason?: string | null;
}

export type StageChange =
  | { kind: 'stage'; to: Exclude<LifecycleStage, 'recycled' | 'disqualified'>; dealValue?: number | null }
  | ({ kind: 'disqualify' } & GivenStageReason)
  | ({ kind: 'recycle' } & GivenStageReason);

/**
 * Moves a contact to another stage (accept, opportunity, won with a deal value, lost, recycle, disqualify). The
 * mutation carries the stage it expects to replace, so a change someone else made meanwhile is reported as a
 * conflict, not overwritten. The reason shown at once is the one the server will record (lib/core resolves both);
 * a reason the workspace's list does not have is refused here before anything is written.
 */
export async function changeStage(ctx: WriteContext, contactId: string, change: StageChange): Promise<MadeStageChange> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction('rw', ctx.db.contacts, ctx.db.outbox, ctx.db.meta, async () => {
    const contact = await ctx.db.contacts.get(contactId);
    if (!contact) throw new Error(`contact ${contactId} is not in the cache`);
    const to: LifecycleStage = change.kind === 'recycle' ? 'recycled' : change.kind === 'disqualify' ? 'disqualified' : change.to;
    if (to === contact.stage) throw new Error(`contact ${contactId} is already ${to}`);
    const transition = transitionOf(contact.stage, to);
    if (!transition) throw new Error(`a contact cannot go from ${contact.stage} to ${to}`);

    const given = change.kind === 'stage' ? { reasonCode: null, reason: null } : { reasonCode: change.reasonCode, reason: change.reason?.trim() || null };
    const resolved = reasonForMove({ from: contact.stage, ...transition }, outcomeSettingsOf(await readMeta(ctx.db, 'settings')), given);
    if (!resolved.ok) throw new Error(resolved.message);
    const reason = resolved.list === null ? null : resolved.reason;
    const dealValue = change.kind === 'stage' && transition.outcome === 'won' ? (change.dealValue ?? null) : null;

    const id = ctx.newId();
    const mutation: Mutation =
      change.kind === 'recycle'
        ? { id, type: 'contact.recycle', at, contactId, from: contact.stage, ...given }
        : { id, type: 'contact.stage', at, contactId, from: contact.stage, to, ...given, dealValue };
    const wrote: StageFields = { stage: to, stageReason: reason?.text ?? null, stageReasonCode: reason?.code ?? null, dealValue };
    const previous: StageFields = { stage: contact.stage, stageReason: contact.stageReason, stageReasonCode: contact.stageReasonCode ?? null, dealValue: contact.dealValue ?? null };
    await ctx.db.contacts.update(contactId, { ...wrote, updatedAt: at });
    await ctx.db.outbox.add({ id, mutation, status: 'pending', createdAt: at, tries: 0, previous, wrote });
    return { contactId, mutationId: id, previous, wrote };
  });
}

/** A stage change just made, with what it replaced: what the panel's Undo needs. */
export interface MadeStageChange {
  contactId: string;
  mutationId: string;
  previous: StageFields;
  wrote: StageFields;
}

/**
 * Undoes a stage change the rep just made: the contact goes back to what it was, at once, and contact.stage_undo
 * follows the move in the outbox (never a rewrite of the move's entry, which may be on its way to the server), so the
 * server ends in the old stage with both the move and its undo in the history. Refused if the contact moved since.
 */
export async function undoStageChange(ctx: WriteContext, made: MadeStageChange): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction('rw', ctx.db.contacts, ctx.db.outbox, async () => {
    const contact = await ctx.db.contacts.get(made.contactId);
    if (!contact) throw new Error(`contact ${made.contactId} is not in the cache`);
    if (contact.stage !== made.wrote.stage) throw new Error(`the lead moved since (it is ${contact.stage} now)`);
    const mutation: Mutation = { id: ctx.newId(), type: 'contact.stage_undo', at, contactId: made.contactId, undoes: made.mutationId };
    await ctx.db.contacts.update(made.contactId, { ...made.previous, updatedAt: at });
    // Laid over pulled rows while pending (`wrote`), put back if refused (`previous`), like any stage change.
    await ctx.db.outbox.add({ id: mutation.id, mutation, status: 'pending', createdAt: at, tries: 0, previous: made.wrote, wrote: made.previous });
  });
}
