// Calendars shared by the calendar tests (not a test file itself).
import { WEEKDAYS, WorkCalendar, type Weekday } from '../../../../lib/core/model/calendar';

type Ranges = readonly (readonly [start: string, end: string])[];

/** A calendar with the given ranges on the given weekdays (others off). */
export function calendar(timeZone: string, days: Partial<Record<Weekday, Ranges>>, holidays: string[] = []): WorkCalendar {
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => [day, (days[day] ?? []).map(([start, end]) => ({ start, end }))]),
  );
  return WorkCalendar.parse({ timeZone, week, holidays });
}

/** The same ranges every day of the week. */
export function everyDay(timeZone: string, ranges: Ranges, holidays: string[] = []): WorkCalendar {
  return calendar(timeZone, Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])), holidays);
}

/** The same ranges Monday to Friday. */
export function weekdays(timeZone: string, ranges: Ranges, holidays: string[] = []): WorkCalendar {
  return calendar(timeZone, { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges }, holidays);
}

/** An instant as UTC ISO text without a zero millisecond part: "2026-02-09T17:30:00Z". */
export function utc(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
