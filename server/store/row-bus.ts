import { sql } from 'drizzle-orm';
import type { Logger } from '../http/logger';
import type { Db, Tx } from './db';
import { listenOnChannel } from './listen';

/**
 * Carries rows of one workspace that were just written, from whatever wrote them to every process's listeners. A
 * writer calls `inTransaction` inside its transaction and `committed` after it, so a rolled-back write is never
 * announced:
 * - in one process (PGlite), `committed` hands the notice to the listeners;
 * - on PostgreSQL, `inTransaction` sends NOTIFY with the workspace and the row ids (payloads stay small), which the
 *   server delivers at commit to every process's listening connection (this one's included); each process reads the
 *   committed rows and hands them to its own listeners.
 * The activity bus (server/tracking/bus.ts) and the alert bus (server/alerts/bus.ts) are this with their own rows.
 */
export interface RowBus<Notice> {
  inTransaction(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<void>;
  committed(notice: Notice): void;
  subscribe(listener: (notice: Notice) => void): () => void;
  close(): Promise<void>;
}

export interface RowBusSpec<Notice> {
  /** In log lines: "activity", "alert". */
  what: string;
  channel: string;
  isEmpty(notice: Notice): boolean;
  /** The committed rows of these ids, as the listeners take them. */
  load(db: Db, workspaceId: string, ids: string[]): Promise<Notice>;
}

/** NOTIFY payloads must stay under 8000 bytes: ids (at most 64 characters each) go in chunks of this many. */
const IDS_PER_NOTICE = 100;

function listenersOf<Notice>(spec: RowBusSpec<Notice>, log: Logger) {
  const set = new Set<(notice: Notice) => void>();
  return {
    add(listener: (notice: Notice) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(notice: Notice): void {
      if (spec.isEmpty(notice)) return;
      for (const listener of set) {
        try {
          listener(notice);
        } catch (err) {
          log.error(`${spec.what} listener failed`, { err: String(err) });
        }
      }
    },
  };
}

/** Within one process: enough for PGlite, which only one process can open. */
export function localRowBus<Notice>(spec: RowBusSpec<Notice>, log: Logger): RowBus<Notice> {
  const listeners = listenersOf(spec, log);
  return {
    inTransaction: async () => {},
    committed: (notice) => listeners.emit(notice),
    subscribe: (listener) => listeners.add(listener),
    close: async () => {},
  };
}

/** Across processes on PostgreSQL: one dedicated connection per process LISTENs (server/store/listen.ts). */
export async function postgresRowBus<Notice>(spec: RowBusSpec<Notice>, databaseUrl: string, db: Db, log: Logger): Promise<RowBus<Notice>> {
  const listeners = listenersOf(spec, log);
  const deliver = async (payload: string | undefined) => {
    let notice: { w?: unknown; ids?: unknown };
    try {
      notice = JSON.parse(payload ?? '') as typeof notice;
    } catch {
      return;
    }
    const { w: workspaceId, ids } = notice;
    if (typeof workspaceId !== 'string' || !Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return;
    listeners.emit(await spec.load(db, workspaceId, ids as string[]));
  };
  const listening = await listenOnChannel(
    databaseUrl,
    spec.channel,
    (payload) => deliver(payload).catch((err: unknown) => log.error(`${spec.what} notice failed`, { err: String(err) })),
    log,
  );
  return {
    inTransaction: async (tx, workspaceId, ids) => {
      for (let i = 0; i < ids.length; i += IDS_PER_NOTICE) {
        const payload = JSON.stringify({ w: workspaceId, ids: ids.slice(i, i + IDS_PER_NOTICE) });
        await tx.execute(sql`select pg_notify(${spec.channel}, ${payload})`);
      }
    },
    committed: () => {},
    subscribe: (listener) => listeners.add(listener),
    close: () => listening.close(),
  };
}
