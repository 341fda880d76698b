import { describe, expect, it } from 'vitest';
import type { CadenceStatus } from '../../../lib/core/model/derived';
import { compareInGroup, formatWallDuration, groupQueue, overdueText, queueGroupOf, urgentCount, urgentLine, waitingSince, type QueueLead } from '../../../lib/view-model/queue';

let n = 0;
function q(status: CadenceStatus | null, score: number, extra: { left?: number | null; due?: string | null; name?: string; waiting?: string } = {}): QueueLead {
  const id = `c${++n}`;
  return {
    contact: { id, email: `${id}@x.example`, name: extra.name ?? id, company: null, title: null, stage: 'mql' },
    score: { score, grade: 'B' },
    cadence:
      status === null
        ? null
        : {
            status,
            nextDueAt: extra.due === undefined ? '2026-01-19T18:00:00.000Z' : extra.due,
            businessMinutesLeft: extra.left === undefined ? 120 : extra.left,
            attemptsDone: 0,
            attemptsPlanned: 5,
            exitReason: null,
            pausedUntil: null,
          },
    dueSoonMinutes: 60,
    waitingSince: extra.waiting ?? '2026-01-15T14:00:00.000Z',
  };
}

describe('queue grouping', () => {
  it.each([
    ['breached', 'urgent'],
    ['overdue', 'urgent'],
    ['due', 'due_soon'],
    ['on_track', 'on_track'],
    ['first_touch_due', 'new'],
    ['complete', 'resting'],
    ['exited', 'resting'],
    ['paused', 'resting'],
  ] as const)('%s goes in %s', (status, group) => {
    expect(queueGroupOf(q(status, 10))).toBe(group);
  });

  it('"due soon" is the next business hour (inclusive), or the policy’s window when longer, for first touches and follow-ups', () => {
    expect(queueGroupOf(q('first_touch_due', 1, { left: 60 }))).toBe('due_soon');
    expect(queueGroupOf(q('first_touch_due', 1, { left: 0 }))).toBe('due_soon');
    expect(queueGroupOf(q('first_touch_due', 1, { left: 60.5 }))).toBe('new');
    expect(queueGroupOf(q('on_track', 1, { left: 45 }))).toBe('due_soon');
    expect(queueGroupOf(q('on_track', 1, { left: 61 }))).toBe('on_track');
    // A hot policy's 30-minute window does not shrink the hour; a 2-hour window widens it.
    expect(queueGroupOf({ ...q('first_touch_due', 1, { left: 45 }), dueSoonMinutes: 30 })).toBe('due_soon');
    expect(queueGroupOf({ ...q('first_touch_due', 1, { left: 90 }), dueSoonMinutes: 120 })).toBe('due_soon');
  });

  it('a lead without a cadence (unassigned) rests', () => {
    expect(queueGroupOf(q(null, 99))).toBe('resting');
  });

  it('orders the groups for the day and each group by score, then by the soonest due, then by name', () => {
    const leads = [
      q('on_track', 90, { name: 'On track high' }),
      q('overdue', 20, { name: 'Overdue low' }),
      q('breached', 70, { name: 'Breached high' }),
      q('first_touch_due', 50, { left: 200, name: 'New' }),
      q('due', 40, { name: 'Due b', due: '2026-01-19T16:00:00.000Z' }),
      q('due', 40, { name: 'Due a', due: '2026-01-19T17:00:00.000Z' }),
      q('first_touch_due', 60, { left: 30, name: 'First touch soon' }),
      q('complete', 99, { name: 'Done' }),
      q('overdue', 70, { name: 'Also 70, due earlier', due: '2026-01-19T12:00:00.000Z' }),
    ];
    const groups = groupQueue(leads);
    expect(groups.map((g) => [g.title, g.hidden, g.leads.map((l) => l.contact.name)])).toEqual([
      // Same wait for all three: the latest first (the one due earliest), then by score.
      ['Breached & overdue', false, ['Also 70, due earlier', 'Breached high', 'Overdue low']],
      ['Due soon', false, ['First touch soon', 'Due b', 'Due a']],
      ['New leads', false, ['New']],
      ['On track', false, ['On track high']],
      ['Complete, exited & paused', true, ['Done']],
    ]);
    expect(urgentCount(groups)).toBe(6);
  });

  it('never wobbles: equal leads fall back to name, then id', () => {
    const a = q('due', 10, { name: 'Same', due: null });
    const b = q('due', 10, { name: 'Same', due: null });
    expect(compareInGroup(a, b)).toBeLessThan(0);
    expect(compareInGroup(b, a)).toBeGreaterThan(0);
  });
});

