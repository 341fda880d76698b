import { contactCollector, mailtoAddresses, textOf, toEmail, type DetectedContact } from './contacts';
import type { WatchRoots } from './watch';

/**
 * HubSpot CRM: the email of a contact record; on a company record, the contacts associated with it. Selectors and
 * their sources: docs/hosts.md § HubSpot.
 *
 * Modelled on:
 * - https://app.hubspot.com/contacts/21234567/record/0-1/51234 (contact, About card in read mode)
 * - https://app-eu1.hubspot.com/contacts/25123456/record/0-1/9001 (contact, email being edited: an input)
 * - https://app.hubspot.com/contacts/21234567/record/0-2/7788 (company, contacts association card)
 * - https://app.hubspot.com/contacts/21234567/objects/0-1/views/all/list (the list: nothing is read)
 *
 * Decisions:
 * - The record is named by the URL (`/contacts/{portal}/record/{objectTypeId}/{id}`): 0-1 contact, 0-2 company; deals,
 *   tickets and lists are not read.
 *   The path is matched anywhere in it, so the end-to-end build's stand-in pages (`http://localhost/{host}/…`) read the
 *   same way.
 * - On a contact, only the record's own email property counts: the owner (the rep), the timeline's emails and the
 *   association cards are other people.
 * - On a company there is no single contact: the people in its contacts association card are offered, each as a
 *   record, as far as the card shows their address (a `mailto:` link).
 */
export function readHubSpot(doc: Document, url: URL): DetectedContact[] {
  const found = contactCollector();
  const object = /\/contacts\/\d+\/record\/(0-\d+)\/\d+(?:\/|$)/.exec(url.pathname)?.[1];
  if (object === '0-1') {
    const email = recordEmail(doc);
    if (email) found.add(email, recordName(doc), 'record');
  } else if (object === '0-2') {
    for (const card of doc.querySelectorAll('[data-selenium-test="card-id-ASSOCIATION_TABLE/0-1"]')) {
      for (const link of card.querySelectorAll('a[href^="mailto:" i]')) {
        for (const email of mailtoAddresses(link.getAttribute('href'))) found.add(email, rowName(link, card), 'record');
      }
    }
  }
  return found.list();
}

/** Other people's properties and emails: the owner, association cards, the timeline, previews in a dialog. */
const NOT_THE_RECORD = '[data-selenium-test^="card-id-ASSOCIATION"], [data-selenium-test*="timeline"], [role="dialog"]';
const SIDEBAR = '[data-scroll-trackable-container="left-sidebar"]';
const HIGHLIGHT =
  '[data-selenium-test="contact-highlight-details"], [data-selenium-component="ProfileHighlightContainer"], [data-card-type="OBJECT_HIGHLIGHT"]';

/**
 * The record's email property (read mode: its text; edit mode: the input's value), then the highlight card's `mailto:`
 * link, then an address shown as plain text in the highlight card.
 */
function recordEmail(doc: Document): string | null {
  const properties = [...doc.querySelectorAll('[data-selenium-test="property-input-email"]')].filter(
    (property) => !property.closest(NOT_THE_RECORD),
  );
  // The left sidebar holds the record's own About card: prefer it when several cards show the property.
  properties.sort((a, b) => Number(!a.closest(SIDEBAR)) - Number(!b.closest(SIDEBAR)));
  for (const property of properties) {
    const email = propertyValue(property);
    if (email) return email;
  }
  for (const link of doc.querySelectorAll(`:is(${HIGHLIGHT}) a[href^="mailto:" i]`)) {
    if (link.closest(NOT_THE_RECORD)) continue;
    const [email] = mailtoAddresses(link.getAttribute('href'));
    if (email) return email;
  }
  return highlightText(doc);
}

/**
 * The highlight card may show the address as plain text (no link): the first word of its text that is a whole
 * address. Only the record's own highlight card is read, never the rest of the page's text.
 */
function highlightText(doc: Document): string | null {
  for (const card of doc.querySelectorAll(HIGHLIGHT)) {
    if (card.closest(NOT_THE_RECORD)) continue;
    for (const word of textOf(card).split(/[\s,;()<>]+/)) {
      const email = toEmail(word);
      if (email) return email;
    }
  }
  return null;
}

function propertyValue(property: Element): string | null {
  const input = property.localName === 'input' ? (property as HTMLInputElement) : property.querySelector('input');
  if (input) return toEmail(input.value);
  const shown = property.querySelector('span.private-truncated-string__inner > span') ?? property;
  return toEmail(textOf(shown));
}

/** The highlight card's title, else first and last name, else the page title ("Dana Ruiz | HubSpot"). */
function recordName(doc: Document): string | null {
  for (const title of doc.querySelectorAll('[data-selenium-test="highlightTitle"]')) {
    if (!title.closest(NOT_THE_RECORD) && textOf(title)) return textOf(title);
  }
  const value = (field: string) =>
    doc.querySelector<HTMLInputElement>(`input[data-selenium-test="property-input-${field}"]`)?.value.trim() ?? '';
  const full = `${value('firstname')} ${value('lastname')}`.trim();
  if (full) return full;
  return doc.title.replace(/\s*\|\s*HubSpot.*$/, '').trim() || null;
}

/** The name on the association row that holds this link: the one chicklet title within the smallest row around it. */
function rowName(link: Element, card: Element): string | null {
  for (let row = link.parentElement; row && row !== card; row = row.parentElement) {
    const titles = row.querySelectorAll('[data-selenium-test="contact-chicklet-title-link"]');
    if (titles.length === 1) return textOf(titles[0]);
    if (titles.length > 1) return null;
  }
  return null;
}

/** HubSpot's record page: the app's main region (the record's cards are re-rendered inside it). */
export const HUBSPOT_ROOTS: WatchRoots = [['main', '[role="main"]', '#hs-app', 'body']];
