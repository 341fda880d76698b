import { inArray } from 'drizzle-orm';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import type { StageActorKind, StageChange } from '../../../lib/core/model/stage-history';
import { transitionOf } from '../../../lib/core/stage/transitions';
import { newId } from '../../auth/tokens';
import { recountAssists } from '../closed-loop/assists';
import type { Queryable } from '../../store/db';
import { toStageChange, type StageChangeRow } from '../../store/rows';
import { stageChanges, users } from '../../store/schema';
import { stageMoveWebhookEvents } from '../../webhooks/events';

/** Who moved a contact: a user (by id), a rule (by name), an import or the server. */
export type StageActor =
  | { kind: 'user'; userId: string }
  | { kind: 'rule'; rule: string }
  /** An import names the person who ran it, when one did (a CSV import); the demo seed's has none. */
  | { kind: 'import'; userId?: string }
  | { kind: Exclude<StageActorKind, 'user' | 'rule' | 'import'> };

export interface StageMove {
  workspaceId: string;
  contactId: string;
  /** Null: the stage the contact starts in. */
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: Date;
  by: StageActor;
  reason?: string | null;
  /** The reason's code in the move's list (lib/core/stage/reasons.ts). */
  reasonCode?: string | null;
  /** A win's deal value, in the workspace's currency. */
  dealValue?: number | null;
  mutationId?: string | null;
  /** The stage change this move takes back (an undo): it is not a move through the funnel, so it has no outcome. */
  undoes?: string | null;
  /** A deleted contact brought back by adding its address again: webhooks hear it as a new lead. */
  revives?: boolean;
  /** The row's id; made here unless a caller must make the same rows twice (the demo seed). */
  id?: string;
}

/**
 * Records a lifecycle change, in the transaction that makes it: every writer of `contacts.stage` calls this, so a
 * change that rolls back leaves no history and none happens without it. Call it after writing the contact's stage: a
 * move into or out of `customer` (a win, or a win undone) counts the content assists again here, from that stage.
 */
export async function recordStageChange(tx: Queryable, move: StageMove): Promise<void> {
  await recordStageChanges(tx, [move]);
}

/** Several moves in one insert (an import's batch); the same rows as one `recordStageChange` each. */
export async function recordStageChanges(tx: Queryable, moves: readonly StageMove[]): Promise<void> {
  if (moves.length === 0) return;
  const recorded = moves.map((move) => ({ move, stageChangeId: move.id ?? newId('sc') }));
  await tx.insert(stageChanges).values(
    recorded.map(({ move, stageChangeId }) => ({
      workspaceId: move.workspaceId,
      id: stageChangeId,
      contactId: move.contactId,
      fromStage: move.from,
      toStage: move.to,
      at: move.at,
      actorKind: move.by.kind,
      actorId: move.by.kind === 'user' || move.by.kind === 'import' ? (move.by.userId ?? null) : null,
      rule: move.by.kind === 'rule' ? move.by.rule : null,
      reason: move.reason ?? null,
      reasonCode: move.reasonCode ?? null,
      // Won or lost is the move's, by the stage table: one rule, whoever writes the stage (a rep, a manager, the seed).
      outcome: move.from === null || move.undoes ? null : (transitionOf(move.from, move.to)?.outcome ?? null),
      dealValue: move.dealValue ?? null,
      mutationId: move.mutationId ?? null,
      undoes: move.undoes ?? null,
    })),
  );
  for (const workspaceId of new Set(moves.filter((m) => m.to === 'customer' || m.from === 'customer').map((m) => m.workspaceId))) {
    await recountAssists(tx, workspaceId);
  }
  await stageMoveWebhookEvents(tx, recorded);
}

/**
 * Stage change rows as the API and the sync send them, each with its actor's display name: the extension holds no list
 * of users, and the timeline says who moved a lead. One query for the names of every user among the rows.
 */
export async function stageChangesOf(tx: Queryable, rows: readonly StageChangeRow[]): Promise<StageChange[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const u of await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))) names.set(u.id, u.name);
  }
  return rows.map((r) => toStageChange(r, r.actorId === null ? null : (names.get(r.actorId) ?? null)));
}
