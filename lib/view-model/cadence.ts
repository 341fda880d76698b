import type { CadenceState, CadenceStatus } from '../core/model/derived';
import { formatBusinessDuration } from './format';
import { EXIT_LABELS } from './labels';

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
}

/**
 * The cadence in words. `pausedUntil` is already formatted for the rep ("Mon 9:00 AM"). With `seconds`, a due time
 * less than an hour away shows seconds (the ticking countdown); without, minutes (the queue). Overdue time is in
 * minutes either way.
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
  },
): Headline {
  const tone = STATUS_TONE[status];
  // Seconds only while a due time approaches (the last hour ticks visibly); past it, minutes are enough.
  const approaching = businessMinutesLeft !== null && businessMinutesLeft >= 0;
  const left = businessMinutesLeft === null ? null : formatBusinessDuration(businessMinutesLeft, { seconds: (extra.seconds ?? false) && approaching });
  // Overdue by more than a working day: "since Fri 5:00 PM" reads better than "by 46 h 10 m" of working time.
  const late =
    businessMinutesLeft !== null && businessMinutesLeft <= -LONG_OVERDUE_MINUTES && extra.dueAt
      ? `since ${extra.dueAt}`
      : left === null
        ? null
        : `by ${left}`;
  const dueIn = left === null ? 'Due' : businessMinutesLeft !== null && businessMinutesLeft * 60 < 1 && businessMinutesLeft >= 0 ? 'Due now' : `Due in ${left}`;
  switch (status) {
    case 'first_touch_due':
      return { status, tone, tag: 'First touch', text: dueIn };
    case 'due':
      return { status, tone, tag: 'Due soon', text: dueIn };
    case 'on_track':
      return { status, tone, tag: 'On track', text: dueIn };
    case 'overdue':
      return { status, tone, tag: null, text: late === null ? 'Overdue' : `Overdue ${late}` };
    case 'breached':
      return {
        status,
        tone,
        tag: null,
        text: businessMinutesLeft !== null && businessMinutesLeft < 0 && late !== null ? `SLA breached · overdue ${late}` : 'SLA breached',
      };
    case 'complete':
      return { status, tone, tag: null, text: 'Complete: recycle or advance' };
    case 'exited':
      return { status, tone, tag: null, text: `Exited: ${extra.exitReason ? EXIT_LABELS[extra.exitReason] : 'ended'}` };
    case 'paused':
      return { status, tone, tag: null, text: extra.pausedUntil ? `Paused until ${extra.pausedUntil}` : 'Paused until resumed' };
  }
}
