import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { WEBHOOK_TEST_EVENT } from '../../lib/core/model/webhooks';
import { DAY_MS } from '../../lib/core/time-units';
import { webhookEndpointGivesUp, webhookRetryDelayMs } from '../../lib/core/webhooks';
import { webhookEndpointDisabled } from '../domain/audit/changes';
import { recordAudit } from '../domain/audit/record';
import type { Logger } from '../http/logger';
import { postSignedWebhook, standardWebhookHeaders, WebhookRefused } from '../http/standard-webhooks';
import { writeInWorkspace, type Db } from '../store/db';
import { webhookDeliveries, webhookEndpoints } from '../store/schema';
import { endpointSigningSecrets, type WebhookDeliveryRow, type WebhookEndpointRow } from './endpoints';

/**
 * Sends the queued webhook deliveries (table `webhook_deliveries`), the way the alerts' worker sends theirs
 * (server/alerts/delivery/outbox.ts): due rows are leased (their next try pushed LEASE_MS ahead, `skip locked`), so
 * another process or the next tick leaves them alone and a process that died mid-send lets the lease run out; a failure
 * waits by the schedule of lib/core/webhooks/retry.ts and is given up after its last try. An endpoint failing for
 * WEBHOOK_DISABLE_AFTER_MS is turned off, with its reason on the endpoint and an audit event by the system.
 */

export const WEBHOOK_EVERY_MS = 5_000;
export const WEBHOOK_LEASE_MS = 2 * 60_000;
/** How long one post may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** Delivered and given-up rows are kept this long for the log, then pruned. */
export const WEBHOOK_KEEP_DAYS = 30;

export interface WebhookWorkerOptions {
  db: Db;
  log: Logger;
  now: () => Date;
  fetch?: typeof fetch;
  /** The tick; 0 runs no timer (tests call runDue themselves). */
  everyMs?: number;
}

export interface WebhookWorker {
  /** Sends what is due now; answers how many deliveries it tried. Never throws. */
  runDue(): Promise<number>;
  close(): Promise<void>;
}

type Claimed = { delivery: WebhookDeliveryRow; endpoint: WebhookEndpointRow };

async function claimDue(db: Db, now: Date, limit = 20): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          isNull(webhookDeliveries.deliveredAt),
          isNull(webhookDeliveries.failedAt),
          lte(webhookDeliveries.nextAttemptAt, now),
          // A turned-off endpoint's deliveries wait for it to be turned on again; a test event goes anyway.
          or(eq(webhookEndpoints.enabled, true), eq(webhookDeliveries.type, WEBHOOK_TEST_EVENT)),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + WEBHOOK_LEASE_MS) })
      .where(inArray(webhookDeliveries.id, rows.map((r) => r.delivery.id)));
    return rows;
  });
}

function post(fetcher: typeof fetch, { delivery, endpoint }: Claimed, now: Date): Promise<number> {
  const headers = standardWebhookHeaders(endpointSigningSecrets(endpoint, now), delivery.id, now, delivery.body);
  return postSignedWebhook(fetcher, { url: endpoint.url, body: delivery.body, headers, userAgent: 'Leadside-Webhooks', timeoutMs: WEBHOOK_TIMEOUT_MS, receiver: 'the endpoint' });
}

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, log, now } = options;
  const fetcher = options.fetch ?? fetch;
  let closed = false;
  let running: Promise<number> = Promise.resolve(0);

  async function delivered(c: Claimed, status: number): Promise<void> {
    const at = now();
    await db.update(webhookDeliveries).set({ deliveredAt: at, attempts: sql`${webhookDeliveries.attempts} + 1`, lastStatus: status, lastError: null }).where(eq(webhookDeliveries.id, c.delivery.id));
    if (c.endpoint.failingSince !== null) await db.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, c.endpoint.id));
  }

  async function failed(c: Claimed, err: unknown): Promise<void> {
    const at = now();
    const attempts = c.delivery.attempts + 1;
    const wait = webhookRetryDelayMs(attempts);
    const error = err instanceof Error ? err.message : String(err);
    await writeInWorkspace(db, c.delivery.workspaceId, async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({
          attempts,
          lastStatus: err instanceof WebhookRefused ? err.status : null,
          lastError: error.slice(0, 1000),
          nextAttemptAt: new Date(at.getTime() + (wait ?? 0)),
          failedAt: wait === null ? at : null,
        })
        .where(eq(webhookDeliveries.id, c.delivery.id));
      // A test event says nothing about the endpoint's health: it neither starts nor ends a failing spell.
      if (c.delivery.type === WEBHOOK_TEST_EVENT) return;
      const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, c.endpoint.id));
      if (!endpoint || !endpoint.enabled) return;
      const since = endpoint.failingSince ?? at;
      if (endpoint.failingSince === null) await tx.update(webhookEndpoints).set({ failingSince: at }).where(eq(webhookEndpoints.id, endpoint.id));
      if (!webhookEndpointGivesUp(since, at)) return;
      const reason = `every delivery failed since ${since.toISOString()} (last: ${error.slice(0, 200)})`;
      await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason, disabledAt: at }).where(eq(webhookEndpoints.id, endpoint.id));
      await recordAudit(tx, { workspaceId: endpoint.workspaceId, kind: 'system' }, webhookEndpointDisabled(at, endpoint.id, reason));
      log.error('webhook endpoint turned off after persistent failure', { endpoint: endpoint.id, workspace: endpoint.workspaceId, since: since.toISOString() });
    });
    (wait === null ? log.error : log.warn)(wait === null ? 'webhook delivery failed; giving up' : 'webhook delivery failed; will retry', {
      delivery: c.delivery.id,
      endpoint: c.endpoint.id,
      attempts,
      err: error,
    });
  }

  async function pass(): Promise<number> {
    let tried = 0;
    for (;;) {
      const claimed = await claimDue(db, now());
      if (claimed.length === 0) return tried;
      tried += claimed.length;
      // Side by side: one slow receiver does not hold up the others.
      await Promise.all(
        claimed.map(async (c) => {
          try {
            await delivered(c, await post(fetcher, c, now()));
          } catch (err) {
            await failed(c, err);
          }
        }),
      );
    }
  }

  const runDue = () => {
    running = running.catch(() => 0).then(() => (closed ? 0 : pass()));
    return running.catch((err: unknown) => {
      log.error('webhook delivery failed', { err: err instanceof Error ? err.message : String(err) });
      return 0;
    });
  };

  const everyMs = options.everyMs ?? WEBHOOK_EVERY_MS;
  const timer = everyMs > 0 ? setInterval(() => void runDue(), everyMs) : null;
  timer?.unref();
  return {
    runDue,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running.catch(() => 0);
    },
  };
}

/** Removes deliveries delivered or given up more than WEBHOOK_KEEP_DAYS ago: they hold contacts' details. */
export async function pruneWebhookDeliveries(db: Db, now: Date): Promise<void> {
  const before = new Date(now.getTime() - WEBHOOK_KEEP_DAYS * DAY_MS);
  await db.delete(webhookDeliveries).where(or(lt(webhookDeliveries.deliveredAt, before), lt(webhookDeliveries.failedAt, before)));
}
