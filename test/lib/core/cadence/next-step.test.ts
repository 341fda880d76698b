import { describe, expect, it } from 'vitest';
import { cadenceState, nextStep } from '../../../../lib/core/cadence';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { CadencePolicy, DEFAULT_CADENCE_POLICY } from '../../../../lib/core/model/policy';
import type { Attempt } from '../../../../lib/core/model/attempt';
import type { ContactInput } from '../../../../lib/core/model/contact';
import { attempt, contact } from '../fixtures';

const newYork = standardCalendar('America/New_York');
const planned = CadencePolicy.parse({ ...DEFAULT_CADENCE_POLICY, stepChannels: ['call', 'email', 'call', 'social', 'voicemail'] });

function next(now: string, opts: { attempts?: Attempt[]; contact?: Partial<ContactInput>; policy?: CadencePolicy } = {}) {
  const policy = opts.policy ?? planned;
  const state = cadenceState({ contact: contact(opts.contact), policy, calendar: newYork, attempts: opts.attempts ?? [], activities: [], now: new Date(now) });
  return nextStep(state, policy);
}

// Assigned Friday 2026-01-16 16:30 New York: first touch due Monday 12:30 (17:30Z), follow-up 2 16 business hours after.
describe('the next step of a cadence', () => {
  it('names the first touch: step 1 of 5, its planned channel and its due time', () => {
    expect(next('2026-01-19T15:00:00Z')).toEqual({ step: 1, of: 5, channel: 'call', dueAt: '2026-01-19T17:30:00.000Z', late: false });
  });

  it('after the first attempt, step 2 on the second planned channel, 16 business hours on', () => {
    expect(next('2026-01-19T16:00:00Z', { attempts: [attempt('2026-01-19T15:00:00Z')] })).toEqual({
      step: 2,
      of: 5,
      channel: 'email',
      dueAt: '2026-01-21T15:00:00.000Z',
      late: false,
    });
  });

  it('an overdue step is late, and an undone attempt does not move the plan on', () => {
    const undone = attempt('2026-01-19T15:30:00Z', { undoneAt: '2026-01-19T15:31:00Z' });
    expect(next('2026-01-19T19:00:00Z', { attempts: [undone] })).toMatchObject({ step: 1, channel: 'call', late: true });
  });

  it('no channel when the policy leaves the choice to the rep', () => {
    expect(next('2026-01-19T15:00:00Z', { policy: DEFAULT_CADENCE_POLICY })).toMatchObject({ step: 1, of: 5, channel: null });
  });

  it('nothing next once the cadence ended: a stage that ends it, a reply, every attempt made, no owner', () => {
    expect(next('2026-01-19T15:00:00Z', { contact: { stage: 'recycled' } })).toBeNull();
    expect(next('2026-01-19T15:00:00Z', { contact: { stage: 'disqualified' } })).toBeNull();
    expect(next('2026-01-19T16:00:00Z', { attempts: [attempt('2026-01-19T15:00:00Z', { outcome: 'replied' })] })).toBeNull();
    const five = ['2026-01-19T15:00:00Z', '2026-01-21T15:00:00Z', '2026-01-23T15:00:00Z', '2026-01-28T15:00:00Z', '2026-01-29T15:00:00Z'].map((at) => attempt(at));
    expect(next('2026-01-29T16:00:00Z', { attempts: five })).toBeNull();
    expect(next('2026-01-19T15:00:00Z', { contact: { ownerId: null, assignedAt: null } })).toBeNull();
  });
});
