import { serve as serveHttp, type ServerType } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Hono } from 'hono';
import { z } from 'zod';
import { createApp } from './app';
import type { AppEnv, RateLimits, ServerDeps } from './context';
import { DEFAULT_DASHBOARD_DIR } from './http/dashboard-files';
import { jsonLogger, type Logger } from './http/logger';
import { perProcessShare } from './http/rate-limit';
import { recountPendingAssists } from './domain/closed-loop/pending-recounts';
import { openStore, type Store, type StoreOptions } from './store/db';
import { DEFAULT_AUDIT_RETENTION_DAYS, pruneAuditEvents } from './domain/audit/prune';
import { pruneAppliedMutations } from './domain/mutations/prune';
import { localActivityBus, postgresActivityBus, type ActivityBus } from './tracking/bus';
import { pruneVisitorEvents } from './tracking/retention';
import { pruneGrants } from './auth/sign-in-grants';
import { pruneSessions } from './auth/sessions';
import { OidcClient, oidcConfigFromEnv, pruneOidcLogins, type OidcConfig } from './auth/oidc';
import { DAY_MS } from '../lib/core/time-units';
import { localAlertBus, postgresAlertBus, type AlertBus } from './alerts/bus';
import type { AlertChannels } from './alerts/channels';
import { createAlertDelivery, type AlertDelivery } from './alerts/delivery';
import { checkSmtpUrl } from './alerts/delivery/email';
import { pruneAlertOutbox } from './alerts/delivery/outbox';
import { startAlertEngine, type AlertEngine } from './alerts/engine';
import { pruneWebhookDeliveries, startWebhookWorker, type WebhookWorker } from './webhooks/worker';

/**
 * How often applied-mutation records older than their 30 days, old website events, old audit events, sign-in
 * links and sessions a day past their end, and alert sends 30 days done are pruned.
 */
const PRUNE_EVERY_MS = 60 * 60_000;
/** Heartbeat comments on /v1/stream: well inside the idle timeouts of common proxies (60 s). */
export const STREAM_HEARTBEAT_MS = 15_000;
/** How long close() lets open responses finish before it cuts their connections. */
const CLOSE_GRACE_MS = 2_000;

export interface ServeOptions {
  port: number;
  host: string;
  store: StoreOptions;
  limits?: Partial<RateLimits>;
  log?: Logger;
  now?: () => Date;
  extensionOrigins?: string[];
  /** The public base URL of pixels, tracked links and t.js; default PUBLIC_URL, else http://host:port. */
  publicUrl?: string;
  /** Take client addresses from X-Forwarded-For (behind a load balancer); default TRUST_PROXY=1|true. */
  trustProxy?: boolean;
  /** How many API processes share the rate limits (each allows its share); default API_PROCESSES, else 1. */
  apiProcesses?: number;
  streamHeartbeatMs?: number;
  /** Days audit events are kept (`AUDIT_RETENTION_DAYS`); default 365. */
  auditRetentionDays?: number;
  /** The built dashboard to serve at /app/*; default .output/dashboard, where `npm run build` puts it. */
  dashboardDir?: string;
  /** Where due alerts go instead of the email and chat channels (a test's recorder); default those channels. */
  alertChannels?: AlertChannels;
  /** Alerts by email: `SMTP_URL` (smtp:// or smtps://) and the From address (`ALERTS_FROM`); unset, email is off. */
  smtpUrl?: string;
  alertsFrom?: string;
  /** The alert delivery worker's tick (default 5 s; 0: none, a test runs it by hand). */
  alertDeliveryEveryMs?: number;
  /** The webhook worker's tick (default 5 s; 0: none, a test runs it by hand). */
  webhookEveryMs?: number;
  /** Single sign-on's provider; default from OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME; null: off. */
  oidc?: OidcConfig | null;
}

export interface RunningServer {
  url: string;
  /** PUBLIC_URL, else `url`: the base of sign-in links, shared screens, pixels and tracked links. */
  publicUrl: string;
  port: number;
  store: Store;
  /** Runs the hourly prune now (the timer runs the same); never throws, a failure is logged. */
  prune(): Promise<void>;
  /** The app being served: its routes (`app.routes`) are what a test can enumerate. */
  app: Hono<AppEnv>;
  /** The alert engine: `tick()` runs the minute's check now, `settled()` waits for queued work (tests). */
  alerts: AlertEngine;
  /** Alerts by email and chat: the engine's channels, and the worker a test can run by hand. */
  alertChannels: AlertDelivery;
  /** Webhooks out: the worker that sends the queued deliveries (`runDue()` sends what is due now). */
  webhooks: WebhookWorker;
  close(): Promise<void>;
}

/** The port to listen on is taken: `serve` says so in one line and exits 1. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use; try --port`);
  }
}

export const DEFAULT_LIMITS: RateLimits = { perToken: 600, perIp: 1200, perSiteKey: 6000 };

const ProcessCount = z.coerce.number().int().min(1);

/** Rate limits are counted in each process: the number of processes behind the balancer gives each its share. */
function processCount(value: unknown): number {
  const parsed = ProcessCount.safeParse(value);
  if (!parsed.success) throw new Error(`API_PROCESSES must be a whole number of at least 1 (the API processes behind the load balancer), not ${JSON.stringify(value)}`);
  return parsed.data;
}

