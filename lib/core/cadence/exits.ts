import type { Activity } from '../model/activity';
import type { Attempt } from '../model/attempt';
import type { LifecycleStage } from '../model/vocabulary';

export type ExitReason = 'replied' | 'meeting_booked' | 'stage';

/** Stages past which sales no longer chases the lead under this cadence. */
const STAGES_THAT_END_THE_CADENCE: ReadonlySet<LifecycleStage> = new Set(['opportunity', 'customer', 'recycled', 'disqualified']);

/**
 * Why the cadence ended, if it did: the lead replied (an out-of-office answer does not count) or booked a meeting,
 * an attempt's outcome says so, or the lead moved to a stage the cadence does not cover.
 */
export function findExit(input: {
  stage: LifecycleStage;
  assignedAt: number;
  now: number;
  activities: readonly Activity[];
  attempts: readonly Attempt[];
}): ExitReason | null {
  if (STAGES_THAT_END_THE_CADENCE.has(input.stage)) return 'stage';
  const inCadence = (at: string) => {
    const t = Date.parse(at);
    return t >= input.assignedAt && t <= input.now;
  };
  let reason: ExitReason | null = null;
  for (const a of input.activities) {
    if (!inCadence(a.at)) continue;
    if (a.type === 'meeting_booked') return 'meeting_booked';
    if (a.type === 'email_reply' && !a.outOfOffice) reason = 'replied';
  }
  for (const a of input.attempts) {
    if (a.undoneAt !== null || !inCadence(a.at)) continue;
    if (a.outcome === 'meeting_booked') return 'meeting_booked';
    if (a.outcome === 'replied') reason = 'replied';
  }
  return reason;
}
