import { describe, expect, it } from 'vitest';
import { cadenceExitAt } from '../../../../lib/core/cadence';
import { activity, attempt } from '../fixtures';

const ASSIGNED = Date.parse('2026-01-12T14:00:00Z');
const t = (iso: string) => Date.parse(iso);

describe('cadenceExitAt', () => {
  it('is the first thing from the assignment on that ends the cadence, by findExit’s rules', () => {
    const at = cadenceExitAt({
      assignedAt: ASSIGNED,
      activities: [
        // Before the assignment, and an out-of-office answer: neither ends this cadence.
        activity('email_reply', '2026-01-11T15:00:00Z'),
        activity('email_reply', '2026-01-12T16:00:00Z', { outOfOffice: true }),
        activity('email_reply', '2026-01-14T16:00:00Z'),
      ],
      attempts: [
        // An undone "replied" does not count.
        attempt('2026-01-13T15:00:00Z', { outcome: 'replied', undoneAt: '2026-01-13T15:05:00Z' }),
        attempt('2026-01-15T15:00:00Z', { outcome: 'meeting_booked' }),
      ],
      stageChanges: [
        { at: t('2026-01-13T18:00:00Z'), to: 'sql' },
        { at: t('2026-01-16T18:00:00Z'), to: 'opportunity' },
      ],
    });
    expect(at).toBe(t('2026-01-14T16:00:00Z'));
  });

  it('takes a move past the cadence when it comes first, and is null when nothing recorded ends it', () => {
    expect(cadenceExitAt({ assignedAt: ASSIGNED, activities: [], attempts: [], stageChanges: [{ at: t('2026-01-13T18:00:00Z'), to: 'recycled' }] })).toBe(t('2026-01-13T18:00:00Z'));
    expect(cadenceExitAt({ assignedAt: ASSIGNED, activities: [], attempts: [], stageChanges: [{ at: t('2026-01-10T18:00:00Z'), to: 'customer' }] })).toBeNull();
  });
});
