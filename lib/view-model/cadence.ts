import { stageEndsCadence } from '../core/cadence/exits';
import type { NextStep } from '../core/cadence/next-step';
import type { CadenceState, CadenceStatus } from '../core/model/derived';
import type { AttemptChannel, LifecycleStage } from '../core/model/vocabulary';
import { formatBusinessDuration } from './format';
import { CHANNEL_LABELS, EXIT_LABELS, STAGE_LABELS } from './labels';

/** How a status reads in colour; the words always say it too (never colour alone). */
export type Tone = 'danger' | 'warn' | 'ok' | 'neutral';

export const STATUS_TONE: Readonly<Record<CadenceStatus, Tone>> = {
  breached: 'danger',
  overdue: 'danger',
  due: 'warn',
  first_touch_due: 'warn',
  on_track: 'ok',
  complete: 'neutral',
  exited: 'neutral',
  paused: 'neutral',
};

/** The status in a word or two, for tags and for the screen reader's announcement when it changes. */
export const STATUS_LABELS: Readonly<Record<CadenceStatus, string>> = {
  first_touch_due: 'First touch',
  on_track: 'On track',
  due: 'Due soon',
  overdue: 'Overdue',
  breached: 'SLA breached',
  complete: 'Complete',
  exited: 'Exited',
  paused: 'Paused',
};

/** What the ticking countdown knows between two recomputations of the cadence state. */
export interface LiveClock {
  /** Business minutes until the next due time, now; negative when past it; null when nothing is due. */
  businessMinutesLeft: number | null;
  /** Wall milliseconds until the next due time, now. */
  wallMsLeft: number | null;
  /** Wall milliseconds until the cadence window closes, now. */
  windowMsLeft: number;
}

/**
 * The status as of this second, from the state computed earlier and the clock now, by the same rules as lib/core's
 * cadenceState: a first touch past its deadline is a breach, a follow-up past due is overdue, one within the due-soon
 * window is due, and a cadence past its window is breached. The panel asks lib/core again as soon as this differs.
 */
export function liveStatus(state: Pick<CadenceState, 'status' | 'attemptsDone'>, clock: LiveClock, dueSoonMinutes: number): CadenceStatus {
  const { status } = state;
  if (status !== 'first_touch_due' && status !== 'on_track' && status !== 'due') return status;
  if (state.attemptsDone > 0 && clock.windowMsLeft < 0) return 'breached';
  if (clock.wallMsLeft === null || clock.businessMinutesLeft === null) return status;
  if (clock.wallMsLeft < 0) return status === 'first_touch_due' ? 'breached' : 'overdue';
  if (status === 'on_track' && clock.businessMinutesLeft <= dueSoonMinutes) return 'due';
  return status;
}

/** From this much overdue business time on, a headline names the due time instead of the duration. */
export const LONG_OVERDUE_MINUTES = 24 * 60;

export interface Headline {
  status: CadenceStatus;
  tone: Tone;
  /** A short tag before the headline when the headline alone does not name the status ("First touch", "On track"). */
  tag: string | null;
  /** "Due in 1 h 20 m", "Overdue by 35 m", "SLA breached", "Complete: recycle or advance", "Exited: replied"… */
  text: string;
  /** The status as a screen reader hears it when it changes ("Due soon", "Outside working hours"). */
  label: string;
}

/** The tag a due-soon step wears outside working hours, instead of "Due soon". */
export const OFF_HOURS_TAG = 'Off hours';

/**
 * The cadence in words. `pausedUntil` is already formatted for the rep ("Mon 9:00 AM"). With `seconds`, a due time
 * less than an hour away shows seconds (the ticking countdown) while the clock runs; without, minutes (the queue).
 * Overdue time is in minutes either way.
 *
 * With `attempts`, a broken promise is named: "First touch missed", "Follow-up 2 overdue", "Cadence window closed".
 * With `working: false` (the rep's calendar is not working now: night, weekend, holiday, a pause), a step inside the
 * due-soon window does not alarm: "Due soon" is about the next working minutes, and the next working minute may be
 * hours away. It reads "Off hours" in the calm colour, and the clock shows no seconds (it is stopped).
 */
export function cadenceHeadline(
  status: CadenceStatus,
  businessMinutesLeft: number | null,
  extra: {
    exitReason: CadenceState['exitReason'];
    pausedUntil: string | null;
    /** The due time, formatted ("Fri 5:00 PM"): a step overdue by a working day or more says since when instead. */
    dueAt?: string | null;
    seconds?: boolean;
    /** Attempts made and planned: the headline names which promise broke. */
    attempts?: { done: number; planned: number };
    /** Whether the rep's working hours run now (unknown: as if they do). */
    working?: boolean;
  },
): Headline {
  const headline = headlineOf(status, businessMinutesLeft, extra);
  if (status === 'due' && extra.working === false) return { ...headline, tone: 'ok', tag: OFF_HOURS_TAG, label: 'Outside working hours' };
  return headline;
}

