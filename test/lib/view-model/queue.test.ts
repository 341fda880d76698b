import { describe, expect, it } from 'vitest';
import type { CadenceStatus } from '../../../lib/core/model/derived';
import { compareInGroup, groupQueue, queueGroupOf, urgentCount, type QueueLead } from '../../../lib/view-model/queue';

let n = 0;
function q(status: CadenceStatus | null, score: number, extra: { left?: number | null; due?: string | null; name?: string } = {}): QueueLead {
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
