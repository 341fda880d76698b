import type { DetectedContact } from '../messages/protocol';

/** A stable key for "the same page contacts": the switcher starts over when it changes. */
export function pageKey(page: { tabId: number; url: string; contacts: readonly DetectedContact[] } | null): string {
  if (page === null) return '';
  return `${page.tabId} ${page.url} ${page.contacts.map((c) => c.email.toLowerCase()).join(',')}`;
}

/**
 * How the person switcher names someone on the page, whole (never cut): the name, and under it the company the cache
 * knows, else the address (a name alone does not say which Dana). Someone with no name is their address, once.
 */
export function switcherLines(contact: Pick<DetectedContact, 'email' | 'name'>, cached: { name: string | null; company: string | null } | null): { primary: string; secondary: string | null } {
  const primary = cached?.name ?? contact.name ?? contact.email;
  const secondary = cached?.company ?? (primary === contact.email ? null : contact.email);
  return { primary, secondary };
}
