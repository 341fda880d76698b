import type { MessageRequest, PAGE_HOSTS } from '../messages/protocol';
import type { DetectedContact } from './contacts';
import { MAX_CONTACTS } from './contacts';

// Type-only imports from lib/messages: a content script must not bundle zod (it would be most of its size). The
// background parses every message with the protocol's schema anyway (createMessageReceiver).

export type PageHost = (typeof PAGE_HOSTS)[number];
export type PageContacts = MessageRequest<'page.contacts'>;

/** The `page.contacts` envelope, as `sendTyped` would build it. */
export function pageContactsMessage(report: PageContacts): { type: 'page.contacts'; data: PageContacts } {
  return { type: 'page.contacts', data: report };
}

export function pageContacts(host: PageHost, href: string, contacts: DetectedContact[]): PageContacts {
  return { host, url: reportedUrl(href), contacts: contacts.slice(0, MAX_CONTACTS) };
}

/**
 * The page's URL as reported: the schema takes http(s) URLs up to 2048 characters, and Outlook's ids can make them
 * longer; then the query and hash are dropped, and at worst only the origin stays.
 */
export function reportedUrl(href: string): string {
  if (href.length <= 2048) return href;
  const url = new URL(href);
  const path = `${url.origin}${url.pathname}`;
  return path.length <= 2048 ? path : `${url.origin}/`;
}

/**
 * The background's question to a tab's content script when the tab finished loading: "what do you see now?". The
 * answer is a `page.contacts` request's data, parsed with the same schema. No answer (no Leadside reader on the page
 * any more) means the page has no contacts.
 */
export const PAGE_ASK = { type: 'page.ask' } as const;

export function isPageAsk(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGE_ASK.type;
}
