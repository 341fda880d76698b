import { TrackingPolicy } from '../../lib/core/model/settings';
import type { WorkspaceSettings } from '../../lib/core/model/settings';

/**
 * The workspace's tracking policy with today's defaults filled in. Settings rows are stored as they were saved, so an
 * older row may lack `mode` (or still say `enabled`); one that no longer parses is read as `off`: when in doubt,
 * record nothing.
 */
export function trackingPolicyOf(settings: WorkspaceSettings | null | undefined): TrackingPolicy {
  const parsed = TrackingPolicy.safeParse((settings as { tracking?: unknown } | null | undefined)?.tracking ?? {});
  return parsed.success ? parsed.data : { mode: 'off', createLeadsFromForms: false, siteOrigins: [] };
}

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
