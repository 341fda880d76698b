import type { DeliveredBy, RepSlaFigures, ReportPeriod, SlaReport, WeekFigures } from '../model/reports';
import type { WorkspaceSettings } from '../model/settings';
import { DAY_MS } from '../time-units';
import { leadQuality, marketingFigures, membersOf, salesFigures } from './sla-figures';
import type { ReportUser, SlaInput } from './sla-input';
import { evaluateSlaLeads, type SlaLead } from './sla-leads';
import { reportWeeks } from './weeks';

/** The SLA goal is stated a month at a time; a month is taken as 30 days. */
const DAYS_PER_MONTH = 30;

/**
 * The SLA both ways (docs/vocabulary.md § SLA, both ways): marketing's leads and MQLs delivered against the goal and
 * what sales made of them; sales' first touches, time to first touch, attempts, exits and completed cadences; in
 * total, per rep, by source and lead type, and week by week.
 */
export function computeSlaReport(input: SlaInput, settings: WorkspaceSettings, period: ReportPeriod, now: Date): SlaReport {
  const span = { from: Date.parse(period.from), to: Date.parse(period.to) };
  const leads = evaluateSlaLeads(input, settings, span, now);
  const activeReps = input.users.filter((u) => u.role === 'rep' && !u.disabled);
  const { mqlsPerRepPerMonth } = settings.sla;
  const goalFor = (reps: number, window: { from: number; to: number }) => mqlsPerRepPerMonth * reps * ((window.to - window.from) / DAY_MS / DAYS_PER_MONTH);
  const weeks = reportWeeks(span, settings.calendar.timeZone);
  const weekly = (ls: readonly SlaLead[], reps: number): WeekFigures[] =>
    weeks.map((w) => ({
      week: w.start,
      from: new Date(w.from).toISOString(),
      to: new Date(w.to).toISOString(),
      marketing: marketingFigures(ls, w, goalFor(reps, w)),
      sales: salesFigures(ls, w),
    }));
  const goal = goalFor(activeReps.length, span);
  const sales = salesFigures(leads, null);

  return {
    period,
    generatedAt: now.toISOString(),
    marketing: {
      ...marketingFigures(leads, null, goal),
      mqlsPerRepPerMonth,
      activeReps: activeReps.length,
      bySource: deliveredBy(leads, (l) => l.contact.source),
      byLeadType: deliveredBy(leads, (l) => l.contact.leadType),
    },
    sales: { ...sales, firstTouchTarget: settings.sla.firstTouchTarget },
    reps: repRows(input.users, activeReps, leads, (active, ls) => ({
      marketing: marketingFigures(ls, null, goalFor(active ? 1 : 0, span)),
      weekly: weekly(ls, active ? 1 : 0),
    })),
    weekly: weekly(leads, activeReps.length),
    notes: notes(period, goal, activeReps.length, mqlsPerRepPerMonth, sales.firstTouch.pending),
  };
}

/** Leads that count anywhere in the report: delivered, MQL of the period, or open now. */
function counts(lead: SlaLead): boolean {
  return lead.memberships.length > 0;
}

function deliveredBy(leads: readonly SlaLead[], keyOf: (lead: SlaLead) => string | null): DeliveredBy[] {
  const groups = new Map<string | null, SlaLead[]>();
  for (const lead of leads) {
    if (!lead.memberships.some((m) => m.figure === 'delivered' || m.figure === 'mql')) continue;
    const key = keyOf(lead);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [lead]);
    else group.push(lead);
  }
  return [...groups.entries()]
    .map(([key, ls]) => ({ key, delivered: membersOf(ls, 'delivered', null).length, mqls: membersOf(ls, 'mql', null).length, quality: leadQuality(ls, null) }))
    .sort((a, b) => b.mqls - a.mqls || b.delivered - a.delivered || compareKeys(a.key, b.key));
}

/** Named keys in order, the unrecorded (null) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Every active rep, plus any other owner of a lead the report counts, so the rows add up to the totals. */
function repRows(
  users: readonly ReportUser[],
  activeReps: readonly ReportUser[],
  leads: readonly SlaLead[],
  extra: (active: boolean, leads: readonly SlaLead[]) => Pick<RepSlaFigures, 'marketing' | 'weekly'>,
): RepSlaFigures[] {
  const activeIds = new Set(activeReps.map((u) => u.id));
  const ids = new Set([...activeIds, ...leads.filter(counts).map((l) => l.contact.ownerId)]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const byOwner = new Map<string, SlaLead[]>();
  for (const lead of leads) {
    const own = byOwner.get(lead.contact.ownerId);
    if (own === undefined) byOwner.set(lead.contact.ownerId, [lead]);
    else own.push(lead);
  }
  return [...ids]
    .map((id): RepSlaFigures => {
      const own = byOwner.get(id) ?? [];
      const active = activeIds.has(id);
      return { id, name: nameOf.get(id) ?? id, active, ...salesFigures(own, null), ...extra(active, own) };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function notes(period: ReportPeriod, goal: number, activeReps: number, perRepPerMonth: number, pending: number): string[] {
  const days = Math.round(period.days * 100) / 100;
  return [
    `Delivered: contacts assigned to an owner from ${period.from} up to ${period.to}, counted once for their current owner (a reassigned lead counts from its reassignment); deleted contacts are left out.`,
    'MQLs: owned contacts whose stage history first reaches mql in the period (a contact that enters at sql or beyond reached mql then too; reconstructed entries, whose moment nobody saw, do not count), for their current owner. Against the goal: ratio is delivered / goal, mqlRatio MQLs / goal.',
    `Goal: ${perRepPerMonth} a rep a month × ${activeReps} active reps × ${days} days / ${DAYS_PER_MONTH} = ${Math.round(goal * 100) / 100}.`,
    'Quality: what sales made of each MQL by now, its first verdict after it became an MQL: accepted (to sql or beyond), recycled or disqualified; reasons ranked by code where one was picked, else by their words with case, spacing and surrounding punctuation ignored.',
    `First touch within SLA: judged only for leads that have been touched or whose first-touch deadline has passed; ${pending} still inside their first-touch window ${pending === 1 ? 'is' : 'are'} left out.`,
    'Time to first touch: business minutes on the work calendar (paused time left out) from assignment to the first attempt that was not undone; the median, and the 90th percentile by nearest rank, over touched leads.',
    'Attempts per lead: attempts not undone since assignment, divided by the leads assigned in the period. Before exit: attempts up to the moment the cadence ended (a reply, a meeting, a stage past it), over the leads whose cadence ended so.',
    'Cadence completion: of the leads whose cadence ran out without an exit (every attempt made, or the window closed), the share that got every planned attempt.',
    'Open leads: the current cadence status of every lead each owner is working, whenever it was assigned; in a week of the series, the status now of that week’s leads.',
    'Weekly: calendar weeks from Monday 00:00 in the workspace’s time zone, the first and last cut to the period; a lead counts in the week of its assignment, an MQL in the week it became one.',
  ];
}
