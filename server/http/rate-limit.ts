import type { RateLimits } from '../context';

/**
 * A fixed-window counter per key (a token, an address, a site key) kept in this process. A request is admitted while
 * its key has some of the minute's budget left, and then costs its weight (see request-cost.ts), so a costly request
 * can spend the rest of the minute at once. Behind a load balancer each process holds its own counters: give each its
 * share with `perProcessShare`.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Admits and counts one request of `weight`; answers how many seconds to wait when over the limit, else 0. */
  hit(key: string, now: number, weight = 1): number {
    const w = this.current(key, now);
    if (w.count >= this.limit) return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    w.count += weight;
    return 0;
  }

  /** Adds to what an admitted request costs, once its size is known; never refuses it. */
  spend(key: string, now: number, weight: number): void {
    this.current(key, now).count += weight;
  }

  private current(key: string, now: number): { start: number; count: number } {
    const w = this.windows.get(key);
    if (w && now - w.start < this.windowMs) return w;
    if (this.windows.size > 50_000) this.sweep(now);
    const fresh = { start: now, count: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/**
 * What one of `processes` API processes may allow, so that together they allow about the configured limits (the load
 * balancer spreads clients over them). Never below 1.
 */
export function perProcessShare(limits: RateLimits, processes: number): RateLimits {
  const share = (limit: number) => Math.max(1, Math.floor(limit / processes));
  return { perToken: share(limits.perToken), perIp: share(limits.perIp), perSiteKey: share(limits.perSiteKey) };
}
