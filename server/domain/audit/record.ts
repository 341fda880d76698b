import type { AuditAction, AuditTargetKind, FieldChanges } from '../../../lib/core/model/audit';
import { newId } from '../../auth/tokens';
import type { Caller } from '../../context';
import type { Queryable } from '../../store/db';
import { auditEvents } from '../../store/schema';

/** Who made a change, and in which workspace: a signed-in user, the server's CLI, or the server itself. */
export type AuditActor = { workspaceId: string } & ({ kind: 'user'; userId: string } | { kind: 'cli' | 'system'; userId?: undefined });

/** What a change did, and when: each changed field before and after (`fieldChanges` in lib/core/audit/changes.ts). */
export interface AuditChange {
  at: Date;
  action: AuditAction;
  target: { kind: AuditTargetKind; id: string };
  changes: FieldChanges;
}

export const actorOf = (caller: Caller): AuditActor => ({ workspaceId: caller.workspace.id, kind: 'user', userId: caller.user.id });
export const cliActor = (workspaceId: string): AuditActor => ({ workspaceId, kind: 'cli' });

/**
 * Records changes in the audit log. Call it with the transaction that makes the change, so the event commits with it or
 * not at all. A change whose `changes` are empty changed nothing (a save of what was there) and is not recorded.
 */
export async function recordAudit(tx: Queryable, actor: AuditActor, change: AuditChange | readonly AuditChange[]): Promise<void> {
  const real = (Array.isArray(change) ? change : [change]).filter((c: AuditChange) => Object.keys(c.changes).length > 0);
  if (real.length === 0) return;
  await tx.insert(auditEvents).values(
    real.map((c: AuditChange) => ({
      id: newId('au'),
      workspaceId: actor.workspaceId,
      at: c.at,
      actorKind: actor.kind,
      actorId: actor.userId ?? null,
      action: c.action,
      targetKind: c.target.kind,
      targetId: c.target.id,
      changes: c.changes,
    })),
  );
}
