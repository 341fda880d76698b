import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Alert } from '../../lib/core/model/alerts';
import type { Logger } from '../http/logger';
import type { Db, Tx } from '../store/db';
import { listenOnChannel } from '../store/listen';
import { alerts } from '../store/schema';
import { toAlert } from './rows';

/** Alerts of one workspace that just became due (delivered), for the recipients' open /v1/stream connections. */
export interface AlertNotice {
  workspaceId: string;
  alerts: Alert[];
}
export type AlertListener = (notice: AlertNotice) => void;

/**
 * Carries delivered alerts to every process's open streams, the way the activity bus carries activity: the process
 * that delivers calls `inTransaction` in the delivering transaction and `committed` after it. In one process (PGlite)
 * `committed` hands them on; on PostgreSQL NOTIFY reaches every process at commit, and each reads the rows.
 */
export interface AlertBus {
  inTransaction(tx: Tx, workspaceId: string, alertIds: readonly string[]): Promise<void>;
  committed(notice: AlertNotice): void;
  subscribe(listener: AlertListener): () => void;
  close(): Promise<void>;
}

function listenersOf(log: Logger) {
  const set = new Set<AlertListener>();
  return {
    add(listener: AlertListener): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(notice: AlertNotice): void {
      if (notice.alerts.length === 0) return;
      for (const listener of set) {
        try {
          listener(notice);
        } catch (err) {
          log.error('alert listener failed', { err: String(err) });
        }
      }
    },
  };
}

export function localAlertBus(log: Logger): AlertBus {
  const listeners = listenersOf(log);
  return {
    inTransaction: async () => {},
    committed: (notice) => listeners.emit(notice),
    subscribe: (listener) => listeners.add(listener),
    close: async () => {},
  };
}

export const ALERT_CHANNEL = 'leadside_alert';
/** NOTIFY payloads stay under 8000 bytes: ids go in chunks of this many. */
const IDS_PER_NOTICE = 100;

export async function postgresAlertBus(databaseUrl: string, db: Db, log: Logger): Promise<AlertBus> {
  const listeners = listenersOf(log);
  const deliver = async (payload: string | undefined) => {
    let notice: { w?: unknown; ids?: unknown };
    try {
      notice = JSON.parse(payload ?? '') as typeof notice;
    } catch {
      return;
    }
    const { w: workspaceId, ids } = notice;
    if (typeof workspaceId !== 'string' || !Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return;
    const rows = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.workspaceId, workspaceId), inArray(alerts.id, ids as string[])))
      .orderBy(asc(alerts.version));
    listeners.emit({ workspaceId, alerts: rows.map(toAlert) });
  };
  const listening = await listenOnChannel(
    databaseUrl,
    ALERT_CHANNEL,
    (payload) => deliver(payload).catch((err: unknown) => log.error('alert notice failed', { err: String(err) })),
    log,
  );
  return {
    inTransaction: async (tx, workspaceId, alertIds) => {
      for (let i = 0; i < alertIds.length; i += IDS_PER_NOTICE) {
        const payload = JSON.stringify({ w: workspaceId, ids: alertIds.slice(i, i + IDS_PER_NOTICE) });
        await tx.execute(sql`select pg_notify(${ALERT_CHANNEL}, ${payload})`);
      }
    },
    committed: () => {},
    subscribe: (listener) => listeners.add(listener),
    close: () => listening.close(),
  };
}
