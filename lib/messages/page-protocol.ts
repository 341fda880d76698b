import type { DetectedContact, ParsedRequest } from './protocol';

// What a content script and the background both use about a page's report. Type-only imports, and no other module:
// content scripts import this, and zod (most of ./protocol.ts's weight) must stay out of their bundles.

/** Hosts a content script reads contacts from (docs/hosts.md). */
export const PAGE_HOSTS = ['gmail', 'outlook', 'hubspot', 'salesforce', 'pipedrive', 'mailto'] as const;
export type PageHost = (typeof PAGE_HOSTS)[number];

/**
 * Where on the page a contact shows, strongest first: the thread's sender, a recipient, the CRM record, a `mailto:`
 * link. The panel lists a page's people in this order (./contact-order.ts).
 */
export const CONTACT_ROLES = ['sender', 'recipient', 'record', 'link'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** At most this many contacts in one report (the schema's `page.contacts` limit). */
export const MAX_CONTACTS = 50;
/** The longest page URL a report carries (the schema's `HttpUrl`). */
const MAX_URL = 2048;

/** What a content script reports about its page: a `page.contacts` request's data. */
export type PageReport = ParsedRequest<'page.contacts'>;
export type { DetectedContact };

/** The `page.contacts` envelope, as `sendTyped` would build it. */
export function pageReportMessage(report: PageReport): { type: 'page.contacts'; data: PageReport } {
  return { type: 'page.contacts', data: report };
}

/**
 * The page's URL as reported: the schema takes http(s) URLs up to 2048 characters, and Outlook's ids can make them
 * longer; then the query and hash are dropped, and at worst only the origin stays.
 */
export function reportedUrl(href: string): string {
  if (href.length <= MAX_URL) return href;
  const url = new URL(href);
  const path = `${url.origin}${url.pathname}`;
  return path.length <= MAX_URL ? path : `${url.origin}/`;
}

/**
 * The background's question to a tab's content script when the tab finished loading: "what do you see now?". The
 * answer is a `PageReport`, parsed with the `page.contacts` schema. No answer (no Leadside reader on the page any
 * more) means the page has no contacts.
 */
export const PAGE_ASK = { type: 'page.ask' } as const;

export function isPageAsk(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGE_ASK.type;
}
