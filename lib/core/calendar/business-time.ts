import type { WorkCalendar } from '../model/calendar';
import { type BusinessTimeOptions, NO_WORKING_TIME_HORIZON_DAYS, workingIntervals, workingIntervalsFrom } from './intervals';
import { localDayNumber, wallClockOfDay } from './wall-clock';
import { memoByObject } from '../memo';
import { DAY_MS, MINUTE_MS } from '../time-units';

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
  const span = to.getTime() - from.getTime();
  const long = span >= LONG_SPAN_MS && span < NO_WORKING_TIME_HORIZON_DAYS * DAY_MS; // false for an invalid date too
  if (!long || (options?.exclude ?? []).length > 0) return workingMs(cal, from, to, options) / MINUTE_MS;
  // A long span (a lead breached months ago): its partial first and last dates walked, the whole dates between summed
  // from each date's total, which the same calendar keeps. Interval ends are whole milliseconds, so the sum is exact.
  const zone = cal.timeZone;
  const firstWhole = localDayNumber(zone, from.getTime()) + 1;
  const lastWhole = localDayNumber(zone, to.getTime()) - 1;
  const startOf = (day: number) => new Date(wallClockOfDay(zone, day)(0));
  let ms = workingMs(cal, from, startOf(firstWhole)) + workingMs(cal, startOf(lastWhole + 1), to);
  for (let day = firstWhole; day <= lastWhole; day++) ms += workingMsOfDate(cal, day, startOf);
  return ms / MINUTE_MS;
}

/** Spans shorter than this are walked interval by interval. */
const LONG_SPAN_MS = 7 * DAY_MS;
/** Each local date's working time, per calendar object (settings are read afresh for each request, never changed). */
const dateTotals = memoByObject((_cal: WorkCalendar) => new Map<number, number>());

function workingMsOfDate(cal: WorkCalendar, day: number, startOf: (day: number) => Date): number {
  const kept = dateTotals(cal);
  let ms = kept.get(day);
  if (ms === undefined) {
    ms = workingMs(cal, startOf(day), startOf(day + 1));
    kept.set(day, ms);
  }
  return ms;
}

function workingMs(cal: WorkCalendar, from: Date, to: Date, options?: BusinessTimeOptions): number {
  let ms = 0;
  for (const interval of workingIntervals(cal, from, to, options)) ms += interval.to.getTime() - interval.from.getTime();
  return ms;
}

function requireValidDate(date: Date, name: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`${name} must be a valid Date`);
}

// Open-ended walks either yield or throw at the no-working-time horizon; running out is a bug.
function noEnd(): Error {
  return new Error('Internal error: the open-ended working-interval walk ended');
}
