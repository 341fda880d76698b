import { z } from 'zod';
import { IMPORT_FIELDS, type ImportMapping } from '../imports/fields';
import { DUPLICATE_CHOICES } from '../imports/plan';
import { Email, Instant, Slug } from './primitives';
import { LifecycleStage } from './vocabulary';

const Flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');

/** `mapping`: a JSON object of field → column header, e.g. {"email":"E-mail","name":"Full name"}. */
const MappingParam = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of field → column' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(IMPORT_FIELDS, { message: `must be one of ${IMPORT_FIELDS.join(', ')}` }), z.string().min(1).max(200)))
  .transform((m) => m as ImportMapping);

/**
 * `POST /v1/imports/contacts` query (the body is the CSV file itself). `dryRun` plans and changes nothing;
 * `duplicates` says what an address that is already a contact does; `goodRows` imports the good rows of a file that
 * has bad ones (without it, any bad row imports nothing); `mapping` absent: the one suggested from the header.
 */
export const ImportQuery = z.strictObject({
  dryRun: Flag.default(false),
  duplicates: z.enum(DUPLICATE_CHOICES, { message: 'must be update or skip' }).default('skip'),
  goodRows: Flag.default(false),
  mapping: MappingParam.optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportCounts = z.strictObject({
  rows: z.number().int().nonnegative(),
  create: z.number().int().nonnegative(),
  update: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  bad: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** One row of the report: its spreadsheet row (the header is row 1), the address, and what happens and why. */
export const ImportReportRow = z.strictObject({
  row: z.number().int().positive(),
  email: z.string().nullable(),
  action: z.enum(['create', 'update', 'skip', 'bad']),
  reasons: z.array(z.string()),
  contactId: z.string().nullable(),
});
export type ImportReportRow = z.infer<typeof ImportReportRow>;

/** At most this many rows are listed in a report (bad, skipped and updated ones first); the counts are always whole. */
export const IMPORT_REPORT_ROWS_MAX = 2000;

export const ImportReport = z.strictObject({
  dryRun: z.boolean(),
  /** False for a real run that imported nothing because of bad rows (the 400's body), or a dry run. */
  imported: z.boolean(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
  counts: ImportCounts,
  rows: z.array(ImportReportRow),
  /** More rows than `rows` lists. */
  truncated: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A line of the real run's NDJSON answer: progress while writing, then the report. */
export const ImportProgressLine = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('done'), report: ImportReport }),
  z.strictObject({ type: z.literal('error'), message: z.string() }),
]);
export type ImportProgressLine = z.infer<typeof ImportProgressLine>;

/** `GET /v1/exports/*.csv`: which contacts (and so whose activities and attempts). */
export const ExportQuery = z.strictObject({
  stage: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(LifecycleStage))
    .optional(),
  ownerEmail: Email.optional(),
  source: Slug.optional(),
  leadType: Slug.optional(),
  updatedSince: Instant.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

