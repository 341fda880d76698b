import { describe, expect, it } from 'vitest';
import { StageChange } from '../../../lib/core/model/stage-history';
import { canChangeAttempt } from '../../../lib/view-model/attempt-edit';
import { acceptQuestion } from '../../../lib/view-model/stage-actions';
import { describeStageChange } from '../../../lib/view-model/stage-history';

const NOW = new Date('2026-01-20T15:00:00Z');
const maya = { id: 'rep1', role: 'rep' as const };

describe('canChangeAttempt', () => {
  const attempt = (at: string, over: { userId?: string; undoneAt?: string | null } = {}) => ({ userId: 'rep1', at, undoneAt: null, ...over });

  it('offers the author a change for exactly a day after the attempt', () => {
    expect(canChangeAttempt(attempt('2026-01-19T15:00:00Z'), maya, NOW)).toBe(true);
    expect(canChangeAttempt(attempt('2026-01-19T14:59:59Z'), maya, NOW)).toBe(false);
  });

  it('not on an undone attempt, not on another rep’s, but a manager may; nobody signed out', () => {
    expect(canChangeAttempt(attempt('2026-01-20T14:00:00Z', { undoneAt: '2026-01-20T14:00:05Z' }), maya, NOW)).toBe(false);
    expect(canChangeAttempt(attempt('2026-01-20T14:00:00Z', { userId: 'rep2' }), maya, NOW)).toBe(false);
    expect(canChangeAttempt(attempt('2026-01-20T14:00:00Z', { userId: 'rep2' }), { id: 'mgr1', role: 'manager' }, NOW)).toBe(true);
    expect(canChangeAttempt(attempt('2026-01-20T14:00:00Z'), null, NOW)).toBe(false);
  });
});

describe('acceptQuestion', () => {
  it('asks before accepting with no attempt, past the SLA, or both; never for other moves or a lead that is fine', () => {
    expect(acceptQuestion('sql', { attemptsDone: 0, firstTouchMet: null })).toBe('No attempt logged yet: accept anyway?');
    expect(acceptQuestion('sql', { attemptsDone: 2, firstTouchMet: false })).toBe('The first-touch SLA was breached: accept anyway?');
    expect(acceptQuestion('sql', { attemptsDone: 0, firstTouchMet: false })).toBe('No attempt logged yet and the first-touch SLA is breached: accept anyway?');
    expect(acceptQuestion('sql', { attemptsDone: 1, firstTouchMet: true })).toBeNull();
    expect(acceptQuestion('opportunity', { attemptsDone: 0, firstTouchMet: false })).toBeNull();
    expect(acceptQuestion('sql', null)).toBeNull();
  });
});

describe('an undone stage change in words', () => {
  it('says who took it back and where the lead went', () => {
    const undo = StageChange.parse({
      id: 'sc2',
      contactId: 'c1',
      from: 'sql',
      to: 'mql',
      at: '2026-01-20T15:00:00Z',
      actor: { kind: 'user', userId: 'rep1', name: 'Maya Chen', rule: null },
      reason: null,
      mutationId: 'm2',
      undoes: 'sc1',
      reconstructed: false,
    });
    expect(describeStageChange(undo)).toBe('Undone by Maya Chen: back to MQL');
  });
});
