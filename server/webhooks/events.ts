import { and, eq, sql } from 'drizzle-orm';
import { WEBHOOK_TEST_EVENT, type WebhookEventType } from '../../lib/core/model/webhooks';
import { newId } from '../auth/tokens';
import type { StageMove } from '../domain/contacts/stage-history';
import type { Queryable } from '../store/db';
import { contacts, webhookDeliveries, webhookEndpoints } from '../store/schema';
import { findWebhookEndpoint, toWebhookDelivery } from './endpoints';
import type { WebhookDelivery } from '../../lib/core/model/webhooks';

/**
 * The one place a change becomes webhook events: each domain writer calls one of these in its own transaction (the
 * outbox pattern), so an event is queued if and only if its change commits, and the request never waits on a receiver.
 * Each enabled endpoint of the workspace that chose the type gets its own delivery (server/webhooks/worker.ts sends it).
 */

interface WebhookEvent {
  workspaceId: string;
  type: WebhookEventType;
  /** Names the event: queued twice under one key (an SLA breach seen on every minute's check), it is sent once. */
  key: string;
  contactId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

/** The Standard Webhooks body: `{type, timestamp, data}`, kept as the exact text that is signed. */
const bodyOf = (type: string, at: Date, data: Record<string, unknown>) => JSON.stringify({ type, timestamp: at.toISOString(), data });

async function queueWebhookEvents(tx: Queryable, events: readonly WebhookEvent[]): Promise<void> {
  if (events.length === 0) return;
  const workspaceId = events[0]!.workspaceId;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true)));
  const rows = events.flatMap((e) =>
    endpoints
      .filter((ep) => ep.events.includes(e.type))
      .map((ep) => ({
        id: newId('msg'),
        workspaceId: e.workspaceId,
        endpointId: ep.id,
        eventKey: e.key,
        type: e.type,
        contactId: e.contactId,
        body: bodyOf(e.type, e.at, e.data),
        createdAt: e.at,
        nextAttemptAt: e.at,
      })),
  );
  if (rows.length > 0) await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
}

/** The contact as events carry it: who, where in the funnel, whose. */
async function contactData(tx: Queryable, workspaceId: string, contactId: string) {
  const [c] = await tx
    .select({ id: contacts.id, email: contacts.email, name: contacts.name, company: contacts.company, stage: contacts.stage, leadType: contacts.leadType, source: contacts.source, ownerId: contacts.ownerId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return c ?? { id: contactId };
}

/** Whether any enabled endpoint of the workspace hears this type (so a writer can skip composing the event). */
async function anyoneHears(tx: Queryable, workspaceId: string, type: WebhookEventType): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true), sql`${webhookEndpoints.events} @> ${JSON.stringify([type])}::jsonb`))
    .limit(1);
  return row !== undefined;
}

/**
 * Recorded stage changes (server/domain/contacts/stage-history.ts), one or an import's batch: a contact's first stage
 * (or its return after a deletion) is `lead.created`; any later change of stage is `lead.stage_changed`, and a move
 * into `customer` is `lead.won` as well. A workspace with no enabled endpoint costs one query for the whole batch.
 */
export async function stageMoveWebhookEvents(tx: Queryable, recorded: readonly { move: StageMove; stageChangeId: string }[]): Promise<void> {
  const hooked = new Map<string, boolean>();
  for (const { move, stageChangeId } of recorded) {
    if (!hooked.has(move.workspaceId)) {
      const [any] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.workspaceId, move.workspaceId), eq(webhookEndpoints.enabled, true))).limit(1);
      hooked.set(move.workspaceId, any !== undefined);
    }
    if (!hooked.get(move.workspaceId)) continue;
    await queueWebhookEvents(tx, await stageMoveEvents(tx, move, stageChangeId));
  }
}

async function stageMoveEvents(tx: Queryable, move: StageMove, stageChangeId: string): Promise<WebhookEvent[]> {
  const contact = await contactData(tx, move.workspaceId, move.contactId);
  const base = { workspaceId: move.workspaceId, contactId: move.contactId, at: move.at };
  const by = move.by.kind === 'user' ? { kind: 'user', userId: move.by.userId } : move.by.kind === 'rule' ? { kind: 'rule', rule: move.by.rule } : { kind: move.by.kind };
  const events: WebhookEvent[] = [];
  if (move.from === null || move.revives) {
    // Keyed by the stage change: a contact deleted and added again is created again.
    events.push({ ...base, type: 'lead.created', key: `lead.created:${stageChangeId}`, data: { contact } });
  } else if (move.from !== move.to) {
    events.push({ ...base, type: 'lead.stage_changed', key: `lead.stage_changed:${stageChangeId}`, data: { contact, from: move.from, to: move.to, reason: move.reason ?? null, by, stageChangeId } });
    if (move.to === 'customer') {
      events.push({ ...base, type: 'lead.won', key: `lead.won:${stageChangeId}`, data: { contact, from: move.from, dealValue: move.dealValue ?? null, reason: move.reason ?? null, by, stageChangeId } });
    }
  }
  return events;
}

/** An attempt logged on a contact (server/domain/mutations/attempt-log.ts). Its note stays in Leadside. */
export async function attemptLoggedWebhookEvent(
  tx: Queryable,
  workspaceId: string,
  attempt: { id: string; contactId: string; userId: string; channel: string; outcome: string | null; at: Date },
  now: Date,
): Promise<void> {
  if (!(await anyoneHears(tx, workspaceId, 'attempt.logged'))) return;
  const contact = await contactData(tx, workspaceId, attempt.contactId);
  await queueWebhookEvents(tx, [
    {
      workspaceId,
      type: 'attempt.logged',
      key: `attempt.logged:${attempt.id}`,
      contactId: attempt.contactId,
      at: now,
      data: { contact, attempt: { id: attempt.id, userId: attempt.userId, channel: attempt.channel, outcome: attempt.outcome, at: attempt.at.toISOString() } },
    },
  ]);
}

/** Whether the minute check needs to look for breaches at all. */
export const hearsSlaBreaches = (tx: Queryable, workspaceId: string) => anyoneHears(tx, workspaceId, 'sla.breached');

/** A lead whose SLA step went past due (server/alerts/engine.ts); keyed by its due time, so one breach is one event. */
export async function slaBreachedWebhookEvent(
  tx: Queryable,
  workspaceId: string,
  contactId: string,
  breach: { dueAt: string; step: 'first_touch' | 'follow_up' },
  now: Date,
): Promise<void> {
  const contact = await contactData(tx, workspaceId, contactId);
  await queueWebhookEvents(tx, [
    { workspaceId, type: 'sla.breached', key: `sla.breached:${contactId}:${breach.dueAt}`, contactId, at: now, data: { contact, dueAt: breach.dueAt, step: breach.step } },
  ]);
}

/** "Send a test event": one delivery to this endpoint (enabled or not), whatever events it chose. */
export async function queueTestEvent(tx: Queryable, workspaceId: string, endpointId: string, now: Date): Promise<WebhookDelivery> {
  await findWebhookEndpoint(tx, workspaceId, endpointId);
  const id = newId('msg');
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({
      id,
      workspaceId,
      endpointId,
      eventKey: `test:${id}`,
      type: WEBHOOK_TEST_EVENT,
      contactId: null,
      body: bodyOf(WEBHOOK_TEST_EVENT, now, { endpointId, message: 'A test event from Leadside' }),
      createdAt: now,
      nextAttemptAt: now,
    })
    .returning();
  return toWebhookDelivery(row!);
}
