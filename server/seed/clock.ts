import { workingIntervals } from '../../lib/core/calendar';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import { DAY_MS, MINUTE_MS } from '../../lib/core/time-units';

/** How far back a walk may look for working time: far more than any demo history. */
const MAX_DAYS_BACK = 400;

/**
 * The latest instant that lies `minutes` business minutes before `to`: lib/core's addBusinessMinutes run backwards.
 * The seed builds live cadences from now backwards with it, so "due in 30 business minutes" holds whatever day and
 * hour the seed runs at.
 */
export function businessMinutesBefore(calendar: WorkCalendar, to: Date, minutes: number): Date {
  let remaining = Math.round(minutes * MINUTE_MS);
  let windowEnd = to.getTime();
  for (let day = 0; day < MAX_DAYS_BACK; day++) {
    const windowStart = windowEnd - DAY_MS;
    const intervals = [...workingIntervals(calendar, new Date(windowStart), new Date(windowEnd))].reverse();
    for (const interval of intervals) {
      const length = interval.to.getTime() - interval.from.getTime();
      if (remaining <= length) return new Date(interval.to.getTime() - remaining);
      remaining -= length;
    }
    windowEnd = windowStart;
  }
  throw new Error(`no ${minutes} business minutes in the ${MAX_DAYS_BACK} days before ${to.toISOString()}`);
}

export const minutes = (n: number) => n * MINUTE_MS;
export const hours = (n: number) => n * 60 * MINUTE_MS;
export const days = (n: number) => n * DAY_MS;
