import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Alert } from '../../lib/core/model/alerts';
import type { Logger } from '../http/logger';
import type { Db } from '../store/db';
import { localRowBus, postgresRowBus, type RowBus, type RowBusSpec } from '../store/row-bus';
import { alerts } from '../store/schema';
import { toAlert } from '../store/rows';

/** Alerts of one workspace that just became due (delivered), for the recipients' open /v1/stream connections. */
export interface AlertNotice {
  workspaceId: string;
  alerts: Alert[];
}
export type AlertListener = (notice: AlertNotice) => void;

/**
 * Carries delivered alerts to every process's open streams, the way the activity bus carries activity
 * (server/store/row-bus.ts): the process that delivers calls `inTransaction` in the delivering transaction and
 * `committed` after it.
 */
export type AlertBus = RowBus<AlertNotice>;

export const ALERT_CHANNEL = 'leadside_alert';

const ALERT_ROWS: RowBusSpec<AlertNotice> = {
  what: 'alert',
  channel: ALERT_CHANNEL,
  isEmpty: (notice) => notice.alerts.length === 0,
  load: async (db, workspaceId, ids) => {
    const rows = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.workspaceId, workspaceId), inArray(alerts.id, ids)))
      .orderBy(asc(alerts.version));
    return { workspaceId, alerts: rows.map(toAlert) };
  },
};

export const localAlertBus = (log: Logger): AlertBus => localRowBus(ALERT_ROWS, log);
export const postgresAlertBus = (databaseUrl: string, db: Db, log: Logger): Promise<AlertBus> => postgresRowBus(ALERT_ROWS, databaseUrl, db, log);
