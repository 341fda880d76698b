import { addBusinessMinutes, businessMinutesBetween } from '../../lib/core/calendar';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import type { Pause } from '../../lib/core/model/contact';
import type { CadencePolicy } from '../../lib/core/model/policy';
import type { AttemptChannel, AttemptOutcome } from '../../lib/core/model/vocabulary';
import { businessMinutesBefore, days, hours, minutes } from './clock';
import type { Random } from './random';

/**
 * What has happened to a lead since it was assigned, chosen so that, relative to `now`, lib/core's cadenceState reads
 * the status in the name (the closed ones end by stage or reply). Live cadences are built backwards from `now` in
 * business time, so they hold whatever day and hour the seed runs at.
 */
export type Scenario =
  | 'first_touch_due'
  | 'on_track'
  | 'due'
  | 'overdue'
  | 'paused'
  | 'breached_untouched'
  | 'breached_window'
  | 'complete'
  | 'exited_reply'
  | 'exited_meeting'
  /** Became an opportunity or a customer: replied, then booked a meeting. */
  | 'won'
  /** Disqualified after a conversation. */
  | 'lost'
  /** Worked through the whole cadence without an answer, then handed back to marketing. */
  | 'recycled';

export interface PlannedAttempt {
  at: Date;
  channel: AttemptChannel;
  outcome: AttemptOutcome | null;
  note: string | null;
}

export interface CadencePlan {
  assignedAt: Date;
  attempts: PlannedAttempt[];
  /** A real reply (not out of office): ends the cadence. */
  replyAt: Date | null;
  /** A meeting booked on the rep's calendar link: ends the cadence. */
  meetingAt: Date | null;
  pause: Pause | null;
}

export interface PlanContext {
  policy: CadencePolicy;
  calendar: WorkCalendar;
  now: Date;
  rng: Random;
}

/** For a showcase lead: exactly how many attempts, and how many business minutes until the next is due. */
export interface LiveShape {
  attempts: number;
  businessMinutesLeft: number;
}

const CONNECTED_NOTES = [
  'Spoke briefly; asked to follow up next week',
  'Gatekeeper said to try after 2pm',
  'Interested, comparing with their current spreadsheet process',
  'Asked for pricing by email',
];
const LOST_NOTES = ['Not a fit: 5-person team, no SDRs', 'Student project, no buying intent', 'Already signed with a competitor last month'];
const PAUSE_REASONS = ['Asked to reconnect after their budget review', 'On parental leave, back next month', 'Travelling for a conference; call after'];

export function planCadence(scenario: Scenario, ctx: PlanContext, shape?: LiveShape): CadencePlan {
  const { rng, now } = ctx;
  const ago = (from: number, to: number) => new Date(now.getTime() - days(rng.between(from, to)));
  switch (scenario) {
    case 'first_touch_due':
      return { ...nothing(), assignedAt: freshAssignment(ctx) };
    case 'on_track':
    case 'due':
    case 'overdue':
      return live(scenario, ctx, shape);
    case 'paused': {
      const assignedAt = ago(3, 8);
      const attempts = forward(ctx, assignedAt, rng.int(1, 2));
      const last = attempts[attempts.length - 1]?.at ?? assignedAt;
      const from = new Date(Math.min(last.getTime() + hours(rng.between(1, 20)), now.getTime() - minutes(30)));
      return { ...nothing(), assignedAt, attempts, pause: { from: from.toISOString(), to: null, reason: rng.pick(PAUSE_REASONS) } };
    }
    case 'breached_untouched':
      // Four wall days always hold more working time than any first-touch window here.
      return { ...nothing(), assignedAt: ago(4, 20) };
    case 'breached_window': {
      const assignedAt = ago(16, 45);
      return { ...nothing(), assignedAt, attempts: forward(ctx, assignedAt, rng.int(1, Math.min(3, ctx.policy.attempts - 1))) };
    }
    case 'complete':
    case 'recycled': {
      const assignedAt = ago(20, 55);
      return { ...nothing(), assignedAt, attempts: forward(ctx, assignedAt, ctx.policy.attempts) };
    }
    case 'exited_reply': {
      const assignedAt = ago(2, 40);
      const attempts = forward(ctx, assignedAt, rng.int(1, 3));
      return { ...nothing(), assignedAt, attempts, replyAt: answerAfter(ctx, attempts[attempts.length - 1]?.at ?? assignedAt) };
    }
    case 'exited_meeting':
    case 'won': {
      const assignedAt = scenario === 'won' ? ago(24, 58) : ago(3, 40);
      const attempts = forward(ctx, assignedAt, rng.int(2, 4));
      const last = attempts[attempts.length - 1];
      if (!last) return { ...nothing(), assignedAt, replyAt: answerAfter(ctx, assignedAt) };
      // The lead picked up and booked a demo on the call; the booking lands on the calendar a minute later.
      last.channel = 'call';
      last.outcome = 'meeting_booked';
      last.note = 'Booked a 30-minute demo';
      const replyAt = scenario === 'won' && attempts.length > 1 ? answerAfter(ctx, attempts[attempts.length - 2]!.at, last.at) : null;
      return { ...nothing(), assignedAt, attempts, replyAt, meetingAt: new Date(last.at.getTime() + minutes(1)) };
    }
    case 'lost': {
      const assignedAt = ago(10, 55);
      const attempts = forward(ctx, assignedAt, rng.int(1, 3));
      const last = attempts[attempts.length - 1];
      if (last) {
        last.channel = 'call';
        last.outcome = 'connected';
        last.note = rng.pick(LOST_NOTES);
      }
      return { ...nothing(), assignedAt, attempts };
    }
  }
}

