import type { DetectedContact } from '../messages/protocol';

/** A stable key for "the same page contacts": the switcher starts over when it changes. */
export function pageKey(page: { tabId: number; url: string; contacts: readonly DetectedContact[] } | null): string {
  if (page === null) return '';
  return `${page.tabId} ${page.url} ${page.contacts.map((c) => c.email.toLowerCase()).join(',')}`;
}
