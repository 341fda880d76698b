import type { Role } from '../lib/core/model/vocabulary';
import type { WorkspaceSettings } from '../lib/core/model/settings';
import type { Db, Store } from './store/db';
import type { Logger } from './http/logger';
import type { ActivityBus } from './tracking/bus';
import type { AlertBus } from './alerts/bus';
import type { OidcClient } from './auth/oidc';

/** Who is calling: the workspace always comes from the token, never from the request. */
export interface Caller {
  user: { id: string; name: string; email: string; role: Role };
  /**
   * `head`: the newest version of the workspace's synced rows as the request was authenticated (sync_heads, one join
   * in the same statement), so a caught-up sync pull needs no query of its own (server/domain/sync/caught-up.ts).
   * Absent on a caller made elsewhere: none of its pulls is answered as caught up.
   */
  workspace: { id: string; name: string; settings: WorkspaceSettings; head?: number };
  /** What the request signed in with: an API token (Bearer), or a dashboard session (cookie). Its id keys the rate limit. */
  credential: Credential;
}

export type Credential = { kind: 'token'; id: string } | { kind: 'session'; id: string; csrfToken: string; endsAt: Date };

/** Each counted in this process (its share of the configured limits when API_PROCESSES > 1). */
export interface RateLimits {
  /** Requests a minute a token may make, and a client address may make, before 429 (weighed: request-cost.ts). */
  perToken: number;
  perIp: number;
  /** Website batches a minute one site key may send, before 429. */
  perSiteKey: number;
}

/** What every route may use; tests build it with their own clock and limits. */
export interface ServerDeps {
  store: Store;
  db: Db;
  now: () => Date;
  log: Logger;
  limits: RateLimits;
  /** Exact extension origins allowed by CORS; empty allows any chrome-extension:// or moz-extension:// origin. */
  extensionOrigins: readonly string[];
  /** Where the public routes are reachable (`PUBLIC_URL`): the base of pixel, tracked-link and t.js URLs. */
  publicUrl: string;
  /** Behind a load balancer (`TRUST_PROXY`): take the client's address from the last `X-Forwarded-For` entry. */
  trustProxy: boolean;
  /** New activity, as it commits, to /v1/stream (across processes on PostgreSQL). */
  activityBus: ActivityBus;
  /** Alerts as they are delivered, to their recipients' open /v1/stream connections (across processes on PostgreSQL). */
  alertBus: AlertBus;
  /** Aborted when the server closes: open event streams end so the server can stop. */
  closing: AbortSignal;
  /** Milliseconds between the heartbeat comments of /v1/stream. */
  streamHeartbeatMs: number;
  /** The built dashboard served at /app/* (`npm run build` writes it to .output/dashboard). */
  dashboardDir: string;
  /** Single sign-on's provider (OIDC_*), null when it is not configured: the dashboard offers sign-in links only. */
  oidc: OidcClient | null;
}

export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    requestId: string;
    caller: Caller;
    /** Set by the rate limits that admitted the request: each charges the rest of its cost (http/request-cost.ts). */
    rateCharges?: ((extra: number) => void)[];
  };
}
