import { BREACH_NEWS_MS } from '../alerts/decide';
import type { CadenceState } from '../model/derived';

/**
 * The SLA breach a lead's cadence is in at `now`, as the alert rule sees it (lib/core/alerts/decide.ts `slaAlerts`):
 * a step past its due time, not paused, exited or complete, breached within the last BREACH_NEWS_MS. Its due time names
 * the breach, so the minute check that sees it again and again makes one event of it.
 */
export function slaBreachOf(cadence: CadenceState | null, now: Date): { dueAt: string; step: 'first_touch' | 'follow_up' } | null {
  if (cadence === null || cadence.nextDueAt === null) return null;
  if (cadence.status === 'paused' || cadence.status === 'exited' || cadence.status === 'complete') return null;
  const late = now.getTime() - Date.parse(cadence.nextDueAt);
  if (late <= 0 || late > BREACH_NEWS_MS) return null;
  return { dueAt: cadence.nextDueAt, step: cadence.attemptsDone === 0 ? 'first_touch' : 'follow_up' };
}
