import type { CadenceState } from '../model/derived';
import type { CadencePolicy } from '../model/policy';
import type { AttemptChannel } from '../model/vocabulary';

/** The attempt the cadence asks for next: "step 3 of 5, a call, by Thu 5:00 PM". */
export interface NextStep {
  /** The attempt's number in the plan, from 1 (the first touch). */
  step: number;
  of: number;
  /** The channel the policy plans for it; null when the policy leaves the choice to the rep. */
  channel: AttemptChannel | null;
  /** When it is due (an instant; past when overdue). */
  dueAt: string;
  /** Whether the due time has passed at the cadence state's time. */
  late: boolean;
}

/**
 * The next planned attempt of a cadence, or null when nothing is due: no owner, the cadence ended (exited, complete)
 * or is paused without an end. A paused cadence with an end still has its next step (due after the pause).
 */
export function nextStep(state: CadenceState | null, policy: Pick<CadencePolicy, 'stepChannels'>): NextStep | null {
  if (state === null || state.nextDueAt === null) return null;
  if (state.status === 'exited' || state.status === 'complete') return null;
  const step = state.attemptsDone + 1;
  return {
    step,
    of: state.attemptsPlanned,
    channel: policy.stepChannels[step - 1] ?? null,
    dueAt: state.nextDueAt,
    late: state.wallMsLeft !== null && state.wallMsLeft < 0,
  };
}
