import { tzOffset } from '@date-fns/tz';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time-units';

/**
 * Converting between instants and a zone's wall clock. Dates are "day numbers" (days since 1970-01-01, the calendar
 * date itself, no zone attached), so stepping and weekday arithmetic is plain integer arithmetic and never depends on
 * the machine's zone.
 */


/** No zone is further ahead of UTC than +14:00, so a date's first instant is never earlier than its midnight − 14 h. */
export const MAX_UTC_OFFSET_MS = 14 * HOUR_MS;

/** The date the wall clock in `zone` shows at `at`, as a day number. */
export function localDayNumber(zone: string, at: number): number {
  // The offsets around the UTC date of `at` (remembered, see offsetsAround) agree unless the offset changes near it:
  // then `at` has that offset too (the same assumption as wallClockOfDay's), else it is asked for itself.
  const [before, after] = offsetsAround(zone, Math.floor(at / DAY_MS));
  return Math.floor((at + (before === after ? before : offsetMs(zone, at))) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "2026-12-25" → day number; NaN if the text is not a date. */
export function dayNumberOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A function that maps "minutes after midnight" on `day` in `zone` (0 … 1440, 1440 being the next midnight) to
 * the instant (ms) when the wall clock there first reads that time or later:
 * - a wall time that falls in a DST gap (02:30 on a spring-forward night) maps to the instant the clocks jump
 *   (03:00 new time): it is the first moment the clock shows 02:30 "or later", and it keeps the mapping monotonic,
 *   so consecutive ranges of a day can never come out inverted or overlapping;
 * - a wall time that occurs twice (01:30 on a fall-back night) maps to its first occurrence, so a range 01:00–02:00
 *   on that night lasts two real hours and 00:00–01:30 ends at the first 01:30.
 * Assumes at most one offset change within about two days of the date, which holds for every zone in use.
 */
export function wallClockOfDay(zone: string, day: number): (minuteOfDay: number) => number {
  const midnight = day * DAY_MS;
  const [before, after] = offsetsAround(zone, day);
  if (before === after) return (minute) => midnight + minute * MINUTE_MS - before;

  return (minute) => {
    const wall = midnight + minute * MINUTE_MS;
    const withBefore = wall - before;
    const withAfter = wall - after;
    const beforeFits = offsetMs(zone, withBefore) === before;
    const afterFits = offsetMs(zone, withAfter) === after;
    if (beforeFits && afterFits) return Math.min(withBefore, withAfter); // repeated hour: first occurrence
    if (beforeFits) return withBefore;
    if (afterFits) return withAfter;
    return changeInstant(zone, Math.min(withBefore, withAfter), Math.max(withBefore, withAfter)); // skipped hour
  };
}

/**
 * Dates whose offsets are kept, per zone. A report walks the same dates for every lead (a lead breached months ago
 * walks every working day since), and each offset is an Intl call: remembered, a date costs two calls once per process.
 */
const MAX_DATES_KEPT = 50_000;
const offsetsByZone = new Map<string, Map<number, readonly [number, number]>>();

/**
 * Every instant of the date lies within [midnight − 14 h, midnight + 24 h + 12 h]; the offsets just outside that window
 * are the offsets before and after any change that happens on the date.
 */
function offsetsAround(zone: string, day: number): readonly [number, number] {
  let kept = offsetsByZone.get(zone);
  if (kept === undefined) offsetsByZone.set(zone, (kept = new Map()));
  let offsets = kept.get(day);
  if (offsets === undefined) {
    const midnight = day * DAY_MS;
    offsets = [offsetMs(zone, midnight - 15 * HOUR_MS), offsetMs(zone, midnight + 37 * HOUR_MS)];
    if (kept.size >= MAX_DATES_KEPT) kept.clear();
    kept.set(day, offsets);
  }
  return offsets;
}

/** The first instant in (lo, hi] whose offset differs from lo's, by bisection (only runs for wall times in a gap). */
function changeInstant(zone: string, lo: number, hi: number): number {
  const offsetAtLo = offsetMs(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

function offsetMs(zone: string, at: number): number {
  return tzOffset(zone, new Date(at)) * MINUTE_MS;
}
