import { contactCollector, mailtoAddresses, textOf, toEmail, type DetectedContact } from './contacts';
import type { WatchRoots } from './watch';
import { deepQuerySelector, deepQuerySelectorAll, deepText, queryScopes, shadowScopes, type Scope } from './shadow';

/**
 * Salesforce Lightning: the email and name of a lead or contact record, read through shadow roots (see ./shadow.ts).
 * Selectors and their sources: docs/hosts.md § Salesforce.
 *
 * Modelled on:
 * - https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view (native shadow; synthetic shadow)
 * - https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZaBAAV/view (details not rendered yet: the
 *   highlights panel only)
 * - https://acme.lightning.force.com/lightning/r/Account/0015g00000QwErTAAV/view (an account: nothing is read)
 *
 * Decisions:
 * - The object comes from the URL (`/lightning/r/{Object}/{id}/view`, or the id's prefix: 00Q lead, 003 contact).
 *   The path is matched anywhere in it, so the end-to-end build's stand-in pages (`http://localhost/{host}/…`) read the
 *   same way.
 * - Lightning keeps earlier record pages in the DOM, hidden: only the active one (`.windowViewMode-normal`) is read.
 * - The field's App Builder hook (`data-target-selection-name="sfdc:RecordField.Lead.Email"`) first, the English
 *   `field-label="Email"` next, the highlights panel last. The owner, related lists and the activity timeline hold
 *   other people and are never read.
 */
export function readSalesforce(doc: Document, url: URL): DetectedContact[] {
  const found = contactCollector();
  const object = recordObject(url);
  if (!object) return [];
  const page = deepQuerySelector(doc, '.windowViewMode-normal') ?? doc;
  // The page's shadow roots, found once: each query below runs in every one of them.
  const scopes = shadowScopes(page);
  const email = fieldEmail(scopes, object) ?? highlightsEmail(scopes);
  if (email) found.add(email, recordName(scopes, doc, object), 'record');
  return found.list();
}

function recordObject(url: URL): 'Lead' | 'Contact' | null {
  const match = /\/lightning\/r\/(?:(\w+)\/)?(\w{15}|\w{18})\/view(?:\/|$)/.exec(url.pathname);
  if (!match) return null;
  const named = match[1] ?? { '00Q': 'Lead', '003': 'Contact' }[match[2]!.slice(0, 3)];
  return named === 'Lead' || named === 'Contact' ? named : null;
}

function fieldItems(scopes: Scope[], object: string, field: string, label: string): Element[] {
  const hooked = queryScopes(scopes, `[data-target-selection-name="sfdc:RecordField.${object}.${field}"]`);
  return hooked.length > 0 ? hooked : queryScopes(scopes, `records-record-layout-item[field-label="${label}"]`);
}

function fieldEmail(scopes: Scope[], object: string): string | null {
  for (const item of fieldItems(scopes, object, 'Email', 'Email')) {
    const email = emailIn(item);
    if (email) return email;
  }
  return null;
}

function highlightsEmail(scopes: Scope[]): string | null {
  for (const panel of queryScopes(scopes, 'records-lwc-highlights-panel, records-highlights2')) {
    const email = emailIn(panel);
    if (email) return email;
  }
  return null;
}

/** A `lightning-formatted-email`'s link (or its text), else any `mailto:` link in the element. */
function emailIn(root: Element): string | null {
  for (const formatted of deepQuerySelectorAll(root, 'lightning-formatted-email')) {
    const link = deepQuerySelector(formatted, 'a[href^="mailto:" i]');
    const email = mailtoAddresses(link?.getAttribute('href'))[0] ?? toEmail(deepText(formatted));
    if (email) return email;
  }
  for (const link of deepQuerySelectorAll(root, 'a[href^="mailto:" i]')) {
    const [email] = mailtoAddresses(link.getAttribute('href'));
    if (email) return email;
  }
  return null;
}

/** The Name field, the highlights panel's title, or the tab title ("Dana Ruiz | Lead | Salesforce"). */
function recordName(scopes: Scope[], doc: Document, object: string): string | null {
  for (const item of fieldItems(scopes, object, 'Name', 'Name')) {
    const formatted = deepQuerySelector(item, 'lightning-formatted-name');
    const name = formatted ? deepText(formatted) : '';
    if (name) return name;
  }
  for (const panel of queryScopes(scopes, 'records-lwc-highlights-panel, records-highlights2')) {
    const formatted = deepQuerySelector(panel, 'lightning-formatted-name');
    if (formatted && deepText(formatted)) return deepText(formatted);
  }
  const title = new RegExp(`^(.+?)\\s*\\|\\s*${object}\\s*\\|\\s*Salesforce`).exec(textOf(doc.querySelector('title')));
  return title?.[1] ?? null;
}

/** Lightning's content area (the record pages live under it), and its shadow roots: see `shadowRoots`. */
export const SALESFORCE_ROOTS: WatchRoots = [['.oneContent', '[role="main"]', 'body']];
