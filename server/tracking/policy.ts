import type { TrackingPolicy } from '../../lib/core/model/settings';

/** Whether an `Origin` header names one of the policy's site origins. */
export function isSiteOrigin(policy: TrackingPolicy, origin: string | null | undefined): origin is string {
  if (!origin || origin === 'null') return false;
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return false;
  }
  return policy.siteOrigins.some((allowed) => sameOrigin(allowed, normalized));
}

/** Whether a URL's origin is one of the policy's site origins (where a tracked link may add the identification). */
export function isOnSite(policy: TrackingPolicy, url: string): boolean {
  try {
    return isSiteOrigin(policy, new URL(url).origin);
  } catch {
    return false;
  }
}

function sameOrigin(allowed: string, origin: string): boolean {
  try {
    return new URL(allowed).origin === origin;
  } catch {
    return false;
  }
}
