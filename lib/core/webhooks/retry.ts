import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time-units';

/**
 * The waits after each failed try of a webhook delivery, Svix's schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. With
 * the first try that is eight tries over about 27 hours ("retried for a day"); after the last failure it is given up.
 */
export const WEBHOOK_RETRY_SCHEDULE_MS = [5_000, 5 * MINUTE_MS, 30 * MINUTE_MS, 2 * HOUR_MS, 5 * HOUR_MS, 10 * HOUR_MS, 10 * HOUR_MS] as const;

/** The wait before the next try after `failures` failed ones (1 = the first try failed), or null: give up. */
export function webhookRetryDelayMs(failures: number): number | null {
  return WEBHOOK_RETRY_SCHEDULE_MS[failures - 1] ?? null;
}

/** An endpoint that has answered nothing but failures for this long is turned off (its admins see why). */
export const WEBHOOK_DISABLE_AFTER_MS = DAY_MS;

/** Whether an endpoint failing since `failingSince` (its first failure after its last success) is turned off now. */
export function webhookEndpointGivesUp(failingSince: Date, now: Date): boolean {
  return now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
}
