import { and, asc, eq, gt, gte, inArray, isNull, type SQL } from 'drizzle-orm';
import Papa from 'papaparse';
import { safeCell } from '../../../lib/core/imports/csv-cells';
import { groupByContact } from '../../../lib/core/lead/by-contact';
import { leadPicture } from '../../../lib/core/lead/picture';
import type { ExportQuery } from '../../../lib/core/model/imports';
import { WorkspaceSettings } from '../../../lib/core/model/settings';
import { readSnapshot, type Db, type Queryable } from '../../store/db';
import { toActivity, toAttempt, toContact, type ContactRow } from '../../store/rows';
import { activities, attempts, contacts, users, workspaces } from '../../store/schema';

/** Contacts read per page while streaming: memory stays flat whatever the workspace's size. */
const EXPORT_PAGE = 500;

export const EXPORT_KINDS = ['contacts', 'activities', 'attempts'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

type Cell = string | number | boolean | null;

/**
 * One CSV export as text chunks (the header first, then a page of contacts at a time, each page in its own read
 * snapshot): contacts with score, grade, stage, owner and cadence state, or those contacts' activities or attempts.
 * Every text cell is made formula-safe (`safeCell`). Columns are the import's field names where they are the same,
 * so an exported contacts file imports back as it is.
 */
export async function* exportCsv(db: Db, workspaceId: string, kind: ExportKind, filter: ExportQuery, now: Date): AsyncGenerator<string> {
  const settings = await workspaceSettings(db, workspaceId);
  const ownerEmails = new Map((await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.workspaceId, workspaceId))).map((u) => [u.id, u.email]));
  const ownerId = filter.ownerEmail === undefined ? undefined : ([...ownerEmails].find(([, email]) => email.toLowerCase() === filter.ownerEmail)?.[0] ?? null);
  yield `${Papa.unparse([HEADERS[kind]])}\r\n`;
  if (ownerId === null) return;
  let after = '';
  for (;;) {
    const lines = await readSnapshot(db, async (tx) => {
      const page = await tx.select().from(contacts).where(and(...conditions(workspaceId, filter, ownerId), gt(contacts.id, after))).orderBy(asc(contacts.id)).limit(EXPORT_PAGE);
      if (page.length === 0) return null;
      after = page[page.length - 1]!.id;
      return rowsOf(tx, kind, page, settings, ownerEmails, now);
    });
    if (lines === null) return;
    if (lines.length > 0) yield `${Papa.unparse(lines.map((line) => line.map((cell) => safeCell(cell))), { header: false })}\r\n`;
  }
}

const HEADERS: Record<ExportKind, string[]> = {
  contacts: [
    'id', 'email', 'name', 'title', 'company', 'seniority', 'country', 'companySize', 'industry', 'businessModel', 'phone',
    'stage', 'leadType', 'source', 'ownerEmail', 'score', 'grade', 'mql', 'cadenceStatus', 'attemptsDone', 'nextDueAt', 'slaDeadline',
    'assignedAt', 'createdAt', 'updatedAt',
  ],
  activities: ['contactId', 'contactEmail', 'id', 'type', 'at', 'url', 'title', 'contentId', 'trustLabel'],
  attempts: ['contactId', 'contactEmail', 'id', 'userEmail', 'channel', 'outcome', 'note', 'at', 'undoneAt'],
};

function conditions(workspaceId: string, filter: ExportQuery, ownerId: string | undefined): SQL[] {
  const where: SQL[] = [eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt)];
  if (filter.stage !== undefined && filter.stage.length > 0) where.push(inArray(contacts.stage, filter.stage));
  if (ownerId !== undefined) where.push(eq(contacts.ownerId, ownerId));
  if (filter.source !== undefined) where.push(eq(contacts.source, filter.source));
  if (filter.leadType !== undefined) where.push(eq(contacts.leadType, filter.leadType));
  if (filter.updatedSince !== undefined) where.push(gte(contacts.updatedAt, new Date(filter.updatedSince)));
  return where;
}

async function rowsOf(tx: Queryable, kind: ExportKind, page: ContactRow[], settings: WorkspaceSettings, emails: Map<string, string>, now: Date): Promise<Cell[][]> {
  const ids = page.map((c) => c.id);
  const activityRows = await tx.select().from(activities).where(inArray(activities.contactId, ids)).orderBy(asc(activities.at), asc(activities.id));
  const attemptRows = await tx.select().from(attempts).where(inArray(attempts.contactId, ids)).orderBy(asc(attempts.at), asc(attempts.id));
  const emailOf = new Map(page.map((c) => [c.id, c.email]));
  if (kind === 'activities') {
    return activityRows.map((a) => [a.contactId, emailOf.get(a.contactId) ?? null, a.id, a.type, a.at.toISOString(), a.url, a.title, a.contentId, a.trustLabel]);
  }
  if (kind === 'attempts') {
    return attemptRows.map((a) => [a.contactId, emailOf.get(a.contactId) ?? null, a.id, emails.get(a.userId) ?? a.userId, a.channel, a.outcome, a.note, a.at.toISOString(), a.undoneAt?.toISOString() ?? null]);
  }
  const activitiesOf = groupByContact(activityRows.map(toActivity));
  const attemptsOf = groupByContact(attemptRows.map(toAttempt));
  return page.map((row) => {
    const contact = toContact(row);
    const picture = leadPicture(contact, activitiesOf.get(row.id) ?? [], attemptsOf.get(row.id) ?? [], settings, now);
    const cadence = picture.cadence;
    return [
      contact.id, contact.email, contact.name, contact.title, contact.company, contact.seniority, contact.country, contact.companySize,
      contact.industry, contact.businessModel, contact.phone, contact.stage, contact.leadType, contact.source,
      contact.ownerId === null ? null : (emails.get(contact.ownerId) ?? null), picture.score.score, picture.score.grade, picture.score.qualifiesAsMql,
      cadence?.status ?? null, cadence?.attemptsDone ?? null, cadence?.nextDueAt ?? null, cadence?.slaDeadline ?? null,
      contact.assignedAt, contact.createdAt, contact.updatedAt,
    ];
  });
}

async function workspaceSettings(db: Queryable, workspaceId: string): Promise<WorkspaceSettings> {
  const [ws] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return WorkspaceSettings.parse(ws?.settings ?? {});
}
