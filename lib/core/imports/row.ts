import { z } from 'zod';
import { ContactProfile } from '../model/contact';
import { CREATABLE_STAGES } from '../model/contact-requests';
import { Email, Slug } from '../model/primitives';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './fields';

const profile = ContactProfile.shape;
const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/**
 * One CSV row as a contact, after the mapping: every cell is text, so numbers and enums are read from text here with
 * the words a person would fix. Absent means the row left the field empty (an update keeps what the contact has).
 */
export const ImportedRow = z.strictObject({
  email: Email,
  name: Text(200).optional(),
  title: Text(200).optional(),
  company: Text(200).optional(),
  seniority: z
    .string()
    .transform((s) => s.toLowerCase().replace(/[\s-]+/g, '_'))
    .pipe(profile.seniority.unwrap().unwrap())
    .optional(),
  country: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(profile.country.unwrap().unwrap())
    .optional(),
  companySize: z
    .string()
    .transform((s) => s.replace(/[\s,_]/g, ''))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number'))
    .transform(Number)
    .pipe(z.number().max(10_000_000, 'must be at most 10000000'))
    .optional(),
  industry: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(Slug)
    .optional(),
  businessModel: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(profile.businessModel.unwrap().unwrap())
    .optional(),
  phone: Text(40).optional(),
  stage: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(CREATABLE_STAGES, { message: `must be one of ${CREATABLE_STAGES.join(', ')}` }))
    .optional(),
  leadType: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(Slug)
    .optional(),
  source: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(Slug)
    .optional(),
  ownerEmail: Email.optional(),
});
export type ImportedRow = z.infer<typeof ImportedRow>;

/** What a row is checked against beyond its own cells: the workspace's people and lead types. */
export interface RowContext {
  /** Active reps and managers by lower-cased email → user id. */
  owners: ReadonlyMap<string, string>;
  /** The lead types the workspace's cadence policies name; empty: any slug is accepted. */
  leadTypes: readonly string[];
}

export type CheckedRow = { ok: true; row: ImportedRow; ownerId: string | null } | { ok: false; email: string | null; reasons: string[] };

/** The cells of one record by field, through the mapping; empty cells (after trimming) are absent. */
export function cellsOf(record: readonly string[], headers: readonly string[], mapping: ImportMapping): Partial<Record<ImportField, string>> {
  const cells: Partial<Record<ImportField, string>> = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) {
    const index = headers.indexOf(column);
    const value = index === -1 ? undefined : record[index]?.trim();
    if (value !== undefined && value !== '') cells[field] = value;
  }
  return cells;
}

/**
 * One row checked: the zod reading of its cells, then the owner (an active rep or manager, by email) and the lead
 * type (one the workspace's policies name). Every reason is "field: what is wrong (the value)", all at once, so a
 * person fixes a row in one go.
 */
export function checkRow(cells: Partial<Record<ImportField, string>>, context: RowContext): CheckedRow {
  const parsed = ImportedRow.safeParse(cells);
  const email = cells.email?.trim().toLowerCase() ?? null;
  if (!parsed.success) {
    // In the order of the fields, whatever order the checks ran in.
    const issues = [...parsed.error.issues].sort((a, b) => IMPORT_FIELDS.indexOf(a.path[0] as ImportField) - IMPORT_FIELDS.indexOf(b.path[0] as ImportField));
    const reasons = issues.map((issue) => {
      const field = String(issue.path[0] ?? 'row');
      const value = cells[field as ImportField];
      const message = field === 'email' && value === undefined ? 'is missing' : issue.message;
      return value === undefined ? `${field}: ${message}` : `${field}: ${message} (${JSON.stringify(value)})`;
    });
    return { ok: false, email, reasons };
  }
  const row = parsed.data;
  const reasons: string[] = [];
  let ownerId: string | null = null;
  if (row.ownerEmail !== undefined) {
    ownerId = context.owners.get(row.ownerEmail) ?? null;
    if (ownerId === null) reasons.push(`ownerEmail: no active rep or manager of this workspace has the address ${row.ownerEmail}`);
  }
  if (row.leadType !== undefined && context.leadTypes.length > 0 && !context.leadTypes.includes(row.leadType)) {
    reasons.push(`leadType: ${row.leadType} is not a lead type of this workspace (${context.leadTypes.join(', ')})`);
  }
  return reasons.length > 0 ? { ok: false, email: row.email, reasons } : { ok: true, row, ownerId };
}
