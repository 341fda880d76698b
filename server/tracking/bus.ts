import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Activity } from '../../lib/core/model/activity';
import type { Logger } from '../http/logger';
import type { Db, Tx } from '../store/db';
import { listenOnChannel } from '../store/listen';
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

/**
 * Across processes on PostgreSQL: one dedicated connection per process LISTENs (server/store/listen.ts); NOTIFY
 * carries only the workspace and the activity ids (payloads are small and the rows are read once committed).
 */
export async function postgresActivityBus(databaseUrl: string, db: Db, log: Logger): Promise<ActivityBus> {
  const listeners = new Listeners(log);
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
  const listening = await listenOnChannel(
    databaseUrl,
    ACTIVITY_CHANNEL,
    (payload) => deliver(payload).catch((err: unknown) => log.error('activity notice failed', { err: String(err) })),
    log,
  );

  return {
    inTransaction: async (tx, workspaceId, activityIds) => {
      for (let i = 0; i < activityIds.length; i += IDS_PER_NOTICE) {
        const payload = JSON.stringify({ w: workspaceId, ids: activityIds.slice(i, i + IDS_PER_NOTICE) });
        await tx.execute(sql`select pg_notify(${ACTIVITY_CHANNEL}, ${payload})`);
      }
    },
    committed: () => {},
    subscribe: (listener) => listeners.add(listener),
    close: () => listening.close(),
  };
}
