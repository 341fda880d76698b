import type { WorkCalendar } from '../model/calendar';
import { weekPlanOf } from './week-plan';
import { DAY_MS } from '../time-units';
import { MAX_UTC_OFFSET_MS, isoDateOf, localDayNumber, wallClockOfDay } from './wall-clock';

/** A half-open stretch of time [from, to). */
export interface TimeSpan {
  from: Date;
  to: Date;
}

export interface BusinessTimeOptions {
  /** Stretches that do not count as business time even inside working hours (cadence pauses). Any order; may overlap. */
  exclude?: readonly TimeSpan[];
}

/**
 * How long a walk may go without finding any working time before it gives up: a calendar (with its pauses) that has
 * no working time for three years is misconfigured, and failing loudly beats walking to the end of time.
 */
export const NO_WORKING_TIME_HORIZON_DAYS = 3 * 366;

/** The latest instant a Date can hold; used as the end of open-ended walks. */
const END_OF_TIME = 8.64e15;

/**
 * The working intervals overlapping [from, to), in order, clipped to it: the calendar's ranges on each local date in
 * its zone, skipping holidays (dates in the calendar's zone) and cut around `options.exclude`.
 * Ranges map to instants as documented in wall-clock.ts (DST gaps and repeated hours).
 * Throws if it walks NO_WORKING_TIME_HORIZON_DAYS days without finding working time (only possible when `to` is that
 * far away), so a far-future `to` can never loop for ages.
 */
export function* workingIntervals(
  cal: WorkCalendar,
  from: Date,
  to: Date,
  options: BusinessTimeOptions = {},
): Generator<TimeSpan, void, undefined> {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  if (end <= start) return;

  const zone = cal.timeZone;
  const plan = weekPlanOf(cal);
  const pauses = mergedPauses(options.exclude ?? [], start, end);
  let next = 0; // index of the first pause that may still matter; pauses and intervals both move forward only

  let day = localDayNumber(zone, start);
  let lastWorkingDay = day;
  for (;;) {
    // The earliest instant of this date is its midnight at UTC+14; once that is past `to`, nothing more overlaps.
    const earliestInstantOfDay = day * DAY_MS - MAX_UTC_OFFSET_MS;
    if (earliestInstantOfDay >= end) return;
    if (day - lastWorkingDay > NO_WORKING_TIME_HORIZON_DAYS) {
      throw new Error(
        `The work calendar (${zone}) has no working time between ${isoDateOf(lastWorkingDay)} and ${isoDateOf(day)}: ` +
          `more than ${NO_WORKING_TIME_HORIZON_DAYS} days of holidays, days off or pauses. Check its hours, holidays and pauses.`,
      );
    }

    while (next < pauses.length && pauses[next]!.to <= earliestInstantOfDay) next++;
    const pause = pauses[next];
    if (pause && pause.from <= earliestInstantOfDay) {
      // Paused from before this date began: jump straight to the date the pause ends on (long pauses cost nothing).
      const resumeDay = localDayNumber(zone, pause.to);
      if (resumeDay > day) {
        day = resumeDay;
        continue;
      }
    }

    const ranges = plan.rangesOn(day);
    if (ranges.length > 0) {
      const instantAt = wallClockOfDay(zone, day);
      for (const [startMinute, endMinute] of ranges) {
        let cursor = Math.max(instantAt(startMinute), start);
        const rangeEnd = Math.min(instantAt(endMinute), end);
        // Cut the paused stretches out of [cursor, rangeEnd).
        while (cursor < rangeEnd) {
          while (next < pauses.length && pauses[next]!.to <= cursor) next++;
          const cut = pauses[next];
          if (!cut || cut.from >= rangeEnd) {
            yield span(cursor, rangeEnd);
            lastWorkingDay = day;
            break;
          }
          if (cut.from > cursor) {
            yield span(cursor, cut.from);
            lastWorkingDay = day;
          }
          cursor = cut.to;
        }
      }
    }
    day++;
  }
}

/** workingIntervals with no end: walks forward until the caller stops (or the no-working-time horizon is hit). */
export function workingIntervalsFrom(
  cal: WorkCalendar,
  from: Date,
  options: BusinessTimeOptions = {},
): Generator<TimeSpan, void, undefined> {
  return workingIntervals(cal, from, new Date(END_OF_TIME), options);
}

interface PauseMs {
  from: number;
  to: number;
}

/** Pauses sorted and merged where they overlap or touch, keeping only those that overlap [start, end). */
function mergedPauses(exclude: readonly TimeSpan[], start: number, end: number): PauseMs[] {
  const pauses = exclude
    .map((p, i) => {
      const from = instantOf(p.from, `exclude[${i}].from`);
      const to = instantOf(p.to, `exclude[${i}].to`);
      if (to < from) throw new Error(`exclude[${i}] ends (${p.to.toISOString()}) before it starts (${p.from.toISOString()})`);
      return { from, to };
    })
    .filter((p) => p.to > start && p.from < end && p.to > p.from)
    .sort((a, b) => a.from - b.from);

  const merged: PauseMs[] = [];
  for (const p of pauses) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

function instantOf(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : NaN;
  if (Number.isNaN(ms)) throw new Error(`${name} must be a valid Date`);
  return ms;
}

function span(from: number, to: number): TimeSpan {
  return { from: new Date(from), to: new Date(to) };
}
