import { SlaLeadsQuery, type SlaFigure } from '../../../lib/core/model/reports';

/** Each figure of the SLA report as the list of its leads is titled. */
export const FIGURE_TITLES: Record<SlaFigure, string> = {
  delivered: 'Leads delivered to sales',
  mql: 'MQLs delivered',
  accepted: 'MQLs sales accepted',
  recycled: 'MQLs sales recycled',
  disqualified: 'MQLs sales disqualified',
  pending_review: 'MQLs not yet reviewed',
  first_touch_within: 'First touched within the SLA',
  first_touch_missed: 'First touch missed the SLA',
  first_touch_pending: 'Still inside the first-touch window',
  touched: 'Leads touched',
  exited: 'Leads whose cadence exited',
  cadence_complete: 'Cadences completed',
  cadence_incomplete: 'Cadences that ran out incomplete',
  breached: 'Breached leads open now',
  overdue: 'Overdue leads open now',
  due: 'Leads due now',
  on_track: 'Leads on track',
  first_touch_due: 'Leads awaiting a first touch',
  paused: 'Paused leads',
};

/** Narrows the leads behind a figure: one rep's row, one week of a series, one source or lead type. */
export interface FigureFilter {
  rep?: string;
  week?: string;
  source?: string;
  leadType?: string;
  /** The rep's name, for the list's heading only (never sent to the API). */
  repName?: string;
}

/** The app path of the leads behind a figure, over exactly the report's period (so the count is the figure's). */
export function figurePath(figure: SlaFigure, period: { from: string; to: string }, filter: FigureFilter = {}): string {
  const q = new URLSearchParams({ figure, from: period.from, to: period.to });
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) q.set(key, value);
  return `sla/leads?${q.toString()}`;
}

/** The query for `GET /v1/reports/sla/leads` from the page's address: only the parameters the API knows. */
export function leadsQueryFrom(params: URLSearchParams): { ok: true; query: SlaLeadsQuery } | { ok: false; message: string } {
  const raw: Record<string, string> = {};
  for (const key of ['figure', 'from', 'to', 'rep', 'week', 'source', 'leadType'] as const) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = SlaLeadsQuery.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'address'}: ${i.message}`).join('; ') };
}
