import { inArray } from 'drizzle-orm';
import { AlertSettings } from '../../../lib/core/model/alerts';
import { alertPreferencesOf } from '../../domain/alerts/preferences';
import type { Logger } from '../../http/logger';
import type { Db } from '../../store/db';
import { workspaces } from '../../store/schema';
import type { AlertChannels, DeliveredAlert } from '../channels';
import { standardWebhookHeaders } from '../../http/standard-webhooks';
import { chatPost, postChat } from './chat';
import { alertEmail, checkSmtpUrl, defaultFrom, smtpMailer, type Mailer } from './email';
import { planMorningDigests } from './digest';
import { claimDue, enqueue, markFailed, markSent, type OutboxEntry, type OutboxRow } from './outbox';
import { alertSecretsOf, webhookSigningSecrets } from './secrets';
import { signUnsubscribe, unsubscribeUrl } from './unsubscribe';

/** How often the worker looks for due sends and due morning digests. */
export const DELIVERY_EVERY_MS = 5_000;

export interface AlertDeliveryOptions {
  db: Db;
  log: Logger;
  now: () => Date;
  /** PUBLIC_URL: the base of lead links and unsubscribe links (known once the server listens, hence a getter). */
  publicUrl: () => string;
  /** `SMTP_URL`; unset, alerts by email are off (said once, at start). */
  smtpUrl?: string;
  /** `ALERTS_FROM`; default "Leadside <alerts@PUBLIC_URL's host>". */
  from?: string;
  /** How chat posts go out (tests may pass their own); default the global fetch. */
  fetch?: typeof fetch;
  /** The worker's tick; 0 runs no timer (tests call runDue and planDigests themselves). */
  everyMs?: number;
}

/** The real channels: email (SMTP) and chat (the workspace's webhook), through one durable queue. */
export interface AlertDelivery extends AlertChannels {
  /** Sends what is due now; answers how many rows it tried. Never throws: failures are retried and logged. */
  runDue(): Promise<number>;
  /** Queues the morning digests due now (and sends them on the next runDue); answers how many. */
  planDigests(): Promise<number>;
  /** Whether email is configured. */
  readonly email: boolean;
}

export function createAlertDelivery(options: AlertDeliveryOptions): AlertDelivery {
  const { db, log, now } = options;
  const fetcher = options.fetch ?? fetch;
  let mailer: Mailer | null = null;
  if (options.smtpUrl) {
    // The From is read when sending: PUBLIC_URL (its default's host) is known only once the server listens.
    const from = options.from;
    mailer = smtpMailer(checkSmtpUrl(options.smtpUrl), () => from ?? defaultFrom(options.publicUrl()));
  } else {
    log.info('alerts by email are off: set SMTP_URL');
  }
  let closed = false;
  // One pass at a time in this process: a tick and a delivered() kick never send the same rows side by side.
  let running: Promise<number> = Promise.resolve(0);

  async function compose(batch: readonly DeliveredAlert[]): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    const byWorkspace = new Map<string, DeliveredAlert[]>();
    for (const d of batch) byWorkspace.set(d.workspaceId, [...(byWorkspace.get(d.workspaceId) ?? []), d]);
    const settingsRows = await db
      .select({ id: workspaces.id, settings: workspaces.settings })
      .from(workspaces)
      .where(inArray(workspaces.id, [...byWorkspace.keys()]));
    const publicUrl = options.publicUrl();
    for (const [workspaceId, alerts] of byWorkspace) {
      const row = settingsRows.find((r) => r.id === workspaceId);
      if (!row) continue;
      const parsed = AlertSettings.safeParse(row.settings.alerts ?? {});
      const chat = parsed.success ? parsed.data.chat : null;
      const preferences = mailer ? await alertPreferencesOf(db, workspaceId, alerts.map((d) => d.recipient.id)) : new Map();
      const secrets = mailer ? await alertSecretsOf(db, workspaceId, now()) : null;
      for (const d of alerts) {
        if (mailer && secrets && preferences.get(d.recipient.id)?.emailRules.includes(d.alert.rule)) {
          const token = signUnsubscribe(secrets.unsubscribeKey, { workspaceId, userId: d.recipient.id, rule: d.alert.rule });
          entries.push({ workspaceId, key: `email:${d.alert.id}`, payload: alertEmail(d, publicUrl, unsubscribeUrl(publicUrl, token)) });
        }
        if (chat && chat.rules.includes(d.alert.rule)) {
          entries.push({ workspaceId, key: `chat:${d.alert.id}`, payload: chatPost(d, chat.url, publicUrl) });
        }
      }
    }
    return entries;
  }

  async function send(row: OutboxRow): Promise<void> {
    const p = row.payload;
    if (p.kind === 'email') {
      if (!mailer) throw new Error('alerts by email are off: set SMTP_URL');
      await mailer.send(p);
    } else if (p.kind === 'chat') {
      const secrets = webhookSigningSecrets(await alertSecretsOf(db, row.workspaceId, now()), now());
      // The row's id is the webhook-id: the same on every retry, so a receiver that saw it once can drop a repeat.
      await postChat(fetcher, p, standardWebhookHeaders(secrets, row.id, now(), p.body));
    }
  }

  async function pass(): Promise<number> {
    let tried = 0;
    for (;;) {
      const rows = await claimDue(db, now());
      if (rows.length === 0) return tried;
      tried += rows.length;
      // Sent side by side: one slow chat does not hold up the emails behind it.
      await Promise.all(
        rows.map(async (row) => {
          try {
            await send(row);
            await markSent(db, row.id, now());
          } catch (err) {
            const gaveUp = await markFailed(db, row, errorText(err), now());
            (gaveUp ? log.error : log.warn)(gaveUp ? 'alert send failed; giving up' : 'alert send failed; will retry', {
              outbox: row.id,
              key: row.key,
              attempts: row.attempts + 1,
              err: errorText(err),
            });
          }
        }),
      );
    }
  }

  const runDue = () => {
    running = running.catch(() => 0).then(() => (closed ? 0 : pass()));
    return running.catch((err: unknown) => {
      log.error('alert delivery failed', { err: errorText(err) });
      return 0;
    });
  };

  const planDigests = async () => {
    // Not before the server listens: the links need PUBLIC_URL.
    if (!mailer || closed || options.publicUrl() === '') return 0;
    try {
      return await planMorningDigests(db, options.publicUrl(), now());
    } catch (err) {
      log.error('morning digests failed', { err: errorText(err) });
      return 0;
    }
  };

  const everyMs = options.everyMs ?? DELIVERY_EVERY_MS;
  const timer =
    everyMs > 0
      ? setInterval(() => {
          void planDigests().then(runDue);
        }, everyMs)
      : null;
  timer?.unref();

  return {
    email: mailer !== null,
    async delivered(batch) {
      if (closed || batch.length === 0) return;
      await enqueue(db, await compose(batch), now());
      // Queued and committed: sending starts now, without the caller waiting for it.
      void runDue();
    },
    runDue,
    planDigests,
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running.catch(() => 0);
      mailer?.close();
    },
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

