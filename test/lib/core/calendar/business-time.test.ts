import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorking,
  nextBusinessMoment,
  workingIntervals,
} from '../../../../lib/core/calendar';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { calendar, utc, weekdays } from './calendars';

// Expected instants are hand-computed and written in UTC. February 2026: New York is on EST (−05:00),
// London on GMT (±00:00), Tokyo on JST (+09:00), Sydney on AEDT (+11:00). 2026-02-06 is a Friday.
const newYork = standardCalendar('America/New_York');
const londonSplit = weekdays('Europe/London', [
  ['09:00', '12:00'],
  ['13:00', '17:30'],
]);
const tokyo = calendar(
  'Asia/Tokyo',
  { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  ['2026-02-11'], // National Foundation Day, a Wednesday
);
const sydney = standardCalendar('Australia/Sydney');

describe('addBusinessMinutes, Mon–Fri 09:00–17:00 America/New_York', () => {
  it.each([
    ['Fri 16:30 + 240 → Mon 12:30', '2026-02-06T16:30:00-05:00', 240, '2026-02-09T17:30:00Z'],
    ['Fri 16:30 + 30 ends exactly at Fri 17:00', '2026-02-06T16:30:00-05:00', 30, '2026-02-06T22:00:00Z'],
    ['Fri 16:30 + 31 → Mon 09:01', '2026-02-06T16:30:00-05:00', 31, '2026-02-09T14:01:00Z'],
    ['Sat 10:00 + 60 → Mon 10:00', '2026-02-07T10:00:00-05:00', 60, '2026-02-09T15:00:00Z'],
    ['Sun 23:00 + 0 → Mon 09:00', '2026-02-08T23:00:00-05:00', 0, '2026-02-09T14:00:00Z'],
    ['Tue 07:00 (before hours) + 30 → Tue 09:30', '2026-02-10T07:00:00-05:00', 30, '2026-02-10T14:30:00Z'],
    ['Tue 18:00 (after hours) + 30 → Wed 09:30', '2026-02-10T18:00:00-05:00', 30, '2026-02-11T14:30:00Z'],
    ['Tue 09:00 exactly + 0 → itself', '2026-02-10T09:00:00-05:00', 0, '2026-02-10T14:00:00Z'],
    ['Tue 17:00 exactly + 0 → Wed 09:00', '2026-02-10T17:00:00-05:00', 0, '2026-02-11T14:00:00Z'],
    ['Tue 09:00 + 480 → Tue 17:00', '2026-02-10T09:00:00-05:00', 480, '2026-02-10T22:00:00Z'],
    ['Tue 17:00 + 480 → Wed 17:00', '2026-02-10T17:00:00-05:00', 480, '2026-02-11T22:00:00Z'],
    ['Mon 16:59 + 1 → Mon 17:00', '2026-02-09T16:59:00-05:00', 1, '2026-02-09T22:00:00Z'],
    ['Tue 12:00 + 2400 (one business week) → next Tue 12:00', '2026-02-10T12:00:00-05:00', 2400, '2026-02-17T17:00:00Z'],
    ['Tue 22:00 local (already Wed in UTC) + 60 → Wed 10:00', '2026-02-11T03:00:00Z', 60, '2026-02-11T15:00:00Z'],
    ['fractional: Tue 09:00 + 0.5 → 09:00:30', '2026-02-10T09:00:00-05:00', 0.5, '2026-02-10T14:00:30Z'],
    ['fractional: Tue 09:00 + 0.001 → 09:00:00.060', '2026-02-10T09:00:00-05:00', 0.001, '2026-02-10T14:00:00.060Z'],
  ])('%s', (_label, from, minutes, expected) => {
    expect(utc(addBusinessMinutes(newYork, new Date(from), minutes))).toBe(expected);
  });
});

describe('isWorking, Mon–Fri 09:00–17:00 America/New_York', () => {
  it.each([
    ['Tue 09:00 exactly', '2026-02-10T14:00:00Z', true],
    ['Tue 08:59:59.999', '2026-02-10T13:59:59.999Z', false],
    ['Tue 16:59:59.999', '2026-02-10T21:59:59.999Z', true],
    ['Tue 17:00 exactly', '2026-02-10T22:00:00Z', false],
    ['Mon noon', '2026-02-09T17:00:00Z', true],
    ['Sat noon', '2026-02-07T17:00:00Z', false],
    ['Tue 22:00 local (Wed 03:00 UTC)', '2026-02-11T03:00:00Z', false],
  ])('%s → %s', (_label, at, expected) => {
    expect(isWorking(newYork, new Date(at))).toBe(expected);
  });
});

describe('nextBusinessMoment, Mon–Fri 09:00–17:00 America/New_York', () => {
  it.each([
    ['inside hours: the instant itself', '2026-02-10T15:00:00Z', '2026-02-10T15:00:00Z'],
    ['Fri 17:00 → Mon 09:00', '2026-02-06T22:00:00Z', '2026-02-09T14:00:00Z'],
    ['Sat noon → Mon 09:00', '2026-02-07T17:00:00Z', '2026-02-09T14:00:00Z'],
    ['Mon 00:00 → Mon 09:00', '2026-02-09T05:00:00Z', '2026-02-09T14:00:00Z'],
    ['Tue 07:00 → Tue 09:00', '2026-02-10T12:00:00Z', '2026-02-10T14:00:00Z'],
  ])('%s', (_label, at, expected) => {
    expect(utc(nextBusinessMoment(newYork, new Date(at)))).toBe(expected);
  });
});

describe('businessMinutesBetween, Mon–Fri 09:00–17:00 America/New_York', () => {
  it.each([
    ['Fri 16:30 → Mon 12:30', '2026-02-06T21:30:00Z', '2026-02-09T17:30:00Z', 240],
    ['Mon 12:30 → Fri 16:30 (backwards) is negative', '2026-02-09T17:30:00Z', '2026-02-06T21:30:00Z', -240],
    ['the same instant', '2026-02-10T15:00:00Z', '2026-02-10T15:00:00Z', 0],
    ['Sat 00:00 → Mon 00:00 (weekend)', '2026-02-07T05:00:00Z', '2026-02-09T05:00:00Z', 0],
    ['Mon 00:00 → Sat 00:00 (backwards over the weekend) is 0, not −0', '2026-02-09T05:00:00Z', '2026-02-07T05:00:00Z', 0],
    ['Mon 00:00 → Sat 00:00 (a whole week)', '2026-02-09T05:00:00Z', '2026-02-14T05:00:00Z', 2400],
    ['Tue 08:00 → Tue 18:00 counts only 09:00–17:00', '2026-02-10T13:00:00Z', '2026-02-10T23:00:00Z', 480],
    ['Tue 12:00 → Wed 12:00', '2026-02-10T17:00:00Z', '2026-02-11T17:00:00Z', 480],
    ['30 seconds is 0.5 minutes', '2026-02-10T15:00:00Z', '2026-02-10T15:00:30Z', 0.5],
  ])('%s', (_label, from, to, expected) => {
    expect(businessMinutesBetween(newYork, new Date(from), new Date(to))).toBe(expected);
  });
});

describe('split day 09:00–12:00, 13:00–17:30 Europe/London', () => {
  // 2026-01-12 is a Monday; London is on GMT in January (wall time = UTC) and BST (+01:00) in June.
  it.each([
    ['Mon 11:30 + 60 skips lunch → 13:30', '2026-01-12T11:30:00Z', 60, '2026-01-12T13:30:00Z'],
    ['Mon 11:30 + 30 ends at 12:00, the end of the morning', '2026-01-12T11:30:00Z', 30, '2026-01-12T12:00:00Z'],
    ['Mon 12:30 (lunch) + 0 → 13:00', '2026-01-12T12:30:00Z', 0, '2026-01-12T13:00:00Z'],
    ['Mon 12:30 (lunch) + 10 → 13:10', '2026-01-12T12:30:00Z', 10, '2026-01-12T13:10:00Z'],
    ['Mon 17:00 + 60 → Tue 09:30', '2026-01-12T17:00:00Z', 60, '2026-01-13T09:30:00Z'],
    ['Mon 09:00 + 450 (the whole day) → Mon 17:30', '2026-01-12T09:00:00Z', 450, '2026-01-12T17:30:00Z'],
    ['Mon 09:00 + 451 → Tue 09:01', '2026-01-12T09:00:00Z', 451, '2026-01-13T09:01:00Z'],
    ['Fri 17:30 + 1 → Mon 09:01', '2026-01-16T17:30:00Z', 1, '2026-01-19T09:01:00Z'],
    ['summer (BST): Mon 11:30 + 60 → 13:30 BST', '2026-06-15T11:30:00+01:00', 60, '2026-06-15T12:30:00Z'],
  ])('add: %s', (_label, from, minutes, expected) => {
    expect(utc(addBusinessMinutes(londonSplit, new Date(from), minutes))).toBe(expected);
  });

  it.each([
    ['Mon 11:00 → 14:00 leaves out lunch', '2026-01-12T11:00:00Z', '2026-01-12T14:00:00Z', 120],
    ['Mon 12:00 → 13:00 is all lunch', '2026-01-12T12:00:00Z', '2026-01-12T13:00:00Z', 0],
    ['Mon 10:00 → Wed 10:00 (120 + 270 + 450 + 60)', '2026-01-12T10:00:00Z', '2026-01-14T10:00:00Z', 900],
    ['Fri 16:00 → Mon 10:00 (90 + 60)', '2026-01-16T16:00:00Z', '2026-01-19T10:00:00Z', 150],
    ['summer Mon 08:00 → 18:00 BST', '2026-06-15T07:00:00Z', '2026-06-15T17:00:00Z', 450],
  ])('between: %s', (_label, from, to, expected) => {
    expect(businessMinutesBetween(londonSplit, new Date(from), new Date(to))).toBe(expected);
  });

  it.each([
    ['11:59', '2026-01-12T11:59:00Z', true],
    ['12:00', '2026-01-12T12:00:00Z', false],
    ['12:59:59.999', '2026-01-12T12:59:59.999Z', false],
    ['13:00', '2026-01-12T13:00:00Z', true],
    ['17:29', '2026-01-12T17:29:00Z', true],
    ['17:30', '2026-01-12T17:30:00Z', false],
  ])('isWorking at %s → %s', (_label, at, expected) => {
    expect(isWorking(londonSplit, new Date(at))).toBe(expected);
  });
});

describe('calendars in zones far from the machine zone (process TZ is UTC)', () => {
  // Results depend only on the calendar's zone by construction (tzOffset / day numbers, never local Date getters);
  // machine-zone.test.ts re-runs key cases in a process whose TZ is Pacific/Auckland.
  it.each([
    ['Tokyo Mon 09:00 (UTC Mon 00:00)', tokyo, '2026-02-09T00:00:00Z', true],
    ['Tokyo Mon 08:30 (UTC still Sunday)', tokyo, '2026-02-08T23:30:00Z', false],
    ['Tokyo Sat 05:00 (UTC still Friday)', tokyo, '2026-02-13T20:00:00Z', false],
    ['Tokyo Tue 10:00', tokyo, '2026-02-10T01:00:00Z', true],
    ['Tokyo Wed 10:00 on a holiday', tokyo, '2026-02-11T01:00:00Z', false],
    ['Sydney Mon 09:00 AEDT (UTC still Sunday)', sydney, '2026-02-08T22:00:00Z', true],
    ['Sydney Fri 17:00 AEDT (UTC Friday morning)', sydney, '2026-02-13T06:00:00Z', false],
  ])('isWorking: %s → %s', (_label, cal, at, expected) => {
    expect(isWorking(cal, new Date(at))).toBe(expected);
  });

  it.each([
    ['Tokyo Mon 08:30 → Mon 09:00', tokyo, '2026-02-08T23:30:00Z', '2026-02-09T00:00:00Z'],
    ['Tokyo Tue 17:00 → Thu 09:00 (Wed is a holiday)', tokyo, '2026-02-10T08:00:00Z', '2026-02-12T00:00:00Z'],
    ['Sydney Fri 17:00 → Mon 09:00 AEDT', sydney, '2026-02-13T06:00:00Z', '2026-02-15T22:00:00Z'],
  ])('nextBusinessMoment: %s', (_label, cal, at, expected) => {
    expect(utc(nextBusinessMoment(cal, new Date(at)))).toBe(expected);
  });

  it.each([
    ['Tokyo Fri 16:30 + 60 → Mon 09:30', tokyo, '2026-02-13T07:30:00Z', 60, '2026-02-16T00:30:00Z'],
    ['Sydney Fri 16:30 + 240 → Mon 12:30', sydney, '2026-02-13T05:30:00Z', 240, '2026-02-16T01:30:00Z'],
  ])('addBusinessMinutes: %s', (_label, cal, from, minutes, expected) => {
    expect(utc(addBusinessMinutes(cal, new Date(from), minutes))).toBe(expected);
  });

  it('Sydney Fri 16:30 → Mon 12:30 is 240 business minutes', () => {
    expect(businessMinutesBetween(sydney, new Date('2026-02-13T05:30:00Z'), new Date('2026-02-16T01:30:00Z'))).toBe(240);
  });
});

describe('bad inputs', () => {
  const tuesday = new Date('2026-02-10T15:00:00Z');

  it.each([
    ['negative', -1, /minutes must be a finite number ≥ 0, got -1/],
    ['NaN', Number.NaN, /minutes must be a finite number ≥ 0, got NaN/],
    ['infinite', Number.POSITIVE_INFINITY, /minutes must be a finite number ≥ 0, got Infinity/],
  ])('addBusinessMinutes rejects %s minutes', (_label, minutes, message) => {
    expect(() => addBusinessMinutes(newYork, tuesday, minutes)).toThrow(message);
  });

  it('rejects invalid dates', () => {
    const invalid = new Date('not a date');
    expect(() => isWorking(newYork, invalid)).toThrow(/at must be a valid Date/);
    expect(() => nextBusinessMoment(newYork, invalid)).toThrow(/at must be a valid Date/);
    expect(() => addBusinessMinutes(newYork, invalid, 10)).toThrow(/from must be a valid Date/);
    expect(() => businessMinutesBetween(newYork, tuesday, invalid)).toThrow(/to must be a valid Date/);
  });
});

describe('businessMinutesBetween over long spans (whole dates summed from their totals)', () => {
  // Night shifts cross midnight and the DST changes; Tokyo has a holiday; the sum must equal the interval walk.
  const nightShift = weekdays('America/New_York', [
    ['00:00', '03:00'],
    ['20:00', '24:00'],
  ]);
  const walked = (cal: typeof newYork, from: string, to: string) => {
    let ms = 0;
    for (const i of workingIntervals(cal, new Date(from), new Date(to))) ms += i.to.getTime() - i.from.getTime();
    return ms / 60_000;
  };
  it.each([
    ['New York, across both DST changes', newYork, '2026-01-05T10:17:00-05:00', '2026-12-01T15:43:00-05:00'],
    ['a night shift, across both DST changes', nightShift, '2026-02-27T22:30:00-05:00', '2026-11-10T01:10:00-05:00'],
    ['Tokyo, with its holiday', tokyo, '2026-02-02T11:00:00+09:00', '2026-02-20T16:00:00+09:00'],
    ['London split, starting on a Saturday', londonSplit, '2026-03-07T08:00:00Z', '2026-04-30T12:30:00Z'],
  ])('%s', (_, cal, from, to) => {
    expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(walked(cal, from, to));
    expect(businessMinutesBetween(cal, new Date(to), new Date(from))).toBe(-walked(cal, from, to));
  });
});
