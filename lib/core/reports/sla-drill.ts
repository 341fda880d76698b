import { NONE_RECORDED, type SlaFigure } from '../model/reports';
import type { SlaLead } from './sla-leads';
import type { FigureWindow } from './sla-figures';

export interface SlaDrillFilter {
  figure: SlaFigure;
  /** The owner's id: a rep's row. */
  rep?: string;
  /** A week of the series, or null for the figure over the whole report. */
  window: FigureWindow;
  /** A source or lead type, or NONE_RECORDED for the leads without one. */
  source?: string;
  leadType?: string;
}

export interface SlaDrillRow {
  lead: SlaLead;
  /** The instant (ms) the figure dates the lead by. */
  at: number;
}

/**
 * The leads behind one figure of the SLA report, newest first by that figure's instant then id: the same memberships
 * the report counted (membersOf), narrowed the same way its rows were (owner, week, source, lead type).
 */
export function slaDrillRows(leads: readonly SlaLead[], filter: SlaDrillFilter): SlaDrillRow[] {
  const matches = (value: string | null, wanted: string | undefined) => wanted === undefined || (wanted === NONE_RECORDED ? value === null : value === wanted);
  const { window } = filter;
  const rows: SlaDrillRow[] = [];
  for (const lead of leads) {
    if (filter.rep !== undefined && lead.contact.ownerId !== filter.rep) continue;
    if (!matches(lead.contact.source, filter.source) || !matches(lead.contact.leadType, filter.leadType)) continue;
    const membership = lead.memberships.find((m) => m.figure === filter.figure && (window === null || (m.at >= window.from && m.at < window.to)));
    if (membership !== undefined) rows.push({ lead, at: membership.at });
  }
  const id = (r: SlaDrillRow) => r.lead.contact.id;
  return rows.sort((a, b) => b.at - a.at || (id(a) < id(b) ? 1 : id(a) > id(b) ? -1 : 0));
}
