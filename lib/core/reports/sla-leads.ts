import { cadenceExitAt, cadenceState } from '../cadence';
import { pauseExclusions } from '../cadence/pauses';
import { businessMinutesBetween } from '../calendar';
import { groupByContact } from '../lead/by-contact';
import type { Contact } from '../model/contact';
import type { CadenceState } from '../model/derived';
import { policyForLeadType } from '../model/policy';
import { OPEN_CADENCE_STATUSES, type SlaFigure } from '../model/reports';
import type { WorkspaceSettings } from '../model/settings';
import type { SlaInput } from './sla-input';
import { mqlOutcome, stageJourney, type MqlOutcome } from './stage-reach';

/** A lead counted by a figure, dated by the instant that puts it in a period or a week. */
export interface Membership {
  figure: SlaFigure;
  /** ms */
  at: number;
}

/** An owned contact with everything the SLA figures read, and the figures it counts in. */
export interface SlaLead {
  contact: Contact & { ownerId: string; assignedAt: string };
  state: CadenceState;
  /** Business minutes from assignment to the first attempt (paused time left out); null while untouched. */
  firstTouchMinutes: number | null;
  /** Attempts up to the cadence's exit; null while it has not exited. */
  attemptsBeforeExit: number | null;
  /** When it first reached MQL, seen as it happened (ms); null if it never did, or only before history began. */
  mqlAt: number | null;
  /** What sales made of it since, when mqlAt is set. */
  outcome: MqlOutcome | null;
  memberships: Membership[];
}

/**
 * Every owned contact's cadence (lib/core's cadenceState at `now`), first touch, exit and MQL verdict, and the
 * figures it belongs to. The report counts memberships and the drill-down lists them, so a list always has as many
 * leads as its figure says.
 */
export function evaluateSlaLeads(input: SlaInput, settings: WorkspaceSettings, period: { from: number; to: number }, now: Date): SlaLead[] {
  const attemptsOf = groupByContact(input.attempts);
  const activitiesOf = groupByContact(input.exitActivities);
  const historyOf = groupByContact(input.history);
  const leads: SlaLead[] = [];
  for (const contact of input.contacts) {
    if (contact.ownerId === null || contact.assignedAt === null) continue;
    const attempts = attemptsOf.get(contact.id) ?? [];
    const activities = activitiesOf.get(contact.id) ?? [];
    const history = historyOf.get(contact.id) ?? [];
    const state = cadenceState({
      contact,
      policy: policyForLeadType(settings.policies, contact.leadType),
      calendar: settings.calendar,
      attempts,
      activities,
      now,
    });
    if (state === null) continue;
    const assignedAt = Date.parse(contact.assignedAt);
    const firstTouchMinutes =
      state.firstAttemptAt === null
        ? null
        : // Paused time is not counted, as the SLA clock does not count it.
          businessMinutesBetween(settings.calendar, new Date(assignedAt), new Date(state.firstAttemptAt), { exclude: pauseExclusions(contact.pauses) });
    const exitAt = state.status === 'exited' ? cadenceExitAt({ assignedAt, activities, attempts, stageChanges: history }) : null;
    const counted = attempts.filter((a) => a.undoneAt === null && Date.parse(a.at) >= assignedAt && Date.parse(a.at) <= now.getTime());
    const attemptsBeforeExit =
      state.status !== 'exited' ? null : exitAt === null ? state.attemptsDone : counted.filter((a) => Date.parse(a.at) <= exitAt).length;
    const mql = stageJourney(history).reached.mql;
    const mqlAt = mql !== undefined && !mql.reconstructed ? mql.at : null;
    const outcome = mqlAt === null ? null : mqlOutcome(history, mqlAt);
    const lead = { contact: { ...contact, ownerId: contact.ownerId, assignedAt: contact.assignedAt }, state, firstTouchMinutes, attemptsBeforeExit, mqlAt, outcome };
    leads.push({ ...lead, memberships: membershipsOf(lead, period, now.getTime()) });
  }
  return leads;
}

function membershipsOf(lead: Omit<SlaLead, 'memberships'>, period: { from: number; to: number }, now: number): Membership[] {
  const inPeriod = (t: number) => t >= period.from && t < period.to;
  const { state } = lead;
  const assignedAt = Date.parse(lead.contact.assignedAt);
  const figures: Membership[] = [];
  const add = (figure: SlaFigure, at: number) => figures.push({ figure, at });

  if (inPeriod(assignedAt)) {
    add('delivered', assignedAt);
    add(state.firstTouchMet === true ? 'first_touch_within' : state.firstTouchMet === false ? 'first_touch_missed' : 'first_touch_pending', assignedAt);
    if (state.firstAttemptAt !== null) add('touched', assignedAt);
    if (state.status === 'exited') add('exited', assignedAt);
    else if (state.status === 'complete' || now > Date.parse(state.windowEndsAt)) {
      add(state.attemptsLeft === 0 ? 'cadence_complete' : 'cadence_incomplete', assignedAt);
    }
  }
  if (lead.mqlAt !== null && inPeriod(lead.mqlAt) && lead.outcome !== null) {
    add('mql', lead.mqlAt);
    add(lead.outcome.kind === 'pending' ? 'pending_review' : lead.outcome.kind, lead.mqlAt);
  }
  const open = OPEN_CADENCE_STATUSES.find((s) => s === state.status);
  if (open !== undefined) add(open, assignedAt);
  return figures;
}
