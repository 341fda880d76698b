import { randomBytes } from 'node:crypto';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { NewWebhookEndpoint, WebhookDelivery, WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointPatch, WebhookEndpointWithSecret } from '../../lib/core/model/webhooks';
import { HOUR_MS } from '../../lib/core/time-units';
import { newId } from '../auth/tokens';
import { webhookEndpointCreated, webhookEndpointDeleted, webhookEndpointSecretRotated, webhookEndpointUpdated, type WebhookEndpointFields } from '../domain/audit/changes';
import { recordAudit, type AuditActor } from '../domain/audit/record';
import { decodePagePosition, pageOfRows } from '../domain/page-cursor';
import { notFound } from '../http/errors';
import { writeInWorkspace, type Db, type Queryable } from '../store/db';
import { webhookDeliveries, webhookEndpoints } from '../store/schema';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/**
 * After a rotation, deliveries carry a signature with the old secret too (Standard Webhooks allows several, space
 * apart) for this long, as the chat alerts' secret does (server/alerts/delivery/secrets.ts), so the receiver keeps
 * verifying while the admin puts the new secret in its verifier.
 */
export const WEBHOOK_SECRET_GRACE_HOURS = 24;

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The secrets a delivery is signed with at `now`: the current one, and the previous one within the grace. */
export function endpointSigningSecrets(e: WebhookEndpointRow, now: Date): string[] {
  const inGrace = e.previousSecret !== null && now.getTime() < e.secretAt.getTime() + WEBHOOK_SECRET_GRACE_HOURS * HOUR_MS;
  return inGrace ? [e.secret, e.previousSecret!] : [e.secret];
}

export function toWebhookEndpoint(r: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events as WebhookEndpoint['events'],
    enabled: r.enabled,
    disabledReason: r.disabledReason,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    secretCreatedAt: r.secretAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

const fieldsOf = (r: WebhookEndpointRow): WebhookEndpointFields => ({ id: r.id, url: r.url, description: r.description, events: r.events, enabled: r.enabled });

export async function listWebhookEndpoints(db: Queryable, workspaceId: string): Promise<WebhookEndpoint[]> {
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return rows.map(toWebhookEndpoint);
}

/** The workspace's endpoint; another workspace's id answers like an unknown one. */
export async function findWebhookEndpoint(db: Queryable, workspaceId: string, id: string): Promise<WebhookEndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound(`webhook endpoint ${id}`);
  return row;
}

export async function createWebhookEndpoint(db: Db, actor: AuditActor, input: NewWebhookEndpoint, now: Date): Promise<WebhookEndpointWithSecret> {
  return writeInWorkspace(db, actor.workspaceId, async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ id: newId('wh'), workspaceId: actor.workspaceId, url: input.url, description: input.description, events: input.events, enabled: input.enabled, secret: newSecret(), secretAt: now, createdAt: now })
      .returning();
    await recordAudit(tx, actor, webhookEndpointCreated(now, fieldsOf(row!)));
    return { endpoint: toWebhookEndpoint(row!), secret: row!.secret };
  });
}

/** Changes an endpoint; turning it on clears an automatic disable and sends what waited at once. */
export async function updateWebhookEndpoint(db: Db, actor: AuditActor, id: string, patch: WebhookEndpointPatch, now: Date): Promise<WebhookEndpoint> {
  return writeInWorkspace(db, actor.workspaceId, async (tx) => {
    const before = await findWebhookEndpoint(tx, actor.workspaceId, id);
    const reenabled = patch.enabled === true && !before.enabled;
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ ...patch, ...(patch.enabled !== undefined && patch.enabled !== before.enabled ? { disabledReason: null, disabledAt: null, failingSince: null } : {}) })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    if (reenabled) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: now })
        .where(and(eq(webhookDeliveries.endpointId, id), lt(webhookDeliveries.nextAttemptAt, now)));
    }
    await recordAudit(tx, actor, webhookEndpointUpdated(now, fieldsOf(before), fieldsOf(after!)));
    return toWebhookEndpoint(after!);
  });
}

/** Removes an endpoint and its deliveries (queued ones are never sent). */
export async function deleteWebhookEndpoint(db: Db, actor: AuditActor, id: string, now: Date): Promise<void> {
  await writeInWorkspace(db, actor.workspaceId, async (tx) => {
    const before = await findWebhookEndpoint(tx, actor.workspaceId, id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, actor, webhookEndpointDeleted(now, fieldsOf(before)));
  });
}

/** A new secret, answered this once; the old one keeps signing for WEBHOOK_SECRET_GRACE_HOURS. */
export async function rotateWebhookEndpointSecret(db: Db, actor: AuditActor, id: string, now: Date): Promise<WebhookEndpointWithSecret> {
  return writeInWorkspace(db, actor.workspaceId, async (tx) => {
    const before = await findWebhookEndpoint(tx, actor.workspaceId, id);
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ secret: newSecret(), secretAt: now, previousSecret: before.secret })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    await recordAudit(tx, actor, webhookEndpointSecretRotated(now, id, before.secretAt, now));
    return { endpoint: toWebhookEndpoint(after!), secret: after!.secret };
  });
}

export function toWebhookDelivery(r: WebhookDeliveryRow): WebhookDelivery {
  const state = r.deliveredAt ? 'delivered' : r.failedAt ? 'failed' : 'pending';
  return {
    id: r.id,
    type: r.type,
    state,
    attempts: r.attempts,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt: state === 'pending' ? r.nextAttemptAt.toISOString() : null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
  };
}

/** The endpoint's deliveries, newest first, a page at a time. */
export async function webhookDeliveryPage(db: Queryable, workspaceId: string, endpointId: string, query: { limit: number; before?: string }): Promise<WebhookDeliveryPage> {
  await findWebhookEndpoint(db, workspaceId, endpointId);
  const after = query.before ? decodePagePosition(query.before) : null;
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        after ? or(lt(webhookDeliveries.createdAt, after.at), and(eq(webhookDeliveries.createdAt, after.at), lt(webhookDeliveries.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const { page, next } = pageOfRows(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id, kind: 'd' }));
  return { deliveries: page.map(toWebhookDelivery), next };
}
