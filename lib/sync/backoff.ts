const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/**
 * How long to wait after `failures` failures in a row: doubling from 2 s up to 5 minutes, with "full jitter" (a random
 * share of it) so many panels coming back online do not hit the server in step. A server's Retry-After wins when longer.
 */
export function backoffDelay(failures: number, random: () => number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}
