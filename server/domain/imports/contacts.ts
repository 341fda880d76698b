import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { IMPORT_FIELDS, suggestMapping, type ImportMapping } from '../../../lib/core/imports/fields';
import { planImport, type DuplicateChoice, type ExistingContact, type ImportPlan, type PlannedRow } from '../../../lib/core/imports/plan';
import { cellsOf, checkRow, type ImportedRow, type RowContext } from '../../../lib/core/imports/row';
import { IMPORT_REPORT_ROWS_MAX, type ImportReport, type ImportReportRow } from '../../../lib/core/model/imports';
import { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { badRequest } from '../../http/errors';
import { writeInWorkspace, type Db, type Queryable, type Tx } from '../../store/db';
import type { ContactRow } from '../../store/rows';
import { contacts, users, workspaces } from '../../store/schema';
import { contactsImported } from '../audit/changes';
import { recordAudit, type AuditActor } from '../audit/record';
import { insertContacts, reviveContact, type NewContact } from '../contacts/create';
import { OWNER_ROLES, reassignContact } from '../contacts/owners';
import { recordStageChange, type StageActor } from '../contacts/stage-history';
import type { CsvTable } from './parse-csv';

/** Rows written per statement batch; progress is reported after each. */
export const IMPORT_BATCH = 500;
/** The stage history's reason on every move an import makes. */
export const IMPORT_REASON = 'import';

export interface ImportRequest {
  workspaceId: string;
  /** Who runs it, for the audit log (a user, or the CLI). */
  actor: AuditActor;
  /** The person the stage history names as the importer (the CLI's `--as`); by default the audit actor's user. */
  importerId?: string;
  table: CsvTable;
  mapping?: ImportMapping;
  duplicates: DuplicateChoice;
  goodRows: boolean;
  now: Date;
}

/** The mapping used: the one asked for (each column must be in the header, email must be mapped) or the suggested one. */
export function mappingFor(headers: readonly string[], asked: ImportMapping | undefined): ImportMapping {
  const mapping = asked ?? suggestMapping(headers);
  const issues = Object.entries(mapping)
    .filter(([, column]) => !headers.includes(column))
    .map(([field, column]) => ({ path: `mapping.${field}`, message: `no column "${column}" in the header (${headers.join(', ')})` }));
  if (mapping.email === undefined) issues.push({ path: 'mapping.email', message: `no column is mapped to email (the header: ${headers.join(', ')})` });
  if (issues.length > 0) throw badRequest(`the mapping is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return mapping;
}

/** Checks every row and plans it against the workspace as it is now (read in `db`, the write transaction for a real run). */
export async function planContactsImport(db: Queryable, request: ImportRequest): Promise<{ plan: ImportPlan; mapping: ImportMapping }> {
  const { table, workspaceId } = request;
  const mapping = mappingFor(table.headers, request.mapping);
  const context = await rowContext(db, workspaceId);
  const checked = table.records.map((record, index) => ({ row: index + 2, result: checkRow(cellsOf(record, table.headers, mapping), context) }));
  const emails = [...new Set(checked.flatMap(({ result }) => (result.ok ? [result.row.email] : [])))];
  const existing = new Map<string, ExistingContact>();
  for (let i = 0; i < emails.length; i += 5000) {
    const rows = await db
      .select({ id: contacts.id, email: contacts.email, deletedAt: contacts.deletedAt, company: contacts.company })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.email, emails.slice(i, i + 5000))));
    for (const r of rows) existing.set(r.email, { id: r.id, deleted: r.deletedAt !== null, company: r.company });
  }
  const plan = planImport(checked, existing, await companiesByDomain(db, workspaceId), request.duplicates);
  return { plan, mapping };
}

/** The dry run: the plan as a report; nothing is written. */
export async function dryRunImport(db: Db, request: ImportRequest): Promise<ImportReport> {
  const { plan, mapping } = await planContactsImport(db, request);
  return reportOf(request, plan, mapping, true, false);
}

/**
 * The real run, in the workspace's write transaction: planned again under its lock (so the plan is what is written),
 * refused whole (a 400 carrying the report) when a row is bad and the person did not choose to import the good rows,
 * then written in batches with `onProgress` after each, and one audit event with the counts.
 */
export async function runImport(db: Db, request: ImportRequest, onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  return writeInWorkspace(db, request.workspaceId, async (tx) => {
    const { plan, mapping } = await planContactsImport(tx, request);
    if (plan.counts.bad > 0 && !request.goodRows) {
      const report = reportOf(request, plan, mapping, false, false);
      const first = plan.rows.find((r) => r.action === 'bad');
      const error = badRequest(
        `${plan.counts.bad} of ${plan.counts.rows} rows are not valid, so nothing was imported (choose to import the good rows to skip them): ${first && first.action === 'bad' ? `row ${first.row}: ${first.reasons.join('; ')}` : ''}`,
        plan.rows.flatMap((r) => (r.action === 'bad' ? r.reasons.map((message) => ({ path: `row ${r.row}`, message })) : [])).slice(0, 100),
      );
      throw Object.assign(error, { report });
    }
    const importerId = request.importerId ?? request.actor.userId;
    const by: StageActor = importerId === undefined ? { kind: 'import' } : { kind: 'import', userId: importerId };
    const work = plan.rows.filter((r) => r.action === 'create' || r.action === 'update');
    onProgress?.(0, work.length);
    for (let i = 0; i < work.length; i += IMPORT_BATCH) {
      const batch = work.slice(i, i + IMPORT_BATCH);
      await writeBatch(tx, request, batch, by);
      onProgress?.(Math.min(i + IMPORT_BATCH, work.length), work.length);
    }
    await recordAudit(tx, request.actor, contactsImported(request.now, request.workspaceId, plan.counts));
    return reportOf(request, plan, mapping, false, true);
  });
}

async function writeBatch(tx: Tx, request: ImportRequest, batch: readonly PlannedRow[], by: StageActor): Promise<void> {
  const { workspaceId, now } = request;
  const fresh: NewContact[] = [];
  for (const planned of batch) {
    if (planned.action === 'create' && planned.reviveId === null) fresh.push(newContactOf(planned.data, planned.ownerId));
  }
  await insertContacts(tx, workspaceId, fresh, now, by, IMPORT_REASON);
  for (const planned of batch) {
    if (planned.action === 'create' && planned.reviveId !== null) {
      const [deleted] = await tx.select().from(contacts).where(eq(contacts.id, planned.reviveId));
      if (deleted) await reviveContact(tx, deleted, newContactOf(planned.data, planned.ownerId), now, by, IMPORT_REASON);
    } else if (planned.action === 'update') {
      await updateContact(tx, request, planned.contactId, planned.data, planned.ownerId, by);
    }
  }
}

function newContactOf(data: ImportedRow, ownerId: string | null): NewContact {
  const { ownerEmail: _ownerEmail, stage, source, ...fields } = data;
  return { ...fields, stage: stage ?? 'lead', source: source ?? 'import', ownerId };
}

/**
 * An update writes the fields the row fills and keeps the others: a stage that differs is a move in the stage history
 * (by the import), an owner who differs is a reassignment (the SLA clock restarts, as for any).
 */
async function updateContact(tx: Tx, request: ImportRequest, contactId: string, data: ImportedRow, ownerId: string | null, by: StageActor): Promise<void> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, contactId));
  if (!row) return;
  let contact: ContactRow = row;
  if (ownerId !== null && ownerId !== contact.ownerId) contact = await reassignContact(tx, request.actor, contact, ownerId, request.now);
  const { ownerEmail: _ownerEmail, email: _email, stage, ...fields } = data;
  const changes: Partial<ContactRow> = { ...fields };
  const moves = stage !== undefined && stage !== contact.stage;
  if (moves) Object.assign(changes, { stage, stageReason: null, stageReasonCode: null });
  if (Object.keys(changes).length === 0) return;
  await tx.update(contacts).set({ ...changes, updatedAt: request.now }).where(eq(contacts.id, contact.id));
  if (moves) {
    await recordStageChange(tx, { workspaceId: request.workspaceId, contactId, from: contact.stage as LifecycleStage, to: stage, at: request.now, by, reason: IMPORT_REASON });
  }
}

async function rowContext(db: Queryable, workspaceId: string): Promise<RowContext> {
  const owners = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.disabled, false), inArray(users.role, [...OWNER_ROLES])));
  const [ws] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const settings = WorkspaceSettings.safeParse(ws?.settings);
  const leadTypes = settings.success ? settings.data.policies.flatMap((p) => p.leadTypes) : [];
  return { owners: new Map(owners.map((o) => [o.email.toLowerCase(), o.id])), leadTypes };
}

/** The company each company domain's contacts already name (the first, by contact id). */
async function companiesByDomain(db: Queryable, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ email: contacts.email, company: contacts.company })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt), isNotNull(contacts.company)))
    .orderBy(contacts.id);
  const map = new Map<string, string>();
  for (const r of rows) {
    const domain = r.email.slice(r.email.lastIndexOf('@') + 1);
    if (r.company && !map.has(domain)) map.set(domain, r.company);
  }
  return map;
}

function reportOf(request: ImportRequest, plan: ImportPlan, mapping: ImportMapping, dryRun: boolean, imported: boolean): ImportReport {
  // Bad, skipped and updated rows first: they are what a person reads the report for.
  const order = { bad: 0, skip: 1, update: 2, create: 3 } as const;
  const sorted = [...plan.rows].sort((a, b) => order[a.action] - order[b.action] || a.row - b.row);
  const rows: ImportReportRow[] = sorted.slice(0, IMPORT_REPORT_ROWS_MAX).map((r) => ({
    row: r.row,
    email: r.email,
    action: r.action,
    reasons: r.action === 'bad' ? r.reasons : r.action === 'skip' ? [r.reason] : [],
    contactId: r.action === 'update' || r.action === 'skip' ? r.contactId : r.action === 'create' ? r.reviveId : null,
  }));
  const used = Object.fromEntries(IMPORT_FIELDS.flatMap((f) => (mapping[f] === undefined ? [] : [[f, mapping[f]]])));
  return { dryRun, imported, headers: request.table.headers, mapping: used, counts: plan.counts, rows, truncated: plan.rows.length > rows.length };
}