function nothing(): Omit<CadencePlan, 'assignedAt'> {
  return { attempts: [], replyAt: null, meetingAt: null, pause: null };
}

/** Assigned minutes ago (at night or on a weekend too), always still inside the first-touch window. */
function freshAssignment(ctx: PlanContext): Date {
  const { rng, now, calendar, policy } = ctx;
  const limit = policy.firstTouchBusinessHours * 60;
  const wall = new Date(now.getTime() - minutes(rng.between(3, 90)));
  if (businessMinutesBetween(calendar, wall, now) < limit * 0.8) return wall;
  return businessMinutesBefore(calendar, now, rng.between(0.1, 0.7) * limit);
}

/**
 * A cadence still running: `n` attempts, the last one `elapsed` business minutes ago, so the next falls due in
 * (gap − elapsed): comfortably later (on_track), within the policy's due-soon minutes (due), or already past (overdue).
 */
function live(status: 'on_track' | 'due' | 'overdue', ctx: PlanContext, shape?: LiveShape): CadencePlan {
  const { rng, policy, calendar, now } = ctx;
  let n = shape?.attempts ?? rng.int(1, Math.min(3, policy.attempts - 1));
  for (;;) {
    const gap = policy.followUpBusinessHours[n - 1]! * 60;
    const soon = policy.dueSoonBusinessMinutes;
    const left =
      shape?.businessMinutesLeft ??
      (status === 'on_track' ? rng.between(soon + 30, gap - 5) : status === 'due' ? rng.between(5, Math.max(6, soon - 5)) : -rng.between(30, 900));
    const times = [businessMinutesBefore(calendar, now, gap - left)];
    for (let k = n; k >= 2; k--) times.unshift(businessMinutesBefore(calendar, times[0]!, followUpMinutes(ctx, k)));
    const assignedAt = businessMinutesBefore(calendar, times[0]!, firstTouchMinutes(ctx));
    // Past the window the cadence reads breached: try again with fewer attempts behind it.
    if (now.getTime() < assignedAt.getTime() + days(policy.windowDays) - days(1) || n === 1) {
      return { ...nothing(), assignedAt, attempts: times.map((at, i) => attemptAt(ctx, at, i + 1)) };
    }
    n -= 1;
  }
}

/** `n` attempts from `assignedAt` on, each on (or a little ahead of) the policy's schedule; none after now. */
function forward(ctx: PlanContext, assignedAt: Date, n: number): PlannedAttempt[] {
  const { calendar, now } = ctx;
  const attempts: PlannedAttempt[] = [];
  let at = addBusinessMinutes(calendar, assignedAt, firstTouchMinutes(ctx));
  for (let k = 1; k <= n; k++) {
    if (k > 1) at = addBusinessMinutes(calendar, at, followUpMinutes(ctx, k));
    if (at.getTime() > now.getTime() - minutes(5)) break;
    attempts.push(attemptAt(ctx, at, k));
  }
  return attempts;
}

/** Most first touches land well inside the SLA; about one in six is late, as in any real team. */
function firstTouchMinutes(ctx: PlanContext): number {
  const limit = ctx.policy.firstTouchBusinessHours * 60;
  return ctx.rng.chance(0.83) ? ctx.rng.between(0.08, 0.85) * limit : ctx.rng.between(1.15, 3) * limit;
}

/** The gap before attempt k (k ≥ 2): the policy's, or a little less when the rep is keen. */
function followUpMinutes(ctx: PlanContext, k: number): number {
  return ctx.policy.followUpBusinessHours[k - 2]! * 60 * ctx.rng.between(0.55, 1);
}

/** A reply some time after `after`, never after now (or `before`). */
function answerAfter(ctx: PlanContext, after: Date, before: Date = ctx.now): Date {
  const latest = Math.min(before.getTime(), ctx.now.getTime()) - minutes(2);
  const wanted = after.getTime() + minutes(ctx.rng.between(20, 30 * 60));
  return new Date(wanted <= latest ? wanted : (after.getTime() + latest) / 2);
}

/** The usual sequence: call or email first, then email, call, social, email, call. */
function attemptAt(ctx: PlanContext, at: Date, step: number): PlannedAttempt {
  const { rng } = ctx;
  const channel: AttemptChannel = step === 1 ? (rng.chance(0.6) ? 'call' : 'email') : (['email', 'call', 'social', 'email', 'call'] as const)[(step - 2) % 5]!;
  if (channel !== 'call') return { at, channel, outcome: null, note: null };
  const outcome = rng.weighted<AttemptOutcome>([
    ['no_answer', 50],
    ['left_voicemail', 32],
    ['connected', 15],
    ['wrong_number', 3],
  ]);
  return {
    at,
    channel: outcome === 'left_voicemail' ? 'voicemail' : 'call',
    outcome,
    note: outcome === 'connected' ? rng.pick(CONNECTED_NOTES) : outcome === 'wrong_number' ? 'Number on the form rings a different company' : null,
  };
}