function headlineOf(status: CadenceStatus, businessMinutesLeft: number | null, extra: Parameters<typeof cadenceHeadline>[2]): Headline {
  const label = STATUS_LABELS[status];
  const tone = STATUS_TONE[status];
  // Seconds only while a due time approaches (the last hour ticks visibly) and the clock runs; past it, minutes are enough.
  const approaching = businessMinutesLeft !== null && businessMinutesLeft >= 0 && extra.working !== false;
  const left = businessMinutesLeft === null ? null : formatBusinessDuration(businessMinutesLeft, { seconds: (extra.seconds ?? false) && approaching });
  // Overdue by more than a working day: "since Fri 5:00 PM" reads better than "by 46 h 10 m" of working time.
  const late =
    businessMinutesLeft !== null && businessMinutesLeft <= -LONG_OVERDUE_MINUTES && extra.dueAt
      ? `since ${extra.dueAt}`
      : left === null
        ? null
        : `by ${left}`;
  const dueIn = left === null ? 'Due' : businessMinutesLeft !== null && businessMinutesLeft * 60 < 1 && businessMinutesLeft >= 0 ? 'Due now' : `Due in ${left}`;
  const of = { status, tone, label };
  const pastDue = businessMinutesLeft !== null && businessMinutesLeft < 0 && late !== null;
  switch (status) {
    case 'first_touch_due':
      return { ...of, tag: 'First touch', text: dueIn };
    case 'due':
      return { ...of, tag: 'Due soon', text: dueIn };
    case 'on_track':
      return { ...of, tag: 'On track', text: dueIn };
    case 'overdue': {
      const what = extra.attempts ? `Follow-up ${extra.attempts.done + 1} overdue` : 'Overdue';
      return { ...of, tag: null, text: late === null ? what : `${what} ${late}` };
    }
    case 'breached': {
      // Two promises can break: the first touch never came, or the window closed before the attempts were made.
      if (extra.attempts && extra.attempts.done > 0) {
        return { ...of, tag: null, text: `Cadence window closed with ${extra.attempts.done} of ${extra.attempts.planned} attempts` };
      }
      const what = extra.attempts ? 'First touch missed' : 'SLA breached';
      return { ...of, tag: null, text: pastDue ? `${what} · overdue ${late}` : what };
    }
    case 'complete':
      return { ...of, tag: null, text: 'Complete: recycle or advance' };
    case 'exited':
      return { ...of, tag: null, text: `Exited: ${extra.exitReason ? EXIT_LABELS[extra.exitReason] : 'ended'}` };
    case 'paused':
      return { ...of, tag: null, text: extra.pausedUntil ? `Paused until ${extra.pausedUntil}` : 'Paused until resumed' };
  }
}

/** One line of the follow-up box's facts: words, then (when `at` is set) a moment the view formats after them. */
export interface CadenceFact {
  key: 'attempts' | 'next' | 'sla';
  text: string;
  /** An instant, formatted by the view ("Thu 5:00 PM") after the words. */
  at: string | null;
}

/**
 * The facts under the countdown, worded so they never contradict it: the attempts made, the next step ("Step 3 of 5 ·
 * Call · by Thu 5:00 PM", "was due" once past), and the first-touch promise ("SLA deadline", "First touch missed: was
 * due"). The first touch's due time is the SLA deadline, so its step line leaves the time to the SLA line. A lead in a
 * stage that ends the cadence (recycled, disqualified, won or lost) has no SLA deadline, and the line says so.
 */
export function cadenceFacts(cadence: CadenceState, next: NextStep | null, stage: LifecycleStage): CadenceFact[] {
  const facts: CadenceFact[] = [{ key: 'attempts', text: `${cadence.attemptsDone} of ${cadence.attemptsPlanned} attempts`, at: null }];
  if (next) {
    const what = [`Step ${next.step} of ${next.of}`, ...(next.channel ? [CHANNEL_LABELS[next.channel]] : [])].join(' · ');
    facts.push(next.step === 1 ? { key: 'next', text: what, at: null } : { key: 'next', text: `${what} · ${next.late ? 'was due' : 'by'}`, at: next.dueAt });
  }
  if (stageEndsCadence(stage)) {
    facts.push({ key: 'sla', text: `No SLA deadline: the lead is ${STAGE_LABELS[stage]}`, at: null });
  } else if (cadence.firstTouchMet === true) {
    facts.push({ key: 'sla', text: 'First touch within the SLA, deadline', at: cadence.slaDeadline });
  } else if (cadence.firstTouchMet === false) {
    facts.push({ key: 'sla', text: 'First touch missed: was due', at: cadence.slaDeadline });
  } else if (cadence.status !== 'exited' && cadence.status !== 'complete') {
    // Still open: a deadline ahead. A cadence that ended before it (the lead replied) has no deadline left to meet.
    facts.push({ key: 'sla', text: 'SLA deadline', at: cadence.slaDeadline });
  }
  return facts;
}

/**
 * The log button to present as the primary one: the next step's planned channel, while the cadence runs. Paused,
 * ended or with no plan for the channel, none is: no button looks armed for a cadence that is not asking for it.
 */
export function primaryLogChannel(cadence: CadenceState | null, next: NextStep | null): AttemptChannel | null {
  if (cadence === null || next === null || cadence.status === 'paused') return null;
  return next.channel;
}
