import type { Role } from '../lib/core/model/vocabulary';
import type { WorkspaceSettings } from '../lib/core/model/settings';
import type { Db, Store } from './store/db';
import type { Logger } from './http/logger';

/** Who is calling: the workspace always comes from the token, never from the request. */
export interface Caller {
  user: { id: string; name: string; email: string; role: Role };
  workspace: { id: string; name: string; settings: WorkspaceSettings };
  tokenId: string;
}

export interface RateLimits {
  /** Requests a minute a token may make, and a client address may make, before 429. */
  perToken: number;
  perIp: number;
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
}

export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    requestId: string;
    caller: Caller;
  };
}
