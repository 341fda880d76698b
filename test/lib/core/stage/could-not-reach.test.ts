import { describe, expect, it } from 'vitest';
import { cadenceState } from '../../../../lib/core/cadence';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { DEFAULT_CADENCE_POLICY } from '../../../../lib/core/model/policy';
import { couldNotReach } from '../../../../lib/core/stage/could-not-reach';
import { attempt, contact } from '../fixtures';

const newYork = standardCalendar('America/New_York');

/** The standard policy plans 5 attempts; `made` of them are logged from Monday 19 January on, one a day. */
function stateWith(made: number, contactOverrides = {}) {
  const attempts = Array.from({ length: made }, (_, i) => attempt(`2026-01-${String(19 + i).padStart(2, '0')}T15:00:00Z`));
  return cadenceState({
    contact: contact(contactOverrides),
    policy: DEFAULT_CADENCE_POLICY,
    calendar: newYork,
    attempts,
    activities: [],
    now: new Date('2026-01-26T15:00:00Z'),
  });
}

describe('could not reach', () => {
  it('waits until every planned attempt is made, saying how many are left', () => {
    expect(couldNotReach(stateWith(3))).toEqual({ allowed: false, attemptsLeft: 2, message: '2 attempts left before Could not reach' });
    expect(couldNotReach(stateWith(4))).toEqual({ allowed: false, attemptsLeft: 1, message: '1 attempt left before Could not reach' });
    expect(couldNotReach(stateWith(5))).toEqual({ allowed: true });
  });

  it('is refused for a lead nobody owns: no cadence, nobody tried', () => {
    expect(couldNotReach(stateWith(0, { ownerId: null, assignedAt: null }))).toEqual({
      allowed: false,
      attemptsLeft: null,
      message: 'Could not reach needs a cadence first: the lead has no owner, so nobody has tried yet',
    });
  });
});
