import { MatchPattern } from 'wxt/utils/match-patterns';

/**
 * The `mailto:` reader runs only on sites the rep turned it on for. Turning a site on (options page or panel, in the
 * click's handler):
 *
 *   await browser.permissions.request({ permissions: ['scripting'], origins: [`${origin}/*`] })
 *   → then add `origin` ("https://www.example.com") to the list under `MAILTO_SITES_KEY` in `browser.storage.local`.
 *
 * The background keeps one registered content script (`MAILTO_SCRIPT_ID`) matching the listed sites that are also
 * granted, and updates it when the list or the permissions change. `scripting` is optional, so nothing is asked at
 * install and the required permissions stay `sidePanel` and `alarms`.
 */
export const MAILTO_SITES_KEY = 'mailtoSites';
export const MAILTO_SCRIPT_ID = 'leadside-mailto';
/** Where WXT builds entrypoints/mailto.content.ts. */
export const MAILTO_SCRIPT_FILE = 'content-scripts/mailto.js';

/** The match patterns to register: the listed origins that a granted host permission covers. */
export function mailtoMatches(sites: unknown, grantedOrigins: readonly string[]): string[] {
  if (!Array.isArray(sites)) return [];
  const granted = grantedOrigins.flatMap((pattern) => {
    try {
      return [new MatchPattern(pattern)];
    } catch {
      return [];
    }
  });
  const matches = new Set<string>();
  for (const site of sites) {
    const origin = originOf(site);
    if (origin && granted.some((pattern) => pattern.includes(`${origin}/`))) matches.add(`${origin}/*`);
  }
  return [...matches];
}

function originOf(site: unknown): string | null {
  if (typeof site !== 'string') return null;
  try {
    const url = new URL(site);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