/** Opens the store (migrating it), then listens. `close` ends open streams, stops taking requests and closes the database. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // Checked before the database opens: a typo never waits on a migration.
  const apiProcesses = processCount(options.apiProcesses ?? process.env.API_PROCESSES ?? 1);
  const smtpUrl = options.smtpUrl ?? (process.env.SMTP_URL || undefined);
  if (smtpUrl) checkSmtpUrl(smtpUrl);
  const oidcConfig = options.oidc !== undefined ? options.oidc : oidcConfigFromEnv(process.env);
  const store = await openStore(options.store);
  const log = options.log ?? jsonLogger();
  const now = options.now ?? (() => new Date());
  // Workspaces from before content assists were counted get theirs from the record once, before the first request.
  const recounted = await recountPendingAssists(store.db).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  if (recounted > 0) log.info('content assists counted from the record', { workspaces: recounted });
  let activityBus: ActivityBus;
  let alertBus: AlertBus;
  try {
    activityBus = 'databaseUrl' in options.store ? await postgresActivityBus(options.store.databaseUrl, store.db, log) : localActivityBus(log);
    alertBus = 'databaseUrl' in options.store ? await postgresAlertBus(options.store.databaseUrl, store.db, log) : localAlertBus(log);
  } catch (err) {
    await store.close();
    throw err;
  }
  // Email and chat for alerts (the engine's channels): queued durably, sent by their own worker, closed with the bus.
  // PUBLIC_URL is read when a link is made, once the server listens.
  const alertChannels = createAlertDelivery({
    db: store.db,
    log,
    now,
    publicUrl: () => deps.publicUrl,
    smtpUrl,
    from: options.alertsFrom ?? (process.env.ALERTS_FROM || undefined),
    everyMs: options.alertDeliveryEveryMs,
  });
  const closing = new AbortController();
  const deps: ServerDeps = {
    store,
    db: store.db,
    now,
    log,
    limits: perProcessShare({ ...DEFAULT_LIMITS, ...options.limits }, apiProcesses),
    extensionOrigins: options.extensionOrigins ?? [],
    // Set once the port is known (below), before the first request can arrive.
    publicUrl: '',
    trustProxy: options.trustProxy ?? /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? ''),
    activityBus,
    alertBus,
    closing: closing.signal,
    streamHeartbeatMs: options.streamHeartbeatMs ?? STREAM_HEARTBEAT_MS,
    dashboardDir: options.dashboardDir ?? DEFAULT_DASHBOARD_DIR,
    oidc: oidcConfig ? new OidcClient(oidcConfig) : null,
  };
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serveHttp({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
    // A port someone else holds is a sentence for the person who started us, not an unhandled 'error' event.
    s.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new PortInUseError(options.port) : err));
  }).catch(async (err: unknown) => {
    await alertChannels.close();
    await activityBus.close();
    await alertBus.close();
    await store.close();
    throw err;
  });
  // Webhooks out: queued with the changes that cause them, sent by their own worker, never in a request's way.
  const webhooks = startWebhookWorker({ db: store.db, log, now, everyMs: options.webhookEveryMs });
  const alertEngine = startAlertEngine({ db: store.db, log, now, activityBus, alertBus, channels: options.alertChannels ?? alertChannels });
  const idleSockets = trackIdleSockets(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host}:${port}`;
  deps.publicUrl = (options.publicUrl ?? process.env.PUBLIC_URL ?? url).replace(/\/+$/, '');
  if (!options.publicUrl && !process.env.PUBLIC_URL && /^(0\.0\.0\.0|::)$/.test(options.host)) {
    log.warn('PUBLIC_URL is not set: tracked links and pixels will point at an address nobody can reach', { publicUrl: deps.publicUrl });
  }

  const auditRetentionDays = options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  const prune = () =>
    Promise.all([
      pruneAppliedMutations(store.db, now()),
      pruneVisitorEvents(store.db, now()),
      pruneAuditEvents(store.db, now(), auditRetentionDays),
      pruneGrants(store.db, now()),
      pruneSessions(store.db, now(), DAY_MS),
      pruneOidcLogins(store.db, now(), DAY_MS),
      pruneAlertOutbox(store.db, now()),
      pruneWebhookDeliveries(store.db, now()),
    ]).then(
      () => undefined,
      (err: unknown) => log.error('prune failed', { err: String(err) }),
    );
  void prune();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref();
  return {
    url,
    publicUrl: deps.publicUrl,
    port,
    store,
    prune,
    app,
    alerts: alertEngine,
    alertChannels,
    webhooks,
    close: async () => {
      clearInterval(pruneTimer);
      await alertEngine.close();
      // Open event streams end first: a stream never ends by itself, and server.close() waits for every response.
      closing.abort();
      await new Promise<void>((resolve) => {
        // A response still going after the grace (a stream to a client that stopped reading) is cut.
        const cut = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, CLOSE_GRACE_MS);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        // Idle keep-alive sockets would hold close() open until they time out; so would sockets a browser opened
        // ahead of a request it never sent (a preconnect), which closeIdleConnections does not count as idle.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        idleSockets.destroyAll();
      });
      await alertChannels.close();
      await webhooks.close();
      await activityBus.close();
      await alertBus.close();
      await store.close();
    },
  };
}

/** The sockets that hold no request in progress (never used, or between keep-alive requests), to cut on close. */
function trackIdleSockets(server: ServerType): { destroyAll(): void } {
  const idle = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    idle.add(socket);
    socket.once('close', () => idle.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    idle.delete(req.socket);
    res.once('finish', () => {
      if (!req.socket.destroyed) idle.add(req.socket);
    });
  });
  return {
    destroyAll: () => {
      for (const socket of idle) socket.destroy();
      idle.clear();
    },
  };
}
