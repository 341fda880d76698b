import { z } from 'zod';
import { parseInput } from '../core/model/parse';
import { defineStoredItem, type StoredItem, type StoredItemSpec } from './item';

/** A site, kept as its origin ("https://www.example.com"): the `mailto:` reader runs on the whole site. */
export const MailtoSite = z
  .url({ protocol: /^https?$/, message: 'must be a web address such as https://www.example.com' })
  .transform((url) => new URL(url).origin);

/**
 * `local:mailtoSites`: the sites the rep turned the `mailto:` reader on for (lib/routing/mailto-sites.ts registers
 * it where the site's permission is granted too).
 *
 * v1: a list of origins.
 */
export const MAILTO_SITES: StoredItemSpec<string[]> = {
  key: 'local:mailtoSites',
  schema: z.array(MailtoSite).transform((sites) => [...new Set(sites)]),
  fallback: [],
  upgrades: [],
};

let item: StoredItem<string[]> | undefined;
export function mailtoSites(): StoredItem<string[]> {
  return (item ??= defineStoredItem(MAILTO_SITES));
}

/**
 * Turns the reader on for a site (the options page or the panel, after `browser.permissions.request({ permissions:
 * ['scripting'], origins: [`${origin}/*`] })` in the click's handler). Bad input throws and changes nothing.
 */
export async function addMailtoSite(site: string, sites: StoredItem<string[]> = mailtoSites()): Promise<string[]> {
  const origin = siteOrigin(site);
  return sites.update((current) => (current.includes(origin) ? current : [...current, origin]));
}

/** Turns the reader off for a site (its permission may stay: the registration needs both). */
export async function removeMailtoSite(site: string, sites: StoredItem<string[]> = mailtoSites()): Promise<string[]> {
  const origin = siteOrigin(site);
  return sites.update((current) => current.filter((listed) => listed !== origin));
}

function siteOrigin(site: string): string {
  const parsed = parseInput(MailtoSite, site, 'mailto site');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}
