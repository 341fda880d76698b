import type { Mutation } from '../../core/model/mutations';
import type { LifecycleStage } from '../../core/model/vocabulary';
import type { WriteContext } from './context';

export type StageChange =
  | { kind: 'stage'; to: Exclude<LifecycleStage, 'recycled' | 'disqualified'> }
  | { kind: 'disqualify'; reason: string }
  | { kind: 'recycle'; reason: string };

/**
 * Moves a contact to another stage (accept MQL → SQL, disqualify, recycle to marketing). The mutation carries the
 * stage it expects to replace, so a change someone else made meanwhile is reported as a conflict, not overwritten.
 */
export async function changeStage(ctx: WriteContext, contactId: string, change: StageChange): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction('rw', ctx.db.contacts, ctx.db.outbox, async () => {
    const contact = await ctx.db.contacts.get(contactId);
    if (!contact) throw new Error(`contact ${contactId} is not in the cache`);
    const id = ctx.newId();
    const mutation: Mutation =
      change.kind === 'recycle'
        ? { id, type: 'contact.recycle', at, contactId, reason: change.reason }
        : change.kind === 'disqualify'
          ? { id, type: 'contact.stage', at, contactId, from: contact.stage, to: 'disqualified', reason: change.reason }
          : { id, type: 'contact.stage', at, contactId, from: contact.stage, to: change.to, reason: null };
    const stage: LifecycleStage = change.kind === 'recycle' ? 'recycled' : change.kind === 'disqualify' ? 'disqualified' : change.to;
    if (stage === contact.stage) throw new Error(`contact ${contactId} is already ${stage}`);
    await ctx.db.contacts.update(contactId, { stage, stageReason: 'reason' in change ? change.reason : null, updatedAt: at });
    await ctx.db.outbox.add({
      id,
      mutation,
      status: 'pending',
      createdAt: at,
      tries: 0,
      previous: { stage: contact.stage, stageReason: contact.stageReason },
    });
  });
}
