import { isoDateOf, localDayNumber, wallClockOfDay, weekdayOf } from '../calendar/wall-clock';

/** One week of a report's weekly series: Monday 00:00 to the next Monday 00:00 in the workspace's zone, cut to the period. */
export interface ReportWeek {
  /** The Monday the week starts on, as a date: the series' key and the drill-down's `week=`. */
  start: string;
  /** ms; the later of the Monday's midnight and the period's start. */
  from: number;
  /** ms, exclusive; the earlier of the next Monday's midnight and the period's end. */
  to: number;
}

/**
 * The calendar weeks a period touches, in the workspace's time zone, so a chart's bars are the weeks people talk about
 * ("the week of 2 March"); the first and last are cut to the period, so the weeks add up to it exactly.
 */
export function reportWeeks(period: { from: number; to: number }, zone: string): ReportWeek[] {
  const weeks: ReportWeek[] = [];
  const firstDay = localDayNumber(zone, period.from);
  let monday = firstDay - ((weekdayOf(firstDay) + 6) % 7);
  for (;;) {
    const start = wallClockOfDay(zone, monday)(0);
    if (start >= period.to) break;
    const end = wallClockOfDay(zone, monday + 7)(0);
    weeks.push({ start: isoDateOf(monday), from: Math.max(start, period.from), to: Math.min(end, period.to) });
    monday += 7;
  }
  return weeks;
}
