import { serve as serveHttp, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import type { RateLimits } from './context';
import { jsonLogger, type Logger } from './http/logger';
import { openStore, type Store, type StoreOptions } from './store/db';
import { pruneAppliedMutations } from './domain/mutations/prune';

/** How often applied-mutation records older than their 30 days are pruned. */
const PRUNE_EVERY_MS = 60 * 60_000;

export interface ServeOptions {
  port: number;
  host: string;
  store: StoreOptions;
  limits?: Partial<RateLimits>;
  log?: Logger;
  now?: () => Date;
  extensionOrigins?: string[];
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: RateLimits = { perToken: 600, perIp: 1200 };

/** Opens the store (migrating it), then listens. `close` stops taking requests and closes the database. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore(options.store);
  const log = options.log ?? jsonLogger();
  const app = createApp({
    store,
    db: store.db,
    now: options.now ?? (() => new Date()),
    log,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    extensionOrigins: options.extensionOrigins ?? [],
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serveHttp({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
  });
  const now = options.now ?? (() => new Date());
  const prune = () =>
    pruneAppliedMutations(store.db, now()).catch((err: unknown) => log.error('prune failed', { err: String(err) }));
  void prune();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    store,
    close: async () => {
      clearInterval(pruneTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open until they time out.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await store.close();
    },
  };
}
