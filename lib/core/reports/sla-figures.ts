import type {
  FirstTouchFigures,
  LeadQuality,
  MarketingFigures,
  OpenLeadCounts,
  SalesFigures,
  SlaFigure,
} from '../model/reports';
import { OPEN_CADENCE_STATUSES } from '../model/reports';
import { rankReasons } from './reasons';
import type { SlaLead } from './sla-leads';
import { median, percentile, ratioOrNull, sumOf } from './stats';
import { memoByObject } from '../memo';

/** The instants a figure is counted over (a week); null: every membership (they are already the period's). */
export type FigureWindow = { from: number; to: number } | null;

/** The leads counted by a figure within a window: the one definition both the report's counts and the drill-down use. */
export function membersOf(leads: readonly SlaLead[], figure: SlaFigure, window: FigureWindow): SlaLead[] {
  const members = figureIndex(leads).get(figure) ?? [];
  if (window === null) return members.map((m) => m.lead);
  return members.filter((m) => m.at.some((at) => at >= window.from && at < window.to)).map((m) => m.lead);
}

/** A figure's members in a list's order, each with the instants its memberships of that figure date it by. */
type FigureIndex = Map<SlaFigure, { lead: SlaLead; at: number[] }[]>;
// The report asks a few dozen figures of the same lists (all leads, each rep's, each week): indexed once per list, each
// figure then reads its own members only. The lists are never changed once made (readonly), so an index stays true.
const figureIndex = memoByObject((leads: readonly SlaLead[]): FigureIndex => {
  const index: FigureIndex = new Map();
  for (const lead of leads) {
    for (const m of lead.memberships) {
      let members = index.get(m.figure);
      if (members === undefined) index.set(m.figure, (members = []));
      const last = members[members.length - 1];
      if (last !== undefined && last.lead === lead) last.at.push(m.at);
      else members.push({ lead, at: [m.at] });
    }
  }
  return index;
});

export function salesFigures(leads: readonly SlaLead[], window: FigureWindow): SalesFigures {
  const count = (figure: SlaFigure) => membersOf(leads, figure, window).length;
  const delivered = membersOf(leads, 'delivered', window);
  const attempts = sumOf(delivered.map((l) => l.state.attemptsDone));
  const exited = membersOf(leads, 'exited', window);
  const exitAttempts = sumOf(exited.map((l) => l.attemptsBeforeExit ?? 0));
  const complete = count('cadence_complete');
  const finished = complete + count('cadence_incomplete');
  const openLeads = Object.fromEntries(OPEN_CADENCE_STATUSES.map((s) => [s, count(s)])) as OpenLeadCounts;
  return {
    leads: delivered.length,
    firstTouch: firstTouchFigures(leads, window),
    attempts,
    attemptsPerLead: ratioOrNull(attempts, delivered.length),
    attemptsBeforeExit: { leads: exited.length, attempts: exitAttempts, perLead: ratioOrNull(exitAttempts, exited.length) },
    cadenceCompletion: { finished, complete, share: ratioOrNull(complete, finished) },
    openLeads,
  };
}

function firstTouchFigures(leads: readonly SlaLead[], window: FigureWindow): FirstTouchFigures {
  const withinSla = membersOf(leads, 'first_touch_within', window).length;
  const judged = withinSla + membersOf(leads, 'first_touch_missed', window).length;
  const minutes = membersOf(leads, 'touched', window).flatMap((l) => (l.firstTouchMinutes === null ? [] : [l.firstTouchMinutes]));
  const medianMinutes = median(minutes);
  return {
    judged,
    withinSla,
    share: ratioOrNull(withinSla, judged),
    pending: membersOf(leads, 'first_touch_pending', window).length,
    touched: minutes.length,
    medianBusinessHours: medianMinutes === null ? null : medianMinutes / 60,
    medianBusinessMinutes: medianMinutes,
    p90BusinessMinutes: percentile(minutes, 0.9),
  };
}

export function marketingFigures(leads: readonly SlaLead[], window: FigureWindow, goal: number): MarketingFigures {
  const delivered = membersOf(leads, 'delivered', window).length;
  const quality = leadQuality(leads, window);
  return { delivered, mqls: quality.mqls, goal, ratio: ratioOrNull(delivered, goal), mqlRatio: ratioOrNull(quality.mqls, goal), quality };
}

export function leadQuality(leads: readonly SlaLead[], window: FigureWindow): LeadQuality {
  const mqls = membersOf(leads, 'mql', window).length;
  const recycled = membersOf(leads, 'recycled', window);
  const disqualified = membersOf(leads, 'disqualified', window);
  const accepted = membersOf(leads, 'accepted', window).length;
  const reasonsOf = (ls: readonly SlaLead[]) =>
    rankReasons(ls.flatMap((l) => (l.outcome !== null && 'reason' in l.outcome ? [{ code: l.outcome.reasonCode, text: l.outcome.reason }] : [])));
  return {
    mqls,
    accepted,
    recycled: recycled.length,
    disqualified: disqualified.length,
    pending: membersOf(leads, 'pending_review', window).length,
    acceptedShare: ratioOrNull(accepted, mqls),
    recycledShare: ratioOrNull(recycled.length, mqls),
    disqualifiedShare: ratioOrNull(disqualified.length, mqls),
    reasons: { recycled: reasonsOf(recycled), disqualified: reasonsOf(disqualified) },
  };
}
