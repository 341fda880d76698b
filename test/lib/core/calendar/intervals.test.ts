import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  nextBusinessMoment,
  workingIntervals,
  workingIntervalsFrom,
  type TimeSpan,
} from '../../../../lib/core/calendar';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { calendar, utc, weekdays } from './calendars';

const ny = standardCalendar('America/New_York'); // February 2026: EST, −05:00
const londonSplit = weekdays('Europe/London', [
  ['09:00', '12:00'],
  ['13:00', '17:30'],
]); // January 2026: GMT, wall time = UTC
const pairs = (intervals: Iterable<TimeSpan>) => [...intervals].map((i) => [utc(i.from), utc(i.to)]);

describe('workingIntervals', () => {
  it('a New York week, Mon 00:00 → Sat 00:00: five 09:00–17:00 intervals', () => {
    expect(pairs(workingIntervals(ny, new Date('2026-02-09T05:00:00Z'), new Date('2026-02-14T05:00:00Z')))).toEqual([
      ['2026-02-09T14:00:00Z', '2026-02-09T22:00:00Z'],
      ['2026-02-10T14:00:00Z', '2026-02-10T22:00:00Z'],
      ['2026-02-11T14:00:00Z', '2026-02-11T22:00:00Z'],
      ['2026-02-12T14:00:00Z', '2026-02-12T22:00:00Z'],
      ['2026-02-13T14:00:00Z', '2026-02-13T22:00:00Z'],
    ]);
  });

  it.each([
    ['clipped to [10:00, 16:00)', '2026-01-12T10:00:00Z', '2026-01-12T16:00:00Z', [
      ['2026-01-12T10:00:00Z', '2026-01-12T12:00:00Z'],
      ['2026-01-12T13:00:00Z', '2026-01-12T16:00:00Z'],
    ]],
    ['inside lunch only', '2026-01-12T12:10:00Z', '2026-01-12T12:50:00Z', []],
    ['to before from', '2026-01-12T16:00:00Z', '2026-01-12T10:00:00Z', []],
    ['empty range', '2026-01-12T10:00:00Z', '2026-01-12T10:00:00Z', []],
  ])('split day: %s', (_label, from, to, expected) => {
    expect(pairs(workingIntervals(londonSplit, new Date(from), new Date(to)))).toEqual(expected);
  });

  it('pauses cut intervals: excluding 10:30–11:00 and 12:30–14:00 from a split day', () => {
    const exclude = [
      { from: new Date('2026-01-12T12:30:00Z'), to: new Date('2026-01-12T14:00:00Z') },
      { from: new Date('2026-01-12T10:30:00Z'), to: new Date('2026-01-12T11:00:00Z') },
    ];
    const intervals = workingIntervals(londonSplit, new Date('2026-01-12T00:00:00Z'), new Date('2026-01-13T00:00:00Z'), { exclude });
    expect(pairs(intervals)).toEqual([
      ['2026-01-12T09:00:00Z', '2026-01-12T10:30:00Z'],
      ['2026-01-12T11:00:00Z', '2026-01-12T12:00:00Z'],
      ['2026-01-12T14:00:00Z', '2026-01-12T17:30:00Z'],
    ]);
  });

  it('workingIntervalsFrom walks on without an end: the first three from Fri 16:30', () => {
    const walk = workingIntervalsFrom(ny, new Date('2026-02-06T21:30:00Z'));
    const firstThree = [walk.next().value, walk.next().value, walk.next().value] as TimeSpan[];
    expect(pairs(firstThree)).toEqual([
      ['2026-02-06T21:30:00Z', '2026-02-06T22:00:00Z'],
      ['2026-02-09T14:00:00Z', '2026-02-09T22:00:00Z'],
      ['2026-02-10T14:00:00Z', '2026-02-10T22:00:00Z'],
    ]);
  });
});

describe('no working time within the horizon (3 years)', () => {
  // Works only on Sundays 09:00–17:00 UTC, and every Sunday in the listed span is a holiday (test data, not expectations).
  function sundaysOff(fromIso: string, count: number): string[] {
    const first = Date.parse(`${fromIso}T00:00:00Z`);
    return Array.from({ length: count }, (_, i) => new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10));
  }
  const sundaysOnly = (holidays: string[]) => calendar('UTC', { sun: [['09:00', '17:00']] }, holidays);
  const neverWorks = sundaysOnly(sundaysOff('2026-01-04', 5 * 53)); // every Sunday 2026-01-04 … 2031
  const start = new Date('2026-01-01T00:00:00Z');

  it.each([
    ['nextBusinessMoment', () => nextBusinessMoment(neverWorks, start)],
    ['addBusinessMinutes', () => addBusinessMinutes(neverWorks, start, 60)],
    ['workingIntervalsFrom', () => workingIntervalsFrom(neverWorks, start).next()],
    ['businessMinutesBetween up to 2040', () => businessMinutesBetween(neverWorks, start, new Date('2040-01-01T00:00:00Z'))],
  ])('%s throws a clear error instead of looping', (_label, run) => {
    expect(run).toThrow(/has no working time between 2026-01-01 and 2029-01-0\d: more than 1098 days/);
  });

  it('a bounded question within the horizon still answers 0', () => {
    expect(businessMinutesBetween(neverWorks, start, new Date('2026-06-01T00:00:00Z'))).toBe(0);
  });

  it('two years of holidays is within the horizon: the first working Sunday is 2028-01-02', () => {
    const twoYearsOff = sundaysOnly(sundaysOff('2026-01-04', 104)); // 2026-01-04 … 2027-12-26
    expect(utc(nextBusinessMoment(twoYearsOff, start))).toBe('2028-01-02T09:00:00Z');
  });
});
