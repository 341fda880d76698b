import type { WorkCalendar, WorkRange } from '../model/calendar';
import { memoByObject } from '../memo';
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
// The plan itself too, per calendar: a report walks thousands of leads' calendars, and each walk asked for a new one.
export const weekPlanOf = memoByObject((cal: WorkCalendar): WeekPlan => {
  const byWeekday = rangesByWeekday(cal.week);
  const holidays = holidaySet(cal.holidays ?? NO_HOLIDAYS);
  return {
    rangesOn: (day) => (holidays.has(day) ? NO_RANGES : (byWeekday[weekdayOf(day)] ?? NO_RANGES)),
  };
});

const NO_HOLIDAYS: readonly string[] = [];

const rangesByWeekday = memoByObject((week: WorkCalendar['week']): readonly (readonly MinuteRange[])[] =>
  // Index 0 = Sunday, as weekdayOf.
  [week.sun, week.mon, week.tue, week.wed, week.thu, week.fri, week.sat].map((ranges) =>
    // Sorted defensively: the interval walk relies on a day's ranges coming in order.
    ranges
      .map(toMinuteRange)
      .filter(([start, end]) => start < end)
      .sort((a, b) => a[0] - b[0]),
  ),
);

const holidaySet = memoByObject((holidays: readonly string[]): ReadonlySet<number> => new Set(holidays.map(dayNumberOf).filter(Number.isInteger)));

function toMinuteRange(range: WorkRange): MinuteRange {
  return [minutesOf(range.start), minutesOf(range.end)];
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? NaN) * 60 + (minutes ?? NaN);
}
