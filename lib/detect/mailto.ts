import { contactCollector, mailtoAddresses, textOf, type DetectedContact } from './contacts';
import type { WatchRoots } from './watch';

/**
 * Any page the rep turns on: explicit `mailto:` links only, decoded (`%40`), the query (`?subject=`) dropped, several
 * addresses split. The link's text is the name unless it is an address (or a sentence of one: "Write to us").
 * Addresses in plain text, and obfuscated ones (`name [at] domain [dot] tld`), are deliberately left alone: only a link
 * says "this is someone to write to". See docs/hosts.md § Generic pages (mailto).
 *
 * Modelled on: https://www.example.com/team (a team page), https://www.example.com/contact (a contact form page with
 * a multi-address link and a link with a subject).
 */
export function readMailto(doc: Document, _url: URL): DetectedContact[] {
  const found = contactCollector();
  for (const link of doc.querySelectorAll('a[href^="mailto:" i]')) {
    const emails = mailtoAddresses(link.getAttribute('href'));
    const text = textOf(link);
    // A name is one person's: a link to several addresses has none, nor has a long label.
    const name = emails.length === 1 && text.length <= 80 ? text : null;
    for (const email of emails) found.add(email, name, 'link');
  }
  return found.list();
}

/** Any page: its links can be anywhere, so the body (this reader runs only where the rep turned it on). */
export const MAILTO_ROOTS: WatchRoots = [['body']];
