import type { ReportPeriod, SlaReport } from '../../../lib/core/model/reports';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { Db } from '../../store/db';
import { computeSlaReport } from './sla';
import { loadSlaData } from './sla-data';

/** The SLA report for a workspace: its rows from one snapshot, the figures from lib/core's cadence state at `now`. */
export async function slaReport(db: Db, workspaceId: string, settings: WorkspaceSettings, period: ReportPeriod, now: Date): Promise<SlaReport> {
  return computeSlaReport(await loadSlaData(db, workspaceId, period), settings, period, now);
}
