import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isWorking, nextBusinessMoment } from '../../../../lib/core/calendar';
import { countryHolidays, withCountryHolidays } from '../../../../lib/core/calendar/holidays';
import { type WorkCalendar, standardCalendar } from '../../../../lib/core/model/calendar';
import { everyDay, utc, weekdays } from './calendars';

describe('holiday dates are skipped', () => {
  // 2026-12-25 is a Friday; New York is on EST (−05:00).
  const ny = weekdays('America/New_York', [['09:00', '17:00']], ['2026-12-25']);

  it('Thu 16:00 + 120 → Mon 10:00, skipping Christmas and the weekend', () => {
    expect(utc(addBusinessMinutes(ny, new Date('2026-12-24T16:00:00-05:00'), 120))).toBe('2026-12-28T15:00:00Z');
  });

  it.each([
    ['Thu 12-24 noon', '2026-12-24T17:00:00Z', true],
    ['Fri 12-25 noon (holiday)', '2026-12-25T17:00:00Z', false],
    ['Mon 12-28 noon', '2026-12-28T17:00:00Z', true],
  ])('isWorking %s → %s', (_label, at, expected) => {
    expect(isWorking(ny, new Date(at))).toBe(expected);
  });

  it('Thu 09:00 → Mon 09:00 counts only Thursday', () => {
    expect(businessMinutesBetween(ny, new Date('2026-12-24T14:00:00Z'), new Date('2026-12-28T14:00:00Z'))).toBe(480);
  });

  it('nextBusinessMoment on the holiday is Monday 09:00', () => {
    expect(utc(nextBusinessMoment(ny, new Date('2026-12-25T13:00:00Z')))).toBe('2026-12-28T14:00:00Z');
  });

  it.each([
    // Tokyo is +09:00: its 12-25 runs from 12-24T15:00Z to 12-25T15:00Z.
    ['the whole local day 12-25 is off', '2026-12-24T15:00:00Z', '2026-12-25T15:00:00Z', 0],
    ['12-25 09:00 JST → 12-26 09:00 JST counts only the local 12-26 part (9 h)', '2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z', 540],
  ])('holidays are dates in the calendar zone, not UTC: %s', (_label, from, to, expected) => {
    const tokyo = everyDay('Asia/Tokyo', [['00:00', '24:00']], ['2026-12-25']);
    expect(businessMinutesBetween(tokyo, new Date(from), new Date(to))).toBe(expected);
  });
});

describe('countryHolidays (date-holidays, public only)', () => {
  it('US 2026, hand-checked: July 4 is a Saturday so Friday 07-03 is observed; Thanksgiving is the 4th Thursday (11-26)', () => {
    expect(countryHolidays('US', [2026])).toEqual([
      '2026-01-01', // New Year's Day
      '2026-01-19', // MLK Day, 3rd Monday
      '2026-02-16', // Washington's Birthday, 3rd Monday
      '2026-05-25', // Memorial Day, last Monday
      '2026-06-19', // Juneteenth
      '2026-07-03', // Independence Day observed
      '2026-07-04', // Independence Day
      '2026-09-07', // Labor Day, 1st Monday
      '2026-10-12', // Columbus Day, 2nd Monday
      '2026-11-11', // Veterans Day
      '2026-11-26', // Thanksgiving
      '2026-12-25', // Christmas
    ]);
  });

  it('GB-SCT 2026, hand-checked: 2 January, August bank holiday, St Andrew’s Day, Boxing Day substitute (12-26 is a Saturday)', () => {
    expect(countryHolidays('GB-SCT', [2026])).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-04-03', // Good Friday (Easter is 04-05)
      '2026-05-04',
      '2026-05-25',
      '2026-08-03', // 1st Monday of August in Scotland
      '2026-11-30', // St Andrew's Day
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
  });

  it.each([
    ['GB (England) has Easter Monday', 'GB', '2026-04-06', true],
    ['GB (England) has no 2 January', 'GB', '2026-01-02', false],
    ['DE-BY has Epiphany', 'DE-BY', '2026-01-06', true],
    ['DE-BY has Corpus Christi (Easter + 60 days)', 'DE-BY', '2026-06-04', true],
    ['AU-NSW has Labour Day, 1st Monday of October', 'AU-NSW', '2026-10-05', true],
    ['AU-NSW has Australia Day', 'AU-NSW', '2026-01-26', true],
    ['US has no Valentine’s Day (an observance, not public)', 'US', '2026-02-14', false],
    ['AM: New Year is two days, 1–2 January', 'AM', '2026-01-02', true],
    ['AE: Eid al-Fitr lasts three days (03-20 … 03-22)', 'AE', '2026-03-22', true],
    ['AE: Eid al-Fitr starts on its own date, not the evening before', 'AE', '2026-03-19', false],
    ['CW: the New Year’s Eve afternoon holiday is part-day, so left out', 'CW', '2026-12-31', false],
  ])('%s', (_label, country, date, expected) => {
    expect(countryHolidays(country, [2026]).includes(date)).toBe(expected);
  });

  it('several years come out sorted and unique', () => {
    const dates = countryHolidays('US', [2026, 2025, 2026]);
    expect(dates.slice(0, 2)).toEqual(['2025-01-01', '2025-01-20']);
    expect(dates).toContain('2025-07-04');
    expect(dates).toHaveLength(23); // 2025 has 11 (July 4 is a Friday, no observed day), 2026 has 12
    expect([...dates].sort()).toEqual(dates);
  });

  it.each(['XX', 'GB-XXX', 'DE-BY-ZZZ', '', 'US-CA-X-Y', 'constructor'])('unknown country or region %j → clear error', (code) => {
    expect(() => countryHolidays(code, [2026])).toThrow(/Unknown holiday (country|region)/);
  });

  it('rejects a year that is not a whole number', () => {
    expect(() => countryHolidays('US', [2026.5])).toThrow(/year must be a whole number/);
  });
});

describe('withCountryHolidays', () => {
  const base: WorkCalendar = { ...standardCalendar('America/New_York'), holidayCountry: 'US', holidays: ['2026-12-31', '2026-12-25'] };

  it('merges the country’s holidays with the calendar’s own, sorted and unique, without touching the input', () => {
    const merged = withCountryHolidays(base, [2026]);
    expect(merged.holidays).toHaveLength(13); // 12 US dates + 12-31 (12-25 is in both)
    expect(merged.holidays.slice(-3)).toEqual(['2026-11-26', '2026-12-25', '2026-12-31']);
    expect([...merged.holidays].sort()).toEqual(merged.holidays);
    expect(base.holidays).toEqual(['2026-12-31', '2026-12-25']);
  });

  it('returns the calendar itself when it names no country', () => {
    const plain = standardCalendar('America/New_York');
    expect(withCountryHolidays(plain, [2026])).toBe(plain);
  });

  it('the expanded calendar skips the observed Independence Day: Thu 07-02 16:00 + 120 → Mon 07-06 10:00 EDT', () => {
    const cal = withCountryHolidays(base, [2026]);
    expect(utc(addBusinessMinutes(cal, new Date('2026-07-02T16:00:00-04:00'), 120))).toBe('2026-07-06T14:00:00Z');
  });
});
