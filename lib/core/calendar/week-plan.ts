import type { WorkCalendar, WorkRange } from '../model/calendar';
import { dayNumberOf, weekdayOf } from './wall-clock';

/** A working range as minutes after local midnight: [start, end), end ≤ 1440. */
export type MinuteRange = readonly [start: number, end: number];

/** A calendar pre-digested for walking: ranges per weekday as minutes, holidays as a set of day numbers. */
export interface WeekPlan {
  /** The working ranges of a date (day number): none on holidays and days off. */
  rangesOn(day: number): readonly MinuteRange[];
}

const NO_RANGES: readonly MinuteRange[] = [];

// Parsing is cached per week object and holiday list (calendars are treated as immutable values), so a hot
// addBusinessMinutes call does not re-parse up to 2000 holidays each time.
const weekCache = new WeakMap<WorkCalendar['week'], readonly (readonly MinuteRange[])[]>();
const holidayCache = new WeakMap<readonly string[], ReadonlySet<number>>();

// The plan itself too, per calendar: a report walks thousands of leads' calendars, and each walk asked for a new one.
const planCache = new WeakMap<WorkCalendar, WeekPlan>();

export function weekPlanOf(cal: WorkCalendar): WeekPlan {
  const known = planCache.get(cal);
  if (known) return known;
  const byWeekday = rangesByWeekday(cal.week);
  const holidays = holidaySet(cal.holidays ?? []);
  const plan: WeekPlan = {
    rangesOn: (day) => (holidays.has(day) ? NO_RANGES : (byWeekday[weekdayOf(day)] ?? NO_RANGES)),
  };
  planCache.set(cal, plan);
  return plan;
}

function rangesByWeekday(week: WorkCalendar['week']): readonly (readonly MinuteRange[])[] {
  let cached = weekCache.get(week);
  if (!cached) {
    // Index 0 = Sunday, as weekdayOf.
    cached = [week.sun, week.mon, week.tue, week.wed, week.thu, week.fri, week.sat].map((ranges) =>
      // Sorted defensively: the interval walk relies on a day's ranges coming in order.
      ranges
        .map(toMinuteRange)
        .filter(([start, end]) => start < end)
        .sort((a, b) => a[0] - b[0]),
    );
    weekCache.set(week, cached);
  }
  return cached;
}

function holidaySet(holidays: readonly string[]): ReadonlySet<number> {
  let cached = holidayCache.get(holidays);
  if (!cached) {
    cached = new Set(holidays.map(dayNumberOf).filter(Number.isInteger));
    holidayCache.set(holidays, cached);
  }
  return cached;
}

function toMinuteRange(range: WorkRange): MinuteRange {
  return [minutesOf(range.start), minutesOf(range.end)];
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? NaN) * 60 + (minutes ?? NaN);
}
