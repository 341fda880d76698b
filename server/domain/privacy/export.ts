import { PRIVACY_KINDS, type PrivacyExport, type PrivacyKind, type PrivacySubject, type PrivacySubjectQuery } from '../../../lib/core/model/privacy';
import { readSnapshot, type Db } from '../../store/db';
import { privacyCsv } from './csv';
import { heldAbout } from './held';
import { findPrivacySubject } from './subject';

/** Who the request names and how much is held about them, read in one snapshot. */
export async function privacySubject(db: Db, workspaceId: string, subject: PrivacySubjectQuery): Promise<PrivacySubject> {
  return readSnapshot(db, async (tx) => {
    const contact = await findPrivacySubject(tx, workspaceId, subject);
    const held = await heldAbout(tx, contact);
    const counts = Object.fromEntries(PRIVACY_KINDS.map((k) => [k, held[k].length])) as Record<PrivacyKind, number>;
    return { contactId: contact.id, email: contact.email, name: contact.name, company: contact.company, deleted: contact.deletedAt !== null, counts };
  });
}

/** Everything held about the contact, by kind, read in one snapshot (the route, the CLI and the dashboard's download). */
export async function privacyExport(db: Db, workspaceId: string, subject: PrivacySubjectQuery, now: Date): Promise<PrivacyExport> {
  return readSnapshot(db, async (tx) => {
    const contact = await findPrivacySubject(tx, workspaceId, subject);
    return { exportedAt: now.toISOString(), workspaceId, contactId: contact.id, data: await heldAbout(tx, contact) };
  });
}

/** The export as the CLI and the route send it: pretty JSON, or the CSV of csv.ts; with the file name to save it as. */
export function renderPrivacyExport(doc: PrivacyExport, format: 'json' | 'csv'): { body: string; contentType: string; fileName: string } {
  const fileName = `leadside-privacy-${doc.contactId}.${format}`;
  if (format === 'csv') return { body: privacyCsv(doc.data), contentType: 'text/csv; charset=utf-8', fileName };
  return { body: `${JSON.stringify(doc, null, 2)}\n`, contentType: 'application/json; charset=utf-8', fileName };
}
