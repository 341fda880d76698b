import { contactCollector, mailtoAddresses, textOf, toEmail, type DetectedContact } from './contacts';
import type { WatchRoots } from './watch';

/**
 * Pipedrive: the email addresses of a person, and of the person on a deal. Selectors and their sources:
 * docs/hosts.md § Pipedrive, the least grounded host (no public capture of the person sidebar was found): the
 * field hooks (`data-test-key="email"`) are the ones Pipedrive's own grid and forms carry.
 *
 * Modelled on:
 * - https://acme.pipedrive.com/person/1234 (two addresses, "(Work)" and "(Home)")
 * - https://acme.pipedrive.com/deal/88 (the deal's person block)
 * - https://acme.pipedrive.com/persons/list (the list: nothing is read)
 *
 * Decisions:
 * - Only `/person/{id}` and `/deal/{id}` are read, and only the first email field outside the owner's, the activity
 *   flow's (which quotes mails) and dialogs': followers and other people's cards come after the contact's own.
 *   The path is matched anywhere in it, so the end-to-end build's stand-in pages (`http://localhost/{host}/…`) read the
 *   same way.
 * - Values carry a type suffix ("dana@buyer.example (Work)"), dropped; every address of the person is returned.
 */
export function readPipedrive(doc: Document, url: URL): DetectedContact[] {
  const found = contactCollector();
  const page = /\/(person|deal)\/\d+(?:\/|$)/.exec(url.pathname)?.[1];
  if (!page) return [];
  // The contact's own email field is the first one on the page outside the zones below; later ones (followers, other
  // people's cards) are not the contact.
  const field = [...doc.querySelectorAll('[data-test-key="email"]')].find((f) => !f.closest(NOT_THE_CONTACT));
  if (field) {
    const name = page === 'person' ? personName(doc) : dealPersonName(field);
    for (const email of fieldEmails(field)) found.add(email, name, 'record');
  }
  return found.list();
}

const NOT_THE_CONTACT = '[data-test-key="owner_id"], [data-test-key="user_id"], [data-testid*="flow" i], [role="dialog"]';

/** A field's addresses: its `mailto:` links, else each value line with its "(Work)" suffix dropped. */
function fieldEmails(field: Element): string[] {
  const links = [...field.querySelectorAll('a[href^="mailto:" i]')].flatMap((a) => mailtoAddresses(a.getAttribute('href')));
  if (links.length > 0) return links;
  const input = field.localName === 'input' ? (field as HTMLInputElement) : field.querySelector('input');
  if (input) return [toEmail(input.value)].filter((e): e is string => e !== null);
  // Plain text: "dana@buyer.example (Work) dana.ruiz@home.example (Home)".
  const values = textOf(field).replace(/\([^)]*\)/g, ' ').split(/[\s,;]+/);
  return values.map((v) => toEmail(v)).filter((e): e is string => e !== null);
}

/**
 * The person page's name field, else the English title ("Dana Ruiz - contact details"), else the header title
 * (`data-testid="header-title"`, the same in every UI language, when the title is translated or not set yet).
 */
function personName(doc: Document): string | null {
  const field = doc.querySelector('[data-test-key="name"]');
  const shown = field?.localName === 'input' ? (field as HTMLInputElement).value : textOf(field);
  if (shown.trim()) return shown.trim();
  const titled = /^(.+?)\s+-\s+contact details/.exec(doc.title)?.[1];
  if (titled) return titled;
  const header = [...doc.querySelectorAll('[data-testid="header-title"]')].find((h) => !h.closest(NOT_THE_CONTACT));
  return textOf(header) || null;
}

/** On a deal: the person link in the smallest block around the email field. */
function dealPersonName(field: Element): string | null {
  for (let block = field.parentElement; block; block = block.parentElement) {
    const people = block.querySelectorAll('a[href*="/person/"]');
    if (people.length === 1) return textOf(people[0]);
    if (people.length > 1) return null;
  }
  return null;
}

/** Pipedrive's app region (person and deal pages render inside it). */
export const PIPEDRIVE_ROOTS: WatchRoots = [['main', '#app', 'body']];
