import { describe, expect, it } from 'vitest';
import { digestIsEmpty, digestQueue, morningDigestDay } from '../../../../lib/core/alerts/morning-digest';
import { standardCalendar, WorkCalendar } from '../../../../lib/core/model/calendar';

const newYork = standardCalendar('America/New_York');

describe('morningDigestDay', () => {
  it.each([
    // 2026-01-19 is a Monday; New York is UTC−5 in January, so 09:00 there is 14:00Z.
    ['Monday 08:59 New York: the day has not begun', '2026-01-19T13:59:00Z', null],
    ['Monday 09:00: due, for that date', '2026-01-19T14:00:00Z', { day: '2026-01-19', startsAt: '2026-01-19T14:00:00.000Z' }],
    ['Monday 16:59: still that day', '2026-01-19T21:59:00Z', { day: '2026-01-19', startsAt: '2026-01-19T14:00:00.000Z' }],
    ['Monday 17:00: the day is over', '2026-01-19T22:00:00Z', null],
    ['Saturday 10:00: a day off', '2026-01-24T15:00:00Z', null],
    ['Tuesday 00:30 New York, still Monday in UTC−5 terms at 05:30Z: before the day', '2026-01-20T05:30:00Z', null],
  ])('%s', (_, now, expected) => {
    const day = morningDigestDay(newYork, new Date(now));
    expect(day === null ? null : { day: day.day, startsAt: day.startsAt.toISOString() }).toEqual(expected);
  });

  it('skips a holiday, and starts at the first range of a split day', () => {
    const cal = WorkCalendar.parse({
      ...newYork,
      holidays: ['2026-01-19'],
      week: { ...newYork.week, tue: [{ start: '07:30', end: '12:00' }, { start: '13:00', end: '18:00' }] },
    });
    expect(morningDigestDay(cal, new Date('2026-01-19T15:00:00Z'))).toBeNull();
    expect(morningDigestDay(cal, new Date('2026-01-20T17:30:00Z'))).toEqual({ day: '2026-01-20', startsAt: new Date('2026-01-20T12:30:00Z') });
  });
});

describe('digestQueue', () => {
  const lead = (id: string, status: string, nextDueAt: string | null) => ({
    contact: id,
    cadence: { status, nextDueAt, businessMinutesLeft: null } as never,
  });
  const now = new Date('2026-01-19T14:00:00Z');

  it('sorts breached, overdue and due today, earliest due first, and leaves the rest out', () => {
    const queue = digestQueue(
      [
        lead('late-follow-up', 'overdue', '2026-01-16T20:00:00Z'),
        lead('breached-2', 'breached', '2026-01-16T15:00:00Z'),
        lead('breached-1', 'breached', '2026-01-15T15:00:00Z'),
        lead('new-today', 'first_touch_due', '2026-01-19T18:00:00Z'),
        lead('follow-up-today', 'on_track', '2026-01-19T16:00:00Z'),
        // 23:59 New York is 04:59Z the next UTC day: still today there.
        lead('last-minute', 'due', '2026-01-20T04:59:00Z'),
        lead('tomorrow', 'on_track', '2026-01-20T05:00:00Z'),
        lead('done', 'complete', null),
        lead('paused', 'paused', null),
        { contact: 'unassigned', cadence: null },
      ],
      newYork,
      now,
    );
    expect(queue.breached.map((l) => l.contact)).toEqual(['breached-1', 'breached-2']);
    expect(queue.overdue.map((l) => l.contact)).toEqual(['late-follow-up']);
    expect(queue.dueToday.map((l) => l.contact)).toEqual(['follow-up-today', 'new-today', 'last-minute']);
    expect(digestIsEmpty(queue)).toBe(false);
  });

  it('is empty when nothing is late or due today', () => {
    expect(digestIsEmpty(digestQueue([lead('tomorrow', 'on_track', '2026-01-21T15:00:00Z')], newYork, now))).toBe(true);
  });
});
