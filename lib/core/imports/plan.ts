import { emailDomain } from '../scoring/fit';
import type { CheckedRow, ImportedRow } from './row';

/** What to do with a row whose address is already a contact: the person importing chooses. */
export const DUPLICATE_CHOICES = ['update', 'skip'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/** A contact the workspace already has, as the plan needs it. */
export interface ExistingContact {
  id: string;
  deleted: boolean;
  company: string | null;
}

export type PlannedRow =
  | { row: number; email: string; action: 'create'; data: ImportedRow; ownerId: string | null; reviveId: string | null }
  | { row: number; email: string; action: 'update'; data: ImportedRow; ownerId: string | null; contactId: string }
  | { row: number; email: string; action: 'skip'; reason: string; contactId: string | null }
  | { row: number; email: string | null; action: 'bad'; reasons: string[] };

export interface ImportPlan {
  rows: PlannedRow[];
  counts: { rows: number; create: number; update: number; skip: number; bad: number };
}

/**
 * Addresses at these domains are people, not companies: a row there never takes a company from another row's domain.
 * A short list of the big ones; a person can always fill the company column.
 */
const PERSONAL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'icloud.com',
  'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'yandex.ru', 'mail.ru', 'orange.fr',
]);

/** The domain whose company a row may share; null for personal mail. */
export function companyDomain(email: string): string | null {
  const domain = emailDomain(email);
  return domain === null || PERSONAL_DOMAINS.has(domain) ? null : domain;
}

/**
 * The dry run's plan, and the real run's: per row, in file order, create, update, skip (and why) or bad (and why).
 * - A row number (`row`) is its line in a spreadsheet: the header is row 1, the first record row 2.
 * - Dedupe by email: an address already a live contact is updated or skipped as the person chose; one whose contact was
 *   deleted is created again (revived, so the address stays unique); the second row with the same address in the file
 *   is skipped, naming the first.
 * - Companies by domain: a row with no company takes the company that contacts (or earlier rows) at the same company
 *   domain already have, so one company is one spelling.
 */
export function planImport(
  checked: readonly { row: number; result: CheckedRow }[],
  existing: ReadonlyMap<string, ExistingContact>,
  companiesByDomain: ReadonlyMap<string, string>,
  duplicates: DuplicateChoice,
): ImportPlan {
  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();
  const companies = new Map(companiesByDomain);
  for (const { row, result } of checked) {
    if (!result.ok) {
      rows.push({ row, email: result.email, action: 'bad', reasons: result.reasons });
      continue;
    }
    const email = result.row.email;
    const first = seen.get(email);
    if (first !== undefined) {
      rows.push({ row, email, action: 'skip', reason: `the same address as row ${first}`, contactId: null });
      continue;
    }
    seen.set(email, row);
    const domain = companyDomain(email);
    let data = result.row;
    if (domain !== null) {
      if (data.company === undefined && companies.has(domain)) data = { ...data, company: companies.get(domain)! };
      else if (data.company !== undefined && !companies.has(domain)) companies.set(domain, data.company);
    }
    const known = existing.get(email);
    if (known && !known.deleted) {
      if (duplicates === 'skip') rows.push({ row, email, action: 'skip', reason: `already a contact (${known.id})`, contactId: known.id });
      else rows.push({ row, email, action: 'update', data, ownerId: result.ownerId, contactId: known.id });
    } else {
      rows.push({ row, email, action: 'create', data, ownerId: result.ownerId, reviveId: known?.id ?? null });
    }
  }
  const count = (action: PlannedRow['action']) => rows.filter((r) => r.action === action).length;
  return { rows, counts: { rows: rows.length, create: count('create'), update: count('update'), skip: count('skip'), bad: count('bad') } };
}
