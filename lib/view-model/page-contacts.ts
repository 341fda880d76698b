import type { DetectedContact } from '../messages/protocol';

/** The other party of a thread first, then the record a CRM page is about, then recipients, then links. */
const ROLE_ORDER: Readonly<Record<DetectedContact['role'], number>> = { sender: 0, record: 1, recipient: 2, link: 3 };

/**
 * The contacts a page shows, in the order the switcher lists them: the external sender first (the person the rep is
 * most likely talking to), then by role, otherwise as the page listed them. Each address once (its first, best role).
 */
export function orderPageContacts(contacts: readonly DetectedContact[]): DetectedContact[] {
  const seen = new Map<string, { contact: DetectedContact; index: number }>();
  contacts.forEach((contact, index) => {
    const email = contact.email.toLowerCase();
    const before = seen.get(email);
    if (!before || ROLE_ORDER[contact.role] < ROLE_ORDER[before.contact.role]) {
      seen.set(email, { contact: { ...contact, email, name: contact.name ?? before?.contact.name ?? null }, index: before?.index ?? index });
    }
  });
  return [...seen.values()]
    .sort((a, b) => ROLE_ORDER[a.contact.role] - ROLE_ORDER[b.contact.role] || a.index - b.index)
    .map((entry) => entry.contact);
}

/** A stable key for "the same page contacts": the switcher starts over when it changes. */
export function pageKey(page: { tabId: number; url: string; contacts: readonly DetectedContact[] } | null): string {
  if (page === null) return '';
  return `${page.tabId} ${page.url} ${page.contacts.map((c) => c.email.toLowerCase()).join(',')}`;
}
