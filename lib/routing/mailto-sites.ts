import { MatchPattern } from 'wxt/utils/match-patterns';
import { MailtoSite } from '../stored/mailto-sites';

/**
 * The `mailto:` reader runs only on sites the rep turned it on for. Turning a site on (options page or panel, in the
 * click's handler):
 *
 *   await browser.permissions.request({ permissions: ['scripting'], origins: [`${origin}/*`] })
 *   → then `addMailtoSite(origin)` (lib/stored/mailto-sites.ts; `removeMailtoSite` turns it off).
 *
 * The background keeps one registered content script (`MAILTO_SCRIPT_ID`) matching the listed sites that are also
 * granted, and updates it when the list or the permissions change. `scripting` is optional, so nothing is asked at
 * install and the required permissions stay `sidePanel` and `alarms`.
 */
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
    const origin = MailtoSite.safeParse(site);
    if (origin.success && granted.some((pattern) => pattern.includes(`${origin.data}/`))) matches.add(`${origin.data}/*`);
  }
  return [...matches];
}
