import { describe, expect, it } from 'vitest';
import { deliverAtFor, digestWords, paceForPerson } from '../../../../lib/core/alerts';
import { standardCalendar } from '../../../../lib/core/model/calendar';

describe('paceForPerson: at most digestAbove alerts a minute, the rest as one digest', () => {
  it.each([
    { name: 'three due, none before, limit 3: three singles', due: ['a', 'b', 'c'], before: 0, expected: { singles: ['a', 'b', 'c'], digest: null, wait: [] } },
    { name: 'four due, limit 3: one digest of four', due: ['a', 'b', 'c', 'd'], before: 0, expected: { singles: [], digest: ['a', 'b', 'c', 'd'], wait: [] } },
    { name: 'two due after three this minute: a digest of two', due: ['d', 'e'], before: 3, expected: { singles: [], digest: ['d', 'e'], wait: [] } },
    { name: 'one due after three this minute: it waits for the next minute', due: ['d'], before: 3, expected: { singles: [], digest: null, wait: ['d'] } },
    { name: 'one due after two this minute: a single', due: ['c'], before: 2, expected: { singles: ['c'], digest: null, wait: [] } },
    { name: 'nothing due', due: [], before: 5, expected: { singles: [], digest: null, wait: [] } },
  ])('$name', ({ due, before, expected }) => {
    expect(paceForPerson(due, before, 3)).toEqual(expected);
  });

  it('a digest names whom it is about', () => {
    const words = digestWords([
      { contactId: 'c1', who: 'Dana Reyes', title: 'Dana Reyes is on the site now' },
      { contactId: 'c2', who: 'Sam Lee', title: 'Sam Lee replied' },
      { contactId: 'c3', who: 'Ana Ruiz', title: 'Ana Ruiz viewed Pricing' },
      { contactId: 'c1', who: 'Dana Reyes', title: 'Dana Reyes viewed Pricing' },
    ]);
    expect(words).toEqual({
      title: '4 alerts · Dana Reyes, Sam Lee and 1 more',
      body: 'Dana Reyes is on the site now · Sam Lee replied · Ana Ruiz viewed Pricing · Dana Reyes viewed Pricing',
      contactIds: ['c1', 'c2', 'c3'],
    });
  });
});

describe('deliverAtFor: quiet hours are the work calendar', () => {
  const calendar = standardCalendar('America/New_York');
  it.each([
    ['Friday 16:58 is working time', '2026-01-16T21:58:00.000Z', '2026-01-16T21:58:00.000Z'],
    ['Friday 17:00 waits for Monday 09:00', '2026-01-16T22:00:00.000Z', '2026-01-19T14:00:00.000Z'],
    ['Saturday noon waits for Monday 09:00', '2026-01-17T17:00:00.000Z', '2026-01-19T14:00:00.000Z'],
    ['Tuesday 07:00 waits for 09:00', '2026-01-20T12:00:00.000Z', '2026-01-20T14:00:00.000Z'],
  ])('%s', (_, at, expected) => {
    expect(deliverAtFor(calendar, new Date(at)).toISOString()).toBe(expected);
  });
});
