import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorking,
  nextBusinessMoment,
  workingIntervals,
} from '../../../../lib/core/calendar';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { calendar, everyDay, utc } from './calendars';

// 2026 clock changes, hand-checked against the tz database:
// - America/New_York: Sun 03-08 02:00 EST → 03:00 EDT (at 07:00Z); Sun 11-01 02:00 EDT → 01:00 EST (at 06:00Z),
//   so 01:00–02:00 happens twice (05:00Z–06:00Z as EDT, 06:00Z–07:00Z as EST).
// - Europe/London: Sun 03-29 01:00 GMT → 02:00 BST (at 01:00Z); Sun 10-25 02:00 BST → 01:00 GMT (at 01:00Z).
// - Australia/Sydney: Sun 04-05 03:00 AEDT → 02:00 AEST (at 04-04T16:00Z); Sun 10-04 02:00 AEST → 03:00 AEDT
//   (at 10-03T16:00Z).
// Rule under test (wall-clock.ts): a range starts/ends the first time the wall clock reads its time or later, so a
// time in a skipped hour means "when the clocks jump" and a repeated time means its first occurrence.
const ny = standardCalendar('America/New_York');
const nyAllDay = everyDay('America/New_York', [['00:00', '24:00']]);
const nyNight = everyDay('America/New_York', [['01:00', '03:00']]);
const nySundayFromGap = calendar('America/New_York', { sun: [['02:30', '04:00']] });
const nySundayInsideGap = calendar('America/New_York', { sun: [['02:00', '03:00']] });
const nySundayUntil0130 = calendar('America/New_York', { sun: [['00:00', '01:30']] });
const nySundayFrom0130 = calendar('America/New_York', { sun: [['01:30', '03:00']] });
const london = standardCalendar('Europe/London');
const londonAllDay = everyDay('Europe/London', [['00:00', '24:00']]);
const londonSundayEarly = calendar('Europe/London', { sun: [['00:30', '03:00']] });
const sydneyAllDay = everyDay('Australia/Sydney', [['00:00', '24:00']]);
const sydneyEarly = everyDay('Australia/Sydney', [['00:00', '06:00']]);
const sydneySundayFromGap = calendar('Australia/Sydney', { sun: [['02:30', '06:00']] });

