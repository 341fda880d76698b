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
export async function changeStage(ctx: WriteContext, contactId: string, change: StageChange): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction('rw', ctx.db.contacts, ctx.db.outbox, ctx.db.meta, async () => {
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
    await ctx.db.contacts.update(contactId, { ...wrote, updatedAt: at });
    await ctx.db.outbox.add({
      id,
      mutation,
      status: 'pending',
      createdAt: at,
      tries: 0,
      previous: { stage: contact.stage, stageReason: contact.stageReason, stageReasonCode: contact.stageReasonCode ?? null, dealValue: contact.dealValue ?? null },
      wrote,
    });
  });
}
