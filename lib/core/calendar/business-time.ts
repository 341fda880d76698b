import type { WorkCalendar } from '../model/calendar';
import { type BusinessTimeOptions, workingIntervals, workingIntervalsFrom } from './intervals';
import { MINUTE_MS } from '../time-units';

/**
 * Business-time arithmetic on a work calendar. Every function takes the same `options.exclude` (pauses: time that
 * does not count even inside working hours). Working ranges are half-open: at 09:00 of 09:00–17:00 the clock runs,
 * at 17:00 it has stopped.
 */

/** Whether the business clock runs at `at`. */
export function isWorking(cal: WorkCalendar, at: Date, options?: BusinessTimeOptions): boolean {
  requireValidDate(at, 'at');
  const oneMsLater = new Date(at.getTime() + 1);
  return !workingIntervals(cal, at, oneMsLater, options).next().done;
}

/** `at` itself if the clock runs then, else the start of the next working interval. */
export function nextBusinessMoment(cal: WorkCalendar, at: Date, options?: BusinessTimeOptions): Date {
  requireValidDate(at, 'at');
  for (const interval of workingIntervalsFrom(cal, at, options)) return interval.from;
  throw noEnd();
}

/**
 * The instant `minutes` business minutes after `from`. Counting starts at the next business moment, so adding 0
 * gives nextBusinessMoment; an addition that uses up a range exactly ends at that range's end (Fri 16:30 + 30 min
 * with 09:00–17:00 is Fri 17:00, not Mon 09:00). Fractions are allowed and rounded to the millisecond.
 */
export function addBusinessMinutes(
  cal: WorkCalendar,
  from: Date,
  minutes: number,
  options?: BusinessTimeOptions,
): Date {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new Error(`addBusinessMinutes: minutes must be a finite number ≥ 0, got ${String(minutes)}`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  // Whole intervals are subtracted at once, so the cost grows with the number of days crossed, not with minutes.
  for (const interval of workingIntervalsFrom(cal, from, options)) {
    const start = interval.from.getTime();
    const length = interval.to.getTime() - start;
    if (remaining <= length) return new Date(start + remaining);
    remaining -= length;
  }
  throw noEnd();
}

/** Business minutes in [from, to); negative when `to` is before `from`. May be fractional. */
export function businessMinutesBetween(
  cal: WorkCalendar,
  from: Date,
  to: Date,
  options?: BusinessTimeOptions,
): number {
  if (to.getTime() < from.getTime()) {
    const minutes = businessMinutesBetween(cal, to, from, options);
    return minutes === 0 ? 0 : -minutes; // never -0
  }
  let ms = 0;
  for (const interval of workingIntervals(cal, from, to, options)) ms += interval.to.getTime() - interval.from.getTime();
  return ms / MINUTE_MS;
}

function requireValidDate(date: Date, name: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`${name} must be a valid Date`);
}

// Open-ended walks either yield or throw at the no-working-time horizon; running out is a bug.
function noEnd(): Error {
  return new Error('Internal error: the open-ended working-interval walk ended');
}
