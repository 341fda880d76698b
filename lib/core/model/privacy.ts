import { z } from 'zod';
import { JsonValue } from './audit';
import { Email, Id } from './primitives';

// Privacy requests about one contact (`/v1/privacy`, `privacy export|erase` in the CLI, the dashboard's "Privacy
// requests"): everything held about them, as JSON or CSV, and erasing it.

/** The contact a request is about: by id or by email address, exactly one of them. */
const subjectFields = { contactId: Id.optional(), email: Email.optional() };
const oneSubject = (v: { contactId?: string; email?: string }) => (v.contactId === undefined) !== (v.email === undefined);
const oneSubjectIssue = { message: 'give exactly one of contactId or email', path: ['email'] };

export const PrivacySubjectQuery = z.strictObject(subjectFields).refine(oneSubject, oneSubjectIssue);
export type PrivacySubjectQuery = z.infer<typeof PrivacySubjectQuery>;

export const PRIVACY_EXPORT_FORMATS = ['json', 'csv'] as const;
export const PrivacyExportFormat = z.enum(PRIVACY_EXPORT_FORMATS, { message: 'must be json or csv' });
export type PrivacyExportFormat = z.infer<typeof PrivacyExportFormat>;

export const PrivacyExportQuery = z
  .strictObject({ ...subjectFields, format: PrivacyExportFormat.default('json') })
  .refine(oneSubject, oneSubjectIssue);
export type PrivacyExportQuery = z.infer<typeof PrivacyExportQuery>;

/**
 * Erasing is final, so the request carries the contact's email address typed again (`confirmEmail`); one that is not
 * the contact's answers 400 and erases nothing.
 */
export const PrivacyEraseRequest = z
  .strictObject({ ...subjectFields, confirmEmail: Email })
  .refine(oneSubject, oneSubjectIssue);
export type PrivacyEraseRequest = z.infer<typeof PrivacyEraseRequest>;

/** The kinds of data an export holds, in the order it lists them (a CSV section each). */
export const PRIVACY_KINDS = [
  'contact',
  'activities',
  'attempts',
  'stageChanges',
  'questions',
  'trackedEmails',
  'visitors',
  'visitorEvents',
  'alerts',
  'alertMessages',
  'webhookDeliveries',
  'suggestedLeads',
  'scopeEntries',
  'auditEvents',
] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

const Row = z.record(z.string(), JsonValue);
export type PrivacyRow = z.infer<typeof Row>;

/** Who a request found, with how many rows of each kind are held about them (what the dashboard shows before acting). */
export const PrivacySubject = z.object({
  contactId: Id,
  email: Email,
  name: z.string().nullable(),
  company: z.string().nullable(),
  /** Deleted from the lists (soft): its data is still held until it is erased. */
  deleted: z.boolean(),
  counts: z.record(z.enum(PRIVACY_KINDS), z.number().int().nonnegative()),
});
export type PrivacySubject = z.infer<typeof PrivacySubject>;

/** `GET /v1/privacy/export?format=json`: every row held about the contact, by kind (column names as stored). */
export const PrivacyExport = z.object({
  exportedAt: z.string(),
  workspaceId: Id,
  contactId: Id,
  data: z.object(Object.fromEntries(PRIVACY_KINDS.map((k) => [k, z.array(Row)])) as Record<PrivacyKind, z.ZodArray<typeof Row>>),
});
export type PrivacyExport = z.infer<typeof PrivacyExport>;

/** What an erasure removed: the rows of each kind, by count (nothing else about the contact is kept). */
export const PrivacyEraseResult = z.object({
  contactId: Id,
  erasedAt: z.string(),
  removed: z.record(z.string(), z.number().int().nonnegative()),
});
export type PrivacyEraseResult = z.infer<typeof PrivacyEraseResult>;
