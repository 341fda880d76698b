// Server-only: date-holidays carries every country's holiday tables, so this file is kept out of index.ts and only
// the server imports it; the extension receives calendars whose `holidays` are already expanded.
import Holidays from 'date-holidays';
import type { WorkCalendar } from '../model/calendar';
import { DAY_MS } from '../time-units';
import { dayNumberOf, isoDateOf } from './wall-clock';

// Building a Holidays instance parses the country's rules (milliseconds), so each code is set up once per process.
const byCode = new Map<string, Holidays>();

/**
 * The public holidays (date-holidays type "public" only) of a country or region ("US", "GB-SCT", "DE-BY", "AU-NSW")
 * in the given years, as sorted unique "YYYY-MM-DD" dates in the country's own calendar.
 * - Dates come from each holiday's local `date` text, not its `start` instant (which for some holidays is the
 *   evening before, e.g. Islamic holidays start at sunset, and would shift the date in other zones).
 * - Multi-day holidays (3 days of Eid al-Fitr in AE, 1–2 January in AM) contribute every day they cover.
 * - Part-day holidays (starting after midnight: Christmas Eve afternoon in IS, Women's Day afternoon in CN) are left
 *   out: a calendar can only skip whole days, and on those days the office is open in the morning.
 * Throws for an unknown country, state or region.
 */
export function countryHolidays(country: string, years: readonly number[]): string[] {
  const holidays = holidaysOf(country);
  const days = new Set<number>();
  for (const year of years) {
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw new Error(`countryHolidays: year must be a whole number 1–9999, got ${year}`);
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const [date, time] = holiday.date.split(' ');
      if (!date || (time !== undefined && time !== '00:00:00')) continue;
      const first = dayNumberOf(date);
      // 23 or 25 hours across a DST change still round to whole days.
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < length; i++) days.add(first + i);
    }
  }
  return [...days].sort((a, b) => a - b).map(isoDateOf);
}

/** `cal` with its holidayCountry's public holidays in `years` merged into `holidays`; `cal` itself without a country. */
export function withCountryHolidays(cal: WorkCalendar, years: readonly number[]): WorkCalendar {
  if (!cal.holidayCountry) return cal;
  const merged = new Set([...(cal.holidays ?? []), ...countryHolidays(cal.holidayCountry, years)]);
  return { ...cal, holidays: [...merged].sort() };
}

function holidaysOf(code: string): Holidays {
  const cached = byCode.get(code);
  if (cached) return cached;

  const [country = '', state, region, ...rest] = code.split('-');
  const known = new Holidays();
  const countries = known.getCountries('en');
  if (rest.length > 0 || !Object.hasOwn(countries, country)) {
    throw new Error(`Unknown holiday country "${code}": expected an ISO 3166 code that date-holidays knows, such as US or GB-SCT`);
  }
  // date-holidays silently falls back to the whole country for a region it does not know, so check the region first.
  if (state !== undefined && !Object.hasOwn(known.getStates(country, 'en') ?? {}, state)) {
    throw new Error(`Unknown holiday region "${code}": ${countries[country]} has no state or region "${state}"`);
  }
  if (state !== undefined && region !== undefined && !Object.hasOwn(known.getRegions(country, state, 'en') ?? {}, region)) {
    throw new Error(`Unknown holiday region "${code}": ${country}-${state} has no region "${region}"`);
  }

  const holidays = new Holidays(country, state ?? '', region ?? '', { types: ['public'] });
  byCode.set(code, holidays);
  return holidays;
}
