import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import type { StageActorKind } from '../../../lib/core/model/stage-history';
import { newId } from '../../auth/tokens';
import { recountAssists } from '../closed-loop/assists';
import type { Queryable } from '../../store/db';
import { stageChanges } from '../../store/schema';

/** Who moved a contact: a user (by id), a rule (by name), an import or the server. */
export type StageActor = { kind: 'user'; userId: string } | { kind: 'rule'; rule: string } | { kind: Exclude<StageActorKind, 'user' | 'rule'> };

export interface StageMove {
  workspaceId: string;
  contactId: string;
  /** Null: the stage the contact starts in. */
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: Date;
  by: StageActor;
  reason?: string | null;
  mutationId?: string | null;
  /** The row's id; made here unless a caller must make the same rows twice (the demo seed). */
  id?: string;
}

/**
 * Records a lifecycle change, in the transaction that makes it: every writer of `contacts.stage` calls this, so a
 * change that rolls back leaves no history and none happens without it. Call it after writing the contact's stage: a
 * move into or out of `customer` (a win, or a win undone) counts the content assists again here, from that stage.
 */
export async function recordStageChange(tx: Queryable, move: StageMove): Promise<void> {
  await tx.insert(stageChanges).values({
    workspaceId: move.workspaceId,
    id: move.id ?? newId('sc'),
    contactId: move.contactId,
    fromStage: move.from,
    toStage: move.to,
    at: move.at,
    actorKind: move.by.kind,
    actorId: move.by.kind === 'user' ? move.by.userId : null,
    rule: move.by.kind === 'rule' ? move.by.rule : null,
    reason: move.reason ?? null,
    mutationId: move.mutationId ?? null,
  });
  if (move.to === 'customer' || move.from === 'customer') await recountAssists(tx, move.workspaceId);
}
