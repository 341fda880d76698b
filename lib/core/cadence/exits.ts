import type { Activity } from '../model/activity';
import type { Attempt } from '../model/attempt';
import type { LifecycleStage } from '../model/vocabulary';

export type ExitReason = 'replied' | 'meeting_booked' | 'stage';

/** Stages past which sales no longer chases the lead under this cadence. */
export const STAGES_THAT_END_THE_CADENCE = ['opportunity', 'customer', 'recycled', 'disqualified'] as const satisfies readonly LifecycleStage[];
const ENDING_STAGES: ReadonlySet<LifecycleStage> = new Set(STAGES_THAT_END_THE_CADENCE);

/** The only activity types that can end a cadence (activityExit below): what a server loads to compute one. */
export const CADENCE_EXIT_ACTIVITY_TYPES = ['email_reply', 'meeting_booked'] as const satisfies readonly Activity['type'][];

/** What of an activity decides whether it ends a cadence: all a server needs to load of a reply or a meeting. */
export type ExitActivity = Pick<Activity, 'contactId' | 'type' | 'at' | 'outOfOffice'>;

export function stageEndsCadence(stage: LifecycleStage): boolean {
  return ENDING_STAGES.has(stage);
}

/** The contact's own doing that ends a cadence: a meeting, or a reply that is not an out-of-office answer. */
function activityExit(a: ExitActivity): ExitReason | null {
  if (a.type === 'meeting_booked') return 'meeting_booked';
  return a.type === 'email_reply' && !a.outOfOffice ? 'replied' : null;
}

/** An attempt whose outcome says the lead answered. */
function attemptExit(a: Attempt): ExitReason | null {
  if (a.undoneAt !== null) return null;
  return a.outcome === 'meeting_booked' ? 'meeting_booked' : a.outcome === 'replied' ? 'replied' : null;
}

/**
 * Why the cadence ended, if it did: the lead replied (an out-of-office answer does not count) or booked a meeting,
 * an attempt's outcome says so, or the lead moved to a stage the cadence does not cover.
 */
export function findExit(input: {
  stage: LifecycleStage;
  assignedAt: number;
  now: number;
  activities: readonly ExitActivity[];
  attempts: readonly Attempt[];
}): ExitReason | null {
  if (stageEndsCadence(input.stage)) return 'stage';
  const inCadence = (at: string) => {
    const t = Date.parse(at);
    return t >= input.assignedAt && t <= input.now;
  };
  let reason: ExitReason | null = null;
  for (const r of [...input.activities.filter((a) => inCadence(a.at)).map(activityExit), ...input.attempts.filter((a) => inCadence(a.at)).map(attemptExit)]) {
    if (r === 'meeting_booked') return r;
    if (r === 'replied') reason = r;
  }
  return reason;
}

/**
 * When the cadence ended (ms), by the same rules as findExit: the first exit activity, exit attempt or move into a
 * stage that ends it, from the assignment on. Null when nothing recorded ends it (a stage set before history began).
 */
export function cadenceExitAt(input: {
  assignedAt: number;
  activities: readonly ExitActivity[];
  attempts: readonly Attempt[];
  /** The contact's stage changes: when each happened and where it went. */
  stageChanges: readonly { at: number; to: LifecycleStage }[];
}): number | null {
  const candidates = [
    ...input.activities.filter((a) => activityExit(a) !== null).map((a) => Date.parse(a.at)),
    ...input.attempts.filter((a) => attemptExit(a) !== null).map((a) => Date.parse(a.at)),
    ...input.stageChanges.filter((c) => stageEndsCadence(c.to)).map((c) => c.at),
  ].filter((t) => t >= input.assignedAt);
  return candidates.length === 0 ? null : Math.min(...candidates);
}
