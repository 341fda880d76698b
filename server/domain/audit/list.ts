import { and, desc, eq, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { AUDIT_ACTIONS, type AuditAction, type AuditArea, type AuditEvent, type AuditPage } from '../../../lib/core/model/audit';
import type { Queryable } from '../../store/db';
import { auditEvents, users } from '../../store/schema';
import { decodePagePosition, pageOfRows, type PagePosition } from '../page-cursor';

/** Audit events have no kind of their own in the cursor: one table, ordered by (at, id). */
const KIND = 'audit';

export interface AuditListing {
  before?: string | undefined;
  limit: number;
  /** One action (`content.delete`), or every action of an area (`content`). */
  action?: AuditAction | AuditArea | undefined;
  targetId?: string | undefined;
}

/**
 * A workspace's audit events, newest first by (at, id), `limit` at a time; the actor's name and email as they are now.
 * Ids compare in the "C" collation, as page-cursor.ts compares them, so events sharing an instant page stably.
 */
export async function auditPage(db: Queryable, workspaceId: string, listing: AuditListing): Promise<AuditPage> {
  const after = listing.before === undefined ? null : decodePagePosition(listing.before);
  const rows = await db
    .select({ event: auditEvents, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.workspaceId, workspaceId), actionIs(listing.action), targetIs(listing.targetId), olderThan(after)))
    .orderBy(desc(auditEvents.at), desc(sql`${auditEvents.id} collate "C"`))
    .limit(listing.limit + 1);
  const { page, more, next } = pageOfRows(rows, listing.limit, (r) => ({ at: r.event.at, id: r.event.id, kind: KIND }));
  return { events: page.map((r) => toAuditEvent(r.event, r.actorName, r.actorEmail)), more, next };
}

function actionIs(action: AuditListing['action']): SQL | undefined {
  if (action === undefined) return undefined;
  if ((AUDIT_ACTIONS as readonly string[]).includes(action)) return eq(auditEvents.action, action as AuditAction);
  return like(auditEvents.action, `${action}.%`);
}

const targetIs = (targetId: string | undefined): SQL | undefined => (targetId === undefined ? undefined : eq(auditEvents.targetId, targetId));

function olderThan(after: PagePosition | null): SQL | undefined {
  if (after === null) return undefined;
  return or(lt(auditEvents.at, after.at), and(eq(auditEvents.at, after.at), sql`${auditEvents.id} collate "C" < ${after.id}`));
}

function toAuditEvent(row: typeof auditEvents.$inferSelect, name: string | null, email: string | null): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { kind: row.actorKind, userId: row.actorId, name, email },
    action: row.action,
    target: { kind: row.targetKind, id: row.targetId },
    changes: row.changes,
  };
}
