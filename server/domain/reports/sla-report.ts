import type { ReportPeriod, SlaLeadItem, SlaLeadsPage, SlaLeadsQuery, SlaReport } from '../../../lib/core/model/reports';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import { computeSlaReport, evaluateSlaLeads, reportWeeks, slaDrillRows, type SlaDrillRow } from '../../../lib/core/reports';
import { badRequest } from '../../http/errors';
import type { Db } from '../../store/db';
import { decodePagePosition, newestFirst, pageOfRows, type PagePosition } from '../page-cursor';
import { EVERY_OWNER, loadSlaData, type SlaScope } from './sla-data';

/** The SLA report for a workspace: its rows from one snapshot, the figures from lib/core at `now`. */
export async function slaReport(db: Db, workspaceId: string, settings: WorkspaceSettings, period: ReportPeriod, now: Date, scope: SlaScope = EVERY_OWNER): Promise<SlaReport> {
  return computeSlaReport(await loadSlaData(db, workspaceId, period, scope), settings, period, now);
}

/**
 * One page of the leads behind a figure of the SLA report for the same period and filters, newest first; `count` is
 * every lead on all pages, the number the report shows.
 */
export async function slaLeadsPage(
  db: Db,
  workspaceId: string,
  settings: WorkspaceSettings,
  period: ReportPeriod,
  query: SlaLeadsQuery,
  now: Date,
  scope: SlaScope = EVERY_OWNER,
): Promise<SlaLeadsPage> {
  const span = { from: Date.parse(period.from), to: Date.parse(period.to) };
  const leads = evaluateSlaLeads(await loadSlaData(db, workspaceId, period, scope), settings, span, now);
  const rows = slaDrillRows(leads, {
    figure: query.figure,
    rep: query.rep,
    source: query.source,
    leadType: query.leadType,
    window: query.week === undefined ? null : weekOf(query.week, span, settings.calendar.timeZone),
  });
  const position = (row: SlaDrillRow): PagePosition => ({ at: new Date(row.at), id: row.lead.contact.id, kind: query.figure });
  const after = query.before === undefined ? null : decodePagePosition(query.before);
  const rest = after === null ? rows : rows.filter((row) => newestFirst(after, position(row)) < 0);
  const { page, more, next } = pageOfRows(rest, query.limit, position);
  return { figure: query.figure, period, count: rows.length, items: page.map(itemOf), more, next };
}

/** A week of the report's series, named by its Monday; any other date is a 400 naming the weeks there are. */
function weekOf(start: string, span: { from: number; to: number }, zone: string): { from: number; to: number } {
  const weeks = reportWeeks(span, zone);
  const week = weeks.find((w) => w.start === start);
  if (week === undefined) {
    const message = `must be the Monday of a week in the period: ${weeks.map((w) => w.start).join(', ')}`;
    throw badRequest(`query is not valid: week: ${message}`, [{ path: 'week', message }]);
  }
  return week;
}

function itemOf({ lead, at }: SlaDrillRow): SlaLeadItem {
  const { contact, state, outcome } = lead;
  return {
    id: contact.id,
    email: contact.email,
    name: contact.name,
    company: contact.company,
    stage: contact.stage,
    source: contact.source,
    leadType: contact.leadType,
    ownerId: contact.ownerId,
    assignedAt: contact.assignedAt,
    at: new Date(at).toISOString(),
    cadenceStatus: state.status,
    attemptsDone: state.attemptsDone,
    firstTouchBusinessMinutes: lead.firstTouchMinutes,
    reason: outcome !== null && 'reason' in outcome ? outcome.reason : null,
  };
}
