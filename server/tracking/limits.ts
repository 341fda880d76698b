import type { Context } from 'hono';
import type { AppEnv, ServerDeps } from '../context';
import { clientAddress } from '../http/client-address';
import { ApiError } from '../http/errors';
import { RateLimiter } from '../http/rate-limit';

// Limits of the public tracking routes, kept per server (tests run several servers in one process).

const limiters = new WeakMap<ServerDeps, Map<string, RateLimiter>>();

function limiterFor(deps: ServerDeps, bucket: string, limit: number): RateLimiter {
  let byBucket = limiters.get(deps);
  if (!byBucket) limiters.set(deps, (byBucket = new Map()));
  let limiter = byBucket.get(bucket);
  if (!limiter) byBucket.set(bucket, (limiter = new RateLimiter(limit)));
  return limiter;
}

/** Counts one request against a bucket; seconds to wait when over it, else 0. */
export function overLimit(c: Context<AppEnv>, bucket: 'ip' | 'siteKey', key?: string): number {
  const deps = c.get('deps');
  const limit = bucket === 'ip' ? deps.limits.perIp : deps.limits.perSiteKey;
  return limiterFor(deps, `public:${bucket}`, limit).hit(key ?? clientAddress(c), deps.now().getTime());
}

export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError('rate_limited', `too many requests: try again in ${retryAfterSeconds} s`, undefined, { 'Retry-After': String(retryAfterSeconds) });
}

/** Throws 429 when the caller's address is over the per-address limit. */
export function enforceIpLimit(c: Context<AppEnv>): void {
  const wait = overLimit(c, 'ip');
  if (wait > 0) throw tooManyRequests(wait);
}

/** Open event streams a user may hold in one process: a few panels and windows, not a leak. */
export const MAX_STREAMS_PER_USER = 10;
const openStreams = new WeakMap<ServerDeps, Map<string, number>>();

/** Takes a stream slot for the user; answers how to give it back, or null when they hold the most already. */
export function takeStreamSlot(deps: ServerDeps, userId: string): (() => void) | null {
  let counts = openStreams.get(deps);
  if (!counts) openStreams.set(deps, (counts = new Map()));
  const held = counts.get(userId) ?? 0;
  if (held >= MAX_STREAMS_PER_USER) return null;
  counts.set(userId, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = (counts.get(userId) ?? 1) - 1;
    if (now <= 0) counts.delete(userId);
    else counts.set(userId, now);
  };
}
