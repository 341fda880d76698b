import { describe, expect, it } from 'vitest';
import { cadenceHeadline, liveStatus } from '../../../lib/view-model/cadence';
import { formatAgo, formatBusinessDuration, formatMoment, shortUrl } from '../../../lib/view-model/format';

describe('business durations', () => {
  it.each([
    [150, {}, '2 h 30 m'],
    [240, {}, '4 h'],
    [149.99999999, {}, '2 h 30 m'],
    [-35, {}, '35 m'],
    [45.5, { seconds: true }, '45 m 30 s'],
    [40, { seconds: true }, '40 m 00 s'],
    [61.25, { seconds: true }, '1 h 1 m'],
    [0.5, { seconds: true }, '30 s'],
    [0.5, {}, 'under 1 m'],
    [0, {}, 'under 1 m'],
  ])('%s minutes %o → %s', (minutes, options, words) => {
    expect(formatBusinessDuration(minutes, options)).toBe(words);
  });
});

describe('cadence headlines', () => {
  const extra = { exitReason: null, pausedUntil: null };
  it.each([
    ['first_touch_due', 150, 'First touch', 'Due in 2 h 30 m', 'warn'],
    ['due', 20, 'Due soon', 'Due in 20 m', 'warn'],
    ['on_track', 900, 'On track', 'Due in 15 h', 'ok'],
    ['overdue', -35, null, 'Overdue by 35 m', 'danger'],
    ['breached', -130, null, 'SLA breached · overdue by 2 h 10 m', 'danger'],
    ['breached', null, null, 'SLA breached', 'danger'],
    ['complete', null, null, 'Complete: recycle or advance', 'neutral'],
  ] as const)('%s with %s minutes left', (status, left, tag, text, tone) => {
    expect(cadenceHeadline(status, left, extra)).toMatchObject({ status, tone, tag, text });
  });

  it('says why a cadence ended and until when it is paused', () => {
    expect(cadenceHeadline('exited', null, { exitReason: 'meeting_booked', pausedUntil: null }).text).toBe('Exited: meeting booked');
    expect(cadenceHeadline('paused', 300, { exitReason: null, pausedUntil: 'Mon 9:00 AM' }).text).toBe('Paused until Mon 9:00 AM');
    expect(cadenceHeadline('paused', null, extra).text).toBe('Paused until resumed');
    expect(cadenceHeadline('due', 0, extra).text).toBe('Due now');
  });

  it('a step overdue by a working day or more says since when, not how many working hours', () => {
    const since = { exitReason: null, pausedUntil: null, dueAt: 'Fri 5:00 PM' };
    expect(cadenceHeadline('overdue', -(24 * 60 - 1), since).text).toBe('Overdue by 23 h 59 m');
    expect(cadenceHeadline('overdue', -24 * 60, since).text).toBe('Overdue since Fri 5:00 PM');
    expect(cadenceHeadline('breached', -98 * 60, since).text).toBe('SLA breached · overdue since Fri 5:00 PM');
  });

  it('moves the status on between recomputations, by the rules lib/core uses', () => {
    const clock = (minutes: number | null, wall: number | null, window = 1e9) => ({ businessMinutesLeft: minutes, wallMsLeft: wall, windowMsLeft: window });
    expect(liveStatus({ status: 'first_touch_due', attemptsDone: 0 }, clock(-1, -1000), 60)).toBe('breached');
    expect(liveStatus({ status: 'due', attemptsDone: 1 }, clock(-1, -1000), 60)).toBe('overdue');
    expect(liveStatus({ status: 'on_track', attemptsDone: 1 }, clock(60, 3_600_000), 60)).toBe('due');
    expect(liveStatus({ status: 'on_track', attemptsDone: 1 }, clock(61, 3_660_000), 60)).toBe('on_track');
    expect(liveStatus({ status: 'on_track', attemptsDone: 2 }, clock(500, 1e7, -1), 60)).toBe('breached');
    expect(liveStatus({ status: 'paused', attemptsDone: 1 }, clock(-5, -1000), 60)).toBe('paused');
  });
});

describe('times', () => {
  const now = new Date('2026-01-19T15:00:00Z');
  const utc = { locale: 'en-US', timeZone: 'UTC' };
  it('names today by the time, this week by the weekday, further off by the date', () => {
    expect(formatMoment(new Date('2026-01-19T17:30:00Z'), now, utc)).toBe('5:30 PM');
    expect(formatMoment(new Date('2026-01-21T15:00:00Z'), now, utc)).toBe('Wed 3:00 PM');
    expect(formatMoment(new Date('2026-02-02T09:00:00Z'), now, utc)).toBe('Feb 2, 9:00 AM');
    expect(formatMoment(new Date('2027-02-02T09:00:00Z'), now, utc)).toBe('Feb 2, 2027, 9:00 AM');
    expect(formatMoment(new Date('2026-01-19T17:30:00Z'), now, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('12:30 PM');
  });

  it.each([
    [20_000, 'just now'],
    [12 * 60_000, '12 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [30 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
    [90 * 86_400_000, '3 months ago'],
  ])('%i ms ago reads "%s"', (ms, words) => {
    expect(formatAgo(new Date(now.getTime() - ms), now)).toBe(words);
  });

  it('shortens URLs to their path', () => {
    expect(shortUrl('https://northwind.example/pricing?plan=team')).toBe('/pricing?plan=team');
    expect(shortUrl('https://northwind.example/')).toBe('northwind.example');
    expect(shortUrl('not a url')).toBe('not a url');
  });
});
