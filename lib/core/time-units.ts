/** Durations in milliseconds, for instants held as numbers. A "day" here is 24 h of elapsed time, not a calendar day. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
