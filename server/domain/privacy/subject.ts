import { and, eq, type SQL } from 'drizzle-orm';
import type { PrivacySubjectQuery } from '../../../lib/core/model/privacy';
import { notFound } from '../../http/errors';
import type { Queryable } from '../../store/db';
import type { ContactRow } from '../../store/rows';
import { contacts } from '../../store/schema';

/**
 * The contact a privacy request names, by id or by email, in the caller's workspace; a deleted one too (its data is
 * still held until it is erased). Another workspace's contact, or one already erased, answers like an unknown one: 404.
 */
export async function findPrivacySubject(db: Queryable, workspaceId: string, subject: PrivacySubjectQuery): Promise<ContactRow> {
  const which: SQL = subject.contactId !== undefined ? eq(contacts.id, subject.contactId) : eq(contacts.email, subject.email!);
  const [row] = await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), which)).limit(1);
  if (!row) throw notFound(subject.contactId !== undefined ? `contact ${subject.contactId}` : `contact with the email ${subject.email}`);
  return row;
}
