import { z } from 'zod';
import { DateOnly, TimeZone } from './primitives';

/** "HH:MM" on a 24-hour clock; "24:00" closes a range at midnight. */
export const ClockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time as HH:MM, 00:00 to 24:00');

export const WorkRange = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((r) => r.start < r.end, { message: 'must end after it starts', path: ['end'] });
export type WorkRange = z.infer<typeof WorkRange>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A day's working ranges, in order and not overlapping ("09:00–12:00, 13:00–17:30"). */
const DayRanges = z
  .array(WorkRange)
  .max(6, 'at most 6 ranges a day')
  .refine((ranges) => ranges.every((r, i) => i === 0 || ranges[i - 1]!.end <= r.start), {
    message: 'ranges must be in order and must not overlap',
  });

export const WeeklyHours = z.object({
  mon: DayRanges,
  tue: DayRanges,
  wed: DayRanges,
  thu: DayRanges,
  fri: DayRanges,
  sat: DayRanges,
  sun: DayRanges,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/**
 * When business time runs: a zone, weekly hours and holidays. `holidays` are the dates the clock skips;
 * `holidayCountry` (ISO 3166 code, optionally with a region: "US", "GB-SCT") names the public holidays that the server
 * expands into `holidays` (lib/core/calendar/holidays.ts), so the extension never carries the holiday tables.
 */
export const WorkCalendar = z
  .object({
    timeZone: TimeZone,
    week: WeeklyHours,
    holidays: z.array(DateOnly).max(2000, 'at most 2000 holidays').default([]),
    holidayCountry: z
      .string()
      .regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'must be a country code such as US or GB-SCT')
      .optional(),
  })
  .refine((c) => Object.values(c.week).some((day) => day.length > 0), {
    message: 'must have working hours on at least one day',
    path: ['week'],
  });
export type WorkCalendar = z.infer<typeof WorkCalendar>;
export type WorkCalendarInput = z.input<typeof WorkCalendar>;

const nineToFive = [{ start: '09:00', end: '17:00' }];
/** Monday to Friday, 09:00–17:00, in the given zone, no holidays. */
export function standardCalendar(timeZone: string): WorkCalendar {
  return WorkCalendar.parse({
    timeZone,
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
    holidays: [],
  });
}
