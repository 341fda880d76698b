import { hostOf } from '../detect';

/** What the panel offers for the followed tab's site: nothing, the switch, or the word that it is on. */
export type SiteOffer = { kind: 'none' } | { kind: 'off' | 'on'; origin: string; label: string };

/**
 * The `mailto:` switch for the tab's site: offered on web pages that none of the five host readers covers (those read
 * already); `on` when the rep listed the site. No address (the browser hides it) offers nothing.
 */
export function siteOffer(tabUrl: string | null, listed: readonly string[]): SiteOffer {
  if (!tabUrl) return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return { kind: 'none' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || hostOf(url) !== 'mailto') return { kind: 'none' };
  return { kind: listed.includes(url.origin) ? 'on' : 'off', origin: url.origin, label: siteLabel(url.origin) };
}

/** A site as people say it: its host (with the port when there is one), "http://" kept only for plain http. */
export function siteLabel(origin: string): string {
  const url = new URL(origin);
  return url.protocol === 'http:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1' ? `http://${url.host}` : url.host;
}
