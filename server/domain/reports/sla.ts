import { cadenceState } from '../../../lib/core/cadence';
import { pauseExclusions } from '../../../lib/core/cadence/pauses';
import { businessMinutesBetween } from '../../../lib/core/calendar';
import { groupByContact } from '../../../lib/core/lead/by-contact';
import type { Contact } from '../../../lib/core/model/contact';
import type { CadenceState } from '../../../lib/core/model/derived';
import { policyForLeadType } from '../../../lib/core/model/policy';
import {
  OPEN_CADENCE_STATUSES,
  type FirstTouchFigures,
  type OpenLeadCounts,
  type RepSlaFigures,
  type ReportPeriod,
  type SlaReport,
} from '../../../lib/core/model/reports';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { ReportUser, SlaData } from './sla-data';
import { median, ratioOrNull } from './stats';

/** The SLA goal is stated a month at a time; a month is taken as 30 days. */
const DAYS_PER_MONTH = 30;

/** A contact with its cadence as lib/core computes it now, and the business hours its first touch took. */
interface Evaluated {
  contact: Contact & { ownerId: string; assignedAt: string };
  state: CadenceState;
  hoursToFirstTouch: number | null;
}

/**
 * The SLA dashboard's figures (docs/vocabulary.md § SLA, both ways): marketing's leads delivered against the goal, and for those leads sales'
 * first touches within the SLA, time to first touch and attempts, overall and per rep, with each owner's open leads.
 */
export function computeSlaReport(data: SlaData, settings: WorkspaceSettings, period: ReportPeriod, now: Date): SlaReport {
  const evaluated = evaluateCadences(data, settings, now);
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const periodLeads = evaluated.filter((e) => {
    const assignedAt = Date.parse(e.contact.assignedAt);
    return assignedAt >= from && assignedAt < to;
  });

  const activeReps = data.users.filter((u) => u.role === 'rep' && !u.disabled);
  const { mqlsPerRepPerMonth } = settings.sla;
  const goal = mqlsPerRepPerMonth * activeReps.length * (period.days / DAYS_PER_MONTH);
  const sales = salesFigures(periodLeads, evaluated);

  return {
    period,
    generatedAt: now.toISOString(),
    marketing: { delivered: periodLeads.length, goal, ratio: ratioOrNull(periodLeads.length, goal), mqlsPerRepPerMonth, activeReps: activeReps.length },
    sales: { leads: periodLeads.length, firstTouchTarget: settings.sla.firstTouchTarget, ...sales },
    reps: repRows(data.users, activeReps, periodLeads, evaluated),
    notes: notes(period, goal, activeReps.length, mqlsPerRepPerMonth, sales.firstTouch.pending),
  };
}

function evaluateCadences(data: SlaData, settings: WorkspaceSettings, now: Date): Evaluated[] {
  const attemptsOf = groupByContact(data.attempts);
  const activitiesOf = groupByContact(data.exitActivities);
  const evaluated: Evaluated[] = [];
  for (const contact of data.contacts) {
    if (contact.ownerId === null || contact.assignedAt === null) continue;
    const state = cadenceState({
      contact,
      policy: policyForLeadType(settings.policies, contact.leadType),
      calendar: settings.calendar,
      attempts: attemptsOf.get(contact.id) ?? [],
      activities: activitiesOf.get(contact.id) ?? [],
      now,
    });
    if (state === null) continue;
    const hoursToFirstTouch =
      state.firstAttemptAt === null
        ? null
        : // Paused time is not counted, as the SLA clock does not count it.
          businessMinutesBetween(settings.calendar, new Date(contact.assignedAt), new Date(state.firstAttemptAt), {
            exclude: pauseExclusions(contact.pauses),
          }) / 60;
    evaluated.push({ contact: { ...contact, ownerId: contact.ownerId, assignedAt: contact.assignedAt }, state, hoursToFirstTouch });
  }
  return evaluated;
}

function salesFigures(leads: readonly Evaluated[], openCandidates: readonly Evaluated[]) {
  const attempts = sumOf(leads.map((e) => e.state.attemptsDone));
  return {
    firstTouch: firstTouchFigures(leads),
    attempts,
    attemptsPerLead: ratioOrNull(attempts, leads.length),
    openLeads: openLeadCounts(openCandidates),
  };
}

function firstTouchFigures(leads: readonly Evaluated[]): FirstTouchFigures {
  const judged = leads.filter((e) => e.state.firstTouchMet !== null);
  const withinSla = judged.filter((e) => e.state.firstTouchMet === true).length;
  const hours = leads.flatMap((e) => (e.hoursToFirstTouch === null ? [] : [e.hoursToFirstTouch]));
  return {
    judged: judged.length,
    withinSla,
    share: ratioOrNull(withinSla, judged.length),
    pending: leads.length - judged.length,
    touched: hours.length,
    medianBusinessHours: median(hours),
  };
}

function openLeadCounts(evaluated: readonly Evaluated[]): OpenLeadCounts {
  const counts: OpenLeadCounts = { breached: 0, overdue: 0, due: 0, on_track: 0, first_touch_due: 0, paused: 0 };
  for (const { state } of evaluated) {
    const status = OPEN_CADENCE_STATUSES.find((s) => s === state.status);
    if (status !== undefined) counts[status] += 1;
  }
  return counts;
}

/** Every active rep, plus any other owner of the period's leads or of open leads, so the rows add up to the totals. */
function repRows(users: readonly ReportUser[], activeReps: readonly ReportUser[], periodLeads: readonly Evaluated[], all: readonly Evaluated[]): RepSlaFigures[] {
  const activeIds = new Set(activeReps.map((u) => u.id));
  const openOwnerIds = all.filter((e) => OPEN_CADENCE_STATUSES.some((s) => s === e.state.status)).map((e) => e.contact.ownerId);
  const ids = new Set([...activeIds, ...periodLeads.map((e) => e.contact.ownerId), ...openOwnerIds]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return [...ids]
    .map((id): RepSlaFigures => {
      const leads = periodLeads.filter((e) => e.contact.ownerId === id);
      return {
        id,
        name: nameOf.get(id) ?? id,
        active: activeIds.has(id),
        leads: leads.length,
        ...salesFigures(
          leads,
          all.filter((e) => e.contact.ownerId === id),
        ),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function notes(period: ReportPeriod, goal: number, activeReps: number, perRepPerMonth: number, pending: number): string[] {
  const days = Math.round(period.days * 100) / 100;
  return [
    `Delivered: contacts assigned to an owner from ${period.from} up to ${period.to}, counted once for their current owner (a reassigned lead counts from its reassignment); deleted contacts are left out.`,
    `Goal: ${perRepPerMonth} a rep a month × ${activeReps} active reps × ${days} days / ${DAYS_PER_MONTH} = ${Math.round(goal * 100) / 100}.`,
    `First touch within SLA: judged only for leads that have been touched or whose first-touch deadline has passed; ${pending} still inside their first-touch window ${pending === 1 ? 'is' : 'are'} left out.`,
    'Time to first touch: business hours on the work calendar (paused time left out) from assignment to the first attempt that was not undone; the median over touched leads.',
    'Attempts per lead: attempts not undone since assignment, divided by the leads assigned in the period.',
    'Open leads: the current cadence status of every lead each owner is working, whenever it was assigned.',
  ];
}

function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
