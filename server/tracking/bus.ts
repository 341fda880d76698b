import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Activity } from '../../lib/core/model/activity';
import type { Logger } from '../http/logger';
import type { Db, Tx } from '../store/db';
import { toActivity } from '../store/rows';
import { activities } from '../store/schema';

/** Activities of one workspace that were just written (new, or relabelled). */
export interface ActivityNotice {
  workspaceId: string;
  activities: Activity[];
}
export type ActivityListener = (notice: ActivityNotice) => void;

/**
 * Carries new activity from whatever wrote it to the open /v1/stream connections. A writer calls `inTransaction`
 * inside its transaction and `committed` after it, so a rolled-back write is never announced:
 * - in one process (PGlite), `committed` hands the activities to the listeners;
 * - on PostgreSQL, `inTransaction` sends NOTIFY, which the server delivers at commit to every process's listening
 *   connection (this one's included), and each process reads the rows and hands them to its own listeners.
 */
export interface ActivityBus {
  inTransaction(tx: Tx, workspaceId: string, activityIds: readonly string[]): Promise<void>;
  committed(notice: ActivityNotice): void;
  subscribe(listener: ActivityListener): () => void;
  close(): Promise<void>;
}

class Listeners {
  private readonly set = new Set<ActivityListener>();
  constructor(private readonly log: Logger) {}
  add(listener: ActivityListener): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(notice: ActivityNotice): void {
    if (notice.activities.length === 0) return;
    for (const listener of this.set) {
      try {
        listener(notice);
      } catch (err) {
        this.log.error('activity listener failed', { err: String(err) });
      }
    }
  }
}

/** Within one process: enough for PGlite, which only one process can open. */
export function localActivityBus(log: Logger): ActivityBus {
  const listeners = new Listeners(log);
  return {
    inTransaction: async () => {},
    committed: (notice) => listeners.emit(notice),
    subscribe: (listener) => listeners.add(listener),
    close: async () => {},
  };
}

export const ACTIVITY_CHANNEL = 'leadside_activity';
/** NOTIFY payloads must stay under 8000 bytes: ids (at most 64 characters each) go in chunks of this many. */
const IDS_PER_NOTICE = 100;
const RECONNECT_MS = [250, 1000, 5000];

/**
 * Across processes on PostgreSQL: one dedicated connection per process LISTENs; NOTIFY carries only the workspace and
 * the activity ids (payloads are small and the rows are read once committed). While the listening connection is down
 * (a database restart) events are missed; it reconnects with backoff, and the extension's sync fills the gap.
 */
export async function postgresActivityBus(databaseUrl: string, db: Db, log: Logger): Promise<ActivityBus> {
  const listeners = new Listeners(log);
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;

  const deliver = async (payload: string | undefined) => {
    let notice: { w?: unknown; ids?: unknown };
    try {
      notice = JSON.parse(payload ?? '') as typeof notice;
    } catch {
      return;
    }
    const workspaceId = notice.w;
    const ids = notice.ids;
    if (typeof workspaceId !== 'string' || !Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return;
    const rows = await db
      .select()
      .from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.id, ids as string[])))
      .orderBy(asc(activities.version));
    listeners.emit({ workspaceId, activities: rows.map(toActivity) });
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    const retry = (err: unknown) => {
      if (client === next) client = null;
      next.removeAllListeners();
      // A late error from the dying connection must not go unhandled.
      next.on('error', () => {});
      void next.end().catch(() => {});
      if (closed || reconnectTimer) return;
      const wait = RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]!;
      log.warn('activity listener lost its connection; reconnecting', { err: String(err), inMs: wait });
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        connect().catch(retry);
      }, wait);
      reconnectTimer.unref();
    };
    next.on('error', retry);
    next.on('end', () => retry('connection ended'));
    next.on('notification', (message) => {
      if (message.channel !== ACTIVITY_CHANNEL) return;
      deliver(message.payload).catch((err: unknown) => log.error('activity notice failed', { err: String(err) }));
    });
    await next.connect();
    await next.query(`LISTEN ${ACTIVITY_CHANNEL}`);
    if (closed) {
      next.removeAllListeners();
      await next.end().catch(() => {});
      return;
    }
    client = next;
    failures = 0;
  };
  await connect();

  return {
    inTransaction: async (tx, workspaceId, activityIds) => {
      for (let i = 0; i < activityIds.length; i += IDS_PER_NOTICE) {
        const payload = JSON.stringify({ w: workspaceId, ids: activityIds.slice(i, i + IDS_PER_NOTICE) });
        await tx.execute(sql`select pg_notify(${ACTIVITY_CHANNEL}, ${payload})`);
      }
    },
    committed: () => {},
    subscribe: (listener) => listeners.add(listener),
    close: async () => {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const open = client;
      client = null;
      if (open) {
        open.removeAllListeners();
        open.on('error', () => {});
        await open.end().catch(() => {});
      }
    },
  };
}
