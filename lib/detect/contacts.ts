import { onePerAddress } from '../messages/contact-order';
import { MAX_CONTACTS, type ContactRole, type DetectedContact } from '../messages/page-protocol';

// No import of the message schema: zod stays out of the content scripts' bundles. The rules below match it.
export type { ContactRole, DetectedContact };

/** A page reader: a document and its URL in, the contacts it shows out. Pure: no browser API, no clock. */
export type PageReader = (doc: Document, url: URL) => DetectedContact[];

const MAX_NAME = 200;

/**
 * zod's email rule (the one `Email` in lib/core/model/primitives pipes into after lower-casing), copied so a content
 * script never sends an address the background would refuse: one bad address would drop the whole message.
 */
const EMAIL = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;

/** The address, trimmed and lower-cased, or null when it is not one. */
export function toEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** A display name as shown, or null when there is none (empty, or just the address again). */
export function toName(raw: string | null | undefined, email?: string): string | null {
  if (!raw) return null;
  const name = raw.replace(/\s+/g, ' ').trim().replace(/^["']+|["']+$/g, '').trim();
  if (!name || name.includes('@') || (email !== undefined && name.toLowerCase() === email)) return null;
  return name.slice(0, MAX_NAME);
}

/** The address of a `mailto:` link: decoded, query dropped; several addresses split. Invalid ones are left out. */
export function mailtoAddresses(href: string | null | undefined): string[] {
  if (!href || !/^mailto:/i.test(href)) return [];
  const target = href.slice('mailto:'.length).split('?')[0] ?? '';
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%": keep the raw text, the address check below still applies.
  }
  return decoded
    .split(/[,;]/)
    .map((part) => toEmail(part))
    .filter((email): email is string => email !== null);
}

/**
 * Addresses in a header-like text such as `Dana Ruiz <dana@buyer.example>; kofi@buyer.example`, with the name that
 * precedes each `<address>`. Names without an address are skipped: the message needs an email.
 */
export function parseAddressList(text: string | null | undefined): { email: string; name: string | null }[] {
  if (!text) return [];
  const found: { email: string; name: string | null }[] = [];
  // `"Ruiz, Dana" <dana@…>`, `Dana Ruiz <dana@…>`, or a bare `dana@…`.
  const pattern = /(?:"([^"]*)"|([^<>;,"]*))\s*<\s*([^<>\s]+)\s*>|([^\s<>;,:"()]+@[^\s<>;,:"()]+)/g;
  for (const match of text.matchAll(pattern)) {
    const email = toEmail(match[3] ?? match[4]);
    if (email) found.push({ email, name: match[3] ? toName(match[1] ?? match[2], email) : null });
  }
  return found;
}

/**
 * Collects contacts in page order, once per address: a repeat keeps the first place, fills in a missing name and
 * keeps the stronger role (lib/messages/contact-order.ts). Invalid addresses are left out.
 */
export function contactCollector() {
  const found: DetectedContact[] = [];
  return {
    add(rawEmail: string | null | undefined, rawName: string | null | undefined, role: ContactRole): void {
      const email = toEmail(rawEmail);
      if (email) found.push({ email, name: toName(rawName, email), role });
    },
    list(): DetectedContact[] {
      return onePerAddress(found).slice(0, MAX_CONTACTS);
    },
  };
}

/** The element's text with runs of white space made one space. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
