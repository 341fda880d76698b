import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorking,
  nextBusinessMoment,
  type TimeSpan,
} from '../../../../lib/core/calendar';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { utc } from './calendars';

// Mon–Fri 09:00–17:00 New York, February 2026 (EST, −05:00; 2026-02-09 is a Monday). A cadence paused from
// Tue 10:00 to Thu 10:00 loses Tue 10–17 (420) + Wed (480) + Thu 9–10 (60) = 960 business minutes.
const ny = standardCalendar('America/New_York');
const span = (from: string, to: string): TimeSpan => ({ from: new Date(from), to: new Date(to) });
const tueToThu = [span('2026-02-10T10:00:00-05:00', '2026-02-12T10:00:00-05:00')];
const sameInPieces = [
  span('2026-02-11T00:00:00-05:00', '2026-02-12T10:00:00-05:00'), // unsorted and overlapping on purpose
  span('2026-02-10T10:00:00-05:00', '2026-02-11T12:00:00-05:00'),
];

describe('pauses (options.exclude)', () => {
  it.each([
    ['no pause: Mon 09:00 → Fri 17:00 is a full week', [], 2400],
    ['paused Tue 10:00 → Thu 10:00', tueToThu, 1440],
    ['the same pause given as unsorted, overlapping pieces', sameInPieces, 1440],
    ['a pause over the weekend-free nights changes nothing', [span('2026-02-10T17:00:00-05:00', '2026-02-11T09:00:00-05:00')], 2400],
    ['a zero-length pause changes nothing', [span('2026-02-10T12:00:00-05:00', '2026-02-10T12:00:00-05:00')], 2400],
  ])('between: %s', (_label, exclude, expected) => {
    const minutes = businessMinutesBetween(ny, new Date('2026-02-09T14:00:00Z'), new Date('2026-02-13T22:00:00Z'), { exclude });
    expect(minutes).toBe(expected);
  });

  it('between: a walk that starts inside the pause counts only after it (Wed 12:00 → Thu 12:00)', () => {
    const minutes = businessMinutesBetween(ny, new Date('2026-02-11T17:00:00Z'), new Date('2026-02-12T17:00:00Z'), { exclude: tueToThu });
    expect(minutes).toBe(120);
  });

  it.each([
    ['Tue 09:30, before the pause', '2026-02-10T14:30:00Z', true],
    ['Tue 10:00, the pause starts', '2026-02-10T15:00:00Z', false],
    ['Wed 12:00, inside', '2026-02-11T17:00:00Z', false],
    ['Thu 09:59, inside', '2026-02-12T14:59:00Z', false],
    ['Thu 10:00, the pause has ended', '2026-02-12T15:00:00Z', true],
  ])('isWorking at %s → %s', (_label, at, expected) => {
    expect(isWorking(ny, new Date(at), { exclude: tueToThu })).toBe(expected);
  });

  it.each([
    ['Tue 09:30 + 60 → Thu 10:30 (30 before, 30 after)', tueToThu, '2026-02-10T14:30:00Z', 60, '2026-02-12T15:30:00Z'],
    ['Tue 09:30 + 30 ends where the pause starts, Tue 10:00', tueToThu, '2026-02-10T14:30:00Z', 30, '2026-02-10T15:00:00Z'],
    ['Wed 12:00 (inside) + 0 → Thu 10:00', tueToThu, '2026-02-11T17:00:00Z', 0, '2026-02-12T15:00:00Z'],
    ['pieces: Tue 09:30 + 60 → Thu 10:30', sameInPieces, '2026-02-10T14:30:00Z', 60, '2026-02-12T15:30:00Z'],
    [
      'a year-long pause: Tue 09:30 + 60 → Wed 2027-02-10 10:30',
      [span('2026-02-10T10:00:00-05:00', '2027-02-10T10:00:00-05:00')],
      '2026-02-10T14:30:00Z',
      60,
      '2027-02-10T15:30:00Z',
    ],
  ])('addBusinessMinutes: %s', (_label, exclude, from, minutes, expected) => {
    expect(utc(addBusinessMinutes(ny, new Date(from), minutes, { exclude }))).toBe(expected);
  });

  it('nextBusinessMoment inside the pause is its end (Thu 10:00)', () => {
    expect(utc(nextBusinessMoment(ny, new Date('2026-02-11T17:00:00Z'), { exclude: tueToThu }))).toBe('2026-02-12T15:00:00Z');
  });

  it('rejects a pause that ends before it starts', () => {
    const backwards = [span('2026-02-12T10:00:00-05:00', '2026-02-10T10:00:00-05:00')];
    expect(() => isWorking(ny, new Date('2026-02-11T17:00:00Z'), { exclude: backwards })).toThrow(
      /exclude\[0\] ends \(2026-02-10T15:00:00.000Z\) before it starts \(2026-02-12T15:00:00.000Z\)/,
    );
  });

  it('a pause with no end in sight: nothing to count, so a clear error instead of a deadline', () => {
    const forever = [span('2026-02-10T10:00:00-05:00', '2031-01-01T00:00:00Z')];
    expect(() => addBusinessMinutes(ny, new Date('2026-02-11T17:00:00Z'), 60, { exclude: forever })).toThrow(/no working time/);
    // A bounded question still has an answer.
    expect(businessMinutesBetween(ny, new Date('2026-02-09T14:00:00Z'), new Date('2026-02-13T22:00:00Z'), { exclude: forever })).toBe(540);
  });
});