describe('business minutes on clock-change days', () => {
  it.each([
    // New York, spring forward
    ['NY 24/7: spring-forward Sunday has 23 h', nyAllDay, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', 1380],
    ['NY 01:00–03:00: only 1 h on spring-forward Sunday', nyNight, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', 60],
    ['NY 01:00–03:00: 2 h on the Saturday before', nyNight, '2026-03-07T00:00:00-05:00', '2026-03-08T00:00:00-05:00', 120],
    ['NY 02:30–04:00 starts when the clocks jump (03:00 EDT)', nySundayFromGap, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', 60],
    ['NY 02:00–03:00 does not exist on spring-forward Sunday', nySundayInsideGap, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', 0],
    ['NY 9–17: Fri 16:30 EST → Mon 12:30 EDT', ny, '2026-03-06T16:30:00-05:00', '2026-03-09T12:30:00-04:00', 240],
    // New York, fall back
    ['NY 24/7: fall-back Sunday has 25 h', nyAllDay, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', 1500],
    ['NY 01:00–03:00: 3 h on fall-back Sunday', nyNight, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', 180],
    ['NY 00:00–01:30 ends at the first 01:30 (EDT)', nySundayUntil0130, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', 90],
    ['NY 01:30–03:00 starts at the first 01:30 (EDT)', nySundayFrom0130, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', 150],
    ['NY 9–17: Fri 16:30 EDT → Mon 12:30 EST', ny, '2026-10-30T16:30:00-04:00', '2026-11-02T12:30:00-05:00', 240],
    // London
    ['London 24/7: 2026-03-29 has 23 h', londonAllDay, '2026-03-29T00:00:00Z', '2026-03-30T00:00:00+01:00', 1380],
    ['London 24/7: 2026-10-25 has 25 h', londonAllDay, '2026-10-25T00:00:00+01:00', '2026-10-26T00:00:00Z', 1500],
    ['London 00:30–03:00 on 2026-03-29: 00:30 GMT → 03:00 BST', londonSundayEarly, '2026-03-29T00:00:00Z', '2026-03-30T00:00:00+01:00', 90],
    ['London 00:30–03:00 on 2026-10-25: 00:30 BST → 03:00 GMT', londonSundayEarly, '2026-10-25T00:00:00+01:00', '2026-10-26T00:00:00Z', 210],
    // Sydney
    ['Sydney 24/7: 2026-04-05 (DST ends) has 25 h', sydneyAllDay, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00', 1500],
    ['Sydney 24/7: 2026-10-04 (DST starts) has 23 h', sydneyAllDay, '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00', 1380],
    ['Sydney 00:00–06:00 on 2026-04-05: 7 h', sydneyEarly, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00', 420],
    ['Sydney 00:00–06:00 on 2026-10-04: 5 h', sydneyEarly, '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00', 300],
    ['Sydney 02:30–06:00 on 2026-10-04 starts at 03:00 AEDT', sydneySundayFromGap, '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00', 180],
  ])('%s', (_label, cal, from, to, expected) => {
    expect(businessMinutesBetween(cal, new Date(from), new Date(to))).toBe(expected);
  });
});

describe('addBusinessMinutes across clock changes', () => {
  it.each([
    ['NY 9–17: Fri 16:30 EST + 240 → Mon 12:30 EDT', ny, '2026-03-06T16:30:00-05:00', 240, '2026-03-09T16:30:00Z'],
    ['NY 9–17: Fri 16:30 EDT + 240 → Mon 12:30 EST', ny, '2026-10-30T16:30:00-04:00', 240, '2026-11-02T17:30:00Z'],
    ['NY 01:00–03:00: Sun 01:30 EST + 30 ends at 03:00 EDT', nyNight, '2026-03-08T01:30:00-05:00', 30, '2026-03-08T07:00:00Z'],
    ['NY 01:00–03:00: Sun 01:30 EST + 31 → Mon 01:01 EDT', nyNight, '2026-03-08T01:30:00-05:00', 31, '2026-03-09T05:01:00Z'],
    ['NY 02:30–04:00: Sun 01:45 EST + 0 → 03:00 EDT', nySundayFromGap, '2026-03-08T01:45:00-05:00', 0, '2026-03-08T07:00:00Z'],
    ['NY 02:00–03:00: none on 03-08, so → Sun 03-15 02:00 EDT', nySundayInsideGap, '2026-03-08T00:00:00-05:00', 0, '2026-03-15T06:00:00Z'],
    ['NY 01:00–03:00: Sun 01:00 EDT + 120 → 02:00 EST', nyNight, '2026-11-01T01:00:00-04:00', 120, '2026-11-01T07:00:00Z'],
    ['NY 01:00–03:00: Sun 01:00 EDT + 180 ends at 03:00 EST', nyNight, '2026-11-01T01:00:00-04:00', 180, '2026-11-01T08:00:00Z'],
    ['NY 01:00–03:00: Sun 01:00 EDT + 181 → Mon 01:01 EST', nyNight, '2026-11-01T01:00:00-04:00', 181, '2026-11-02T06:01:00Z'],
    ['NY 01:00–03:00: from the repeated 01:30 EST + 30 → 02:00 EST', nyNight, '2026-11-01T01:30:00-05:00', 30, '2026-11-01T07:00:00Z'],
    ['London 9–17: Fri 16:30 GMT + 60 → Mon 09:30 BST', london, '2026-03-27T16:30:00Z', 60, '2026-03-30T08:30:00Z'],
    ['London 9–17: Fri 16:30 BST + 60 → Mon 09:30 GMT', london, '2026-10-23T16:30:00+01:00', 60, '2026-10-26T09:30:00Z'],
    ['Sydney 00:00–06:00: Sun 00:00 AEDT + 360 → 05:00 AEST', sydneyEarly, '2026-04-05T00:00:00+11:00', 360, '2026-04-04T19:00:00Z'],
    ['Sydney 00:00–06:00: Sun 00:00 AEDT + 420 ends at 06:00 AEST', sydneyEarly, '2026-04-05T00:00:00+11:00', 420, '2026-04-04T20:00:00Z'],
    ['Sydney 00:00–06:00: Sun 00:00 AEDT + 421 → Mon 00:01 AEST', sydneyEarly, '2026-04-05T00:00:00+11:00', 421, '2026-04-05T14:01:00Z'],
    ['Sydney 00:00–06:00: Sun 00:00 AEST + 180 → 04:00 AEDT', sydneyEarly, '2026-10-04T00:00:00+10:00', 180, '2026-10-03T17:00:00Z'],
  ])('%s', (_label, cal, from, minutes, expected) => {
    expect(utc(addBusinessMinutes(cal, new Date(from), minutes))).toBe(expected);
  });
});

describe('isWorking around clock changes', () => {
  it.each([
    ['NY 00:00–01:30: the first 01:15 (EDT) is working', nySundayUntil0130, '2026-11-01T05:15:00Z', true],
    ['NY 00:00–01:30: the repeated 01:15 (EST) is not — the range ended at the first 01:30', nySundayUntil0130, '2026-11-01T06:15:00Z', false],
    ['NY 01:30–03:00: the first 01:15 (EDT) is not working yet', nySundayFrom0130, '2026-11-01T05:15:00Z', false],
    ['NY 01:30–03:00: the first 01:30 (EDT) is working', nySundayFrom0130, '2026-11-01T05:30:00Z', true],
    ['NY 01:30–03:00: the range runs on through the repeated 01:15 (EST)', nySundayFrom0130, '2026-11-01T06:15:00Z', true],
    ['NY 02:30–04:00: just before the jump (01:59:59.999 EST)', nySundayFromGap, '2026-03-08T06:59:59.999Z', false],
    ['NY 02:30–04:00: at the jump (03:00 EDT)', nySundayFromGap, '2026-03-08T07:00:00Z', true],
    ['Sydney 00:00–06:00: 05:30 AEST on the 25-hour day', sydneyEarly, '2026-04-04T19:30:00Z', true],
  ])('%s', (_label, cal, at, expected) => {
    expect(isWorking(cal, new Date(at))).toBe(expected);
  });

  it('NY 02:30–04:00: nextBusinessMoment in the skipped hour is the jump, 03:00 EDT', () => {
    expect(utc(nextBusinessMoment(nySundayFromGap, new Date('2026-03-08T06:30:00Z')))).toBe('2026-03-08T07:00:00Z');
  });

  it('NY 01:00–03:00 on fall-back Sunday is one interval, 01:00 EDT → 03:00 EST', () => {
    const intervals = [...workingIntervals(nyNight, new Date('2026-11-01T04:00:00Z'), new Date('2026-11-02T05:00:00Z'))];
    expect(intervals.map((i) => [utc(i.from), utc(i.to)])).toEqual([['2026-11-01T05:00:00Z', '2026-11-01T08:00:00Z']]);
  });
});
