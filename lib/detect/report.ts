import { MAX_CONTACTS, reportedUrl, type DetectedContact, type PageHost, type PageReport } from '../messages/page-protocol';

/** What a content script sends about its page: the contacts its reader found, within the message's limits. */
export function pageReport(host: PageHost, href: string, contacts: DetectedContact[]): PageReport {
  return { host, url: reportedUrl(href), contacts: contacts.slice(0, MAX_CONTACTS) };
}
