import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Activity } from '../../lib/core/model/activity';
import type { Logger } from '../http/logger';
import type { Db } from '../store/db';
import { localRowBus, postgresRowBus, type RowBus, type RowBusSpec } from '../store/row-bus';
import { toActivity } from '../store/rows';
import { activities } from '../store/schema';

/** Activities of one workspace that were just written (new, or relabelled). */
export interface ActivityNotice {
  workspaceId: string;
  activities: Activity[];
}
export type ActivityListener = (notice: ActivityNotice) => void;

/** Carries new activity from whatever wrote it to the open /v1/stream connections and the alert engine (server/store/row-bus.ts). */
export type ActivityBus = RowBus<ActivityNotice>;

export const ACTIVITY_CHANNEL = 'leadside_activity';

const ACTIVITY_ROWS: RowBusSpec<ActivityNotice> = {
  what: 'activity',
  channel: ACTIVITY_CHANNEL,
  isEmpty: (notice) => notice.activities.length === 0,
  load: async (db, workspaceId, ids) => {
    const rows = await db
      .select()
      .from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.id, ids)))
      .orderBy(asc(activities.version));
    return { workspaceId, activities: rows.map(toActivity) };
  },
};

export const localActivityBus = (log: Logger): ActivityBus => localRowBus(ACTIVITY_ROWS, log);
export const postgresActivityBus = (databaseUrl: string, db: Db, log: Logger): Promise<ActivityBus> => postgresRowBus(ACTIVITY_ROWS, databaseUrl, db, log);
