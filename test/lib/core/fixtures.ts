import { Activity, type ActivityInput } from '../../../lib/core/model/activity';
import { Attempt, type AttemptInput } from '../../../lib/core/model/attempt';
import { Contact, type ContactInput } from '../../../lib/core/model/contact';
import { StageChange } from '../../../lib/core/model/stage-history';

/** Valid entities for tests: each parsed by its real schema, so a test can never hold a row the API would refuse. */
export function contact(overrides: Partial<ContactInput> = {}): Contact {
  return Contact.parse({
    id: 'c1',
    email: 'dana@buyer.example',
    name: 'Dana Reyes',
    stage: 'mql',
    ownerId: 'rep1',
    assignedAt: '2026-01-16T21:30:00Z',
    createdAt: '2026-01-10T00:00:00Z',
    updatedAt: '2026-01-16T21:30:00Z',
    ...overrides,
  });
}

let seq = 0;
export function attempt(at: string, overrides: Partial<AttemptInput> = {}): Attempt {
  return Attempt.parse({ id: `a${++seq}`, contactId: 'c1', userId: 'rep1', channel: 'call', outcome: 'no_answer', at, ...overrides });
}

export function activity(type: ActivityInput['type'], at: string, overrides: Partial<ActivityInput> = {}): Activity {
  return Activity.parse({
    id: `v${++seq}`,
    contactId: 'c1',
    type,
    at,
    trust: { label: 'human', reason: 'a person' },
    ...overrides,
  });
}

/** A stage change by a user (Maya Chen, rep1) unless told otherwise. */
export function stageChange(from: StageChange['from'], to: StageChange['to'], at: string, overrides: Partial<StageChange> = {}): StageChange {
  return StageChange.parse({
    id: `s${++seq}`,
    contactId: 'c1',
    from,
    to,
    at,
    actor: { kind: 'user', userId: 'rep1', name: 'Maya Chen', rule: null },
    reason: null,
    mutationId: null,
    reconstructed: false,
    ...overrides,
  });
}