describe('the breached and overdue group', () => {
  const NOW = new Date('2026-01-19T15:00:00.000Z');

  it('lists the lead that has waited longest without a touch first, then the latest, and only then by score', () => {
    const leads = [
      q('breached', 99, { name: 'Hot, touched yesterday', waiting: '2026-01-18T15:00:00.000Z', due: '2026-01-16T15:00:00.000Z' }),
      q('overdue', 10, { name: 'Cold, untouched for a week', waiting: '2026-01-12T15:00:00.000Z', due: '2026-01-18T15:00:00.000Z' }),
      q('overdue', 50, { name: 'Same wait, later due', waiting: '2026-01-14T15:00:00.000Z', due: '2026-01-19T12:00:00.000Z' }),
      q('breached', 20, { name: 'Same wait, earlier due', waiting: '2026-01-14T15:00:00.000Z', due: '2026-01-15T12:00:00.000Z' }),
    ];
    expect(groupQueue(leads)[0]!.leads.map((l) => l.contact.name)).toEqual([
      'Cold, untouched for a week',
      'Same wait, earlier due',
      'Same wait, later due',
      'Hot, touched yesterday',
    ]);
  });

  it('other groups still go by score', () => {
    const leads = [q('due', 10, { name: 'Low', waiting: '2026-01-01T00:00:00.000Z' }), q('due', 90, { name: 'High' })];
    expect(groupQueue(leads)[1]!.leads.map((l) => l.contact.name)).toEqual(['High', 'Low']);
  });

  it('a lead waits since its latest attempt that still counts, else since its assignment, else its creation', () => {
    const contact = { assignedAt: '2026-01-10T10:00:00.000Z', createdAt: '2026-01-01T10:00:00.000Z' };
    expect(waitingSince(contact, [])).toBe('2026-01-10T10:00:00.000Z');
    expect(waitingSince({ ...contact, assignedAt: null }, [])).toBe('2026-01-01T10:00:00.000Z');
    expect(
      waitingSince(contact, [
        { at: '2026-01-12T10:00:00.000Z', undoneAt: null },
        { at: '2026-01-14T10:00:00.000Z', undoneAt: null },
        { at: '2026-01-15T10:00:00.000Z', undoneAt: '2026-01-15T10:00:05.000Z' },
      ]),
    ).toBe('2026-01-14T10:00:00.000Z');
  });

  it('says how late one way, in wall time by its two largest units', () => {
    expect(formatWallDuration((2 * 24 + 4) * 3_600_000 + 59 * 60_000)).toBe('2 d 4 h');
    expect(formatWallDuration(3 * 24 * 3_600_000)).toBe('3 d');
    expect(formatWallDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 m');
    expect(formatWallDuration(12 * 60_000 + 30_000)).toBe('12 m');
    expect(overdueText('2026-01-17T11:00:00.000Z', NOW)).toBe('overdue 2 d 4 h');
    expect(overdueText('2026-01-19T14:59:30.000Z', NOW)).toBeNull();
    expect(overdueText('2026-01-20T15:00:00.000Z', NOW)).toBeNull();
    expect(overdueText(null, NOW)).toBeNull();
  });

  it('names the promise that broke: the first touch, a follow-up, or the cadence window', () => {
    const due = '2026-01-17T11:00:00.000Z';
    expect(urgentLine({ status: 'breached', nextDueAt: due, attemptsDone: 0 }, NOW)).toBe('First touch overdue 2 d 4 h');
    expect(urgentLine({ status: 'overdue', nextDueAt: due, attemptsDone: 2 }, NOW)).toBe('Follow-up overdue 2 d 4 h');
    expect(urgentLine({ status: 'breached', nextDueAt: '2026-01-21T11:00:00.000Z', attemptsDone: 3 }, NOW)).toBe('Cadence window closed');
    expect(urgentLine({ status: 'breached', nextDueAt: due, attemptsDone: 3 }, NOW)).toBe('Cadence window closed · follow-up overdue 2 d 4 h');
    expect(urgentLine({ status: 'due', nextDueAt: due, attemptsDone: 1 }, NOW)).toBeNull();
  });
});
