import type { CadenceState } from '../model/derived';

/**
 * Whether "could not reach" may be given yet, by the SLA's own rule: only once the cadence's planned attempts are made
 * (cadenceState's `attemptsLeft`, lib/core/cadence, which the panel and the server compute alike). A lead nobody owns
 * has no cadence, so nobody has tried yet.
 */
export type CouldNotReach = { allowed: true } | { allowed: false; attemptsLeft: number | null; message: string };

export function couldNotReach(cadence: CadenceState | null): CouldNotReach {
  if (cadence === null) {
    return { allowed: false, attemptsLeft: null, message: 'Could not reach needs a cadence first: the lead has no owner, so nobody has tried yet' };
  }
  if (cadence.attemptsLeft === 0) return { allowed: true };
  const left = cadence.attemptsLeft;
  return { allowed: false, attemptsLeft: left, message: `${left} ${left === 1 ? 'attempt' : 'attempts'} left before Could not reach` };
}
