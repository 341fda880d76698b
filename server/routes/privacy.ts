import { Hono } from 'hono';
import { PrivacyEraseRequest, PrivacyEraseResult, PrivacyExport, PrivacyExportQuery, PrivacySubject, PrivacySubjectQuery } from '../../lib/core/model/privacy';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { eraseContact } from '../domain/privacy/erase';
import { privacyExport, privacySubject, renderPrivacyExport } from '../domain/privacy/export';
import { writeInWorkspace } from '../store/db';
import { operation } from '../http/openapi';

/**
 * Privacy requests about one contact (docs/api.md): who it is and what is held, the export, and the erasure. Managers
 * and admins answer them: the people who may already delete a contact. Reps and marketing get 403.
 */
const tag = 'Privacy requests';
const subject = operation({
  tag,
  summary: 'Who a privacy request is about, with how many rows of each kind are held',
  description: 'Give exactly one of `contactId` or `email`. A soft-deleted contact is found too (its data is held until erased).',
  query: PrivacySubjectQuery,
  responses: { 200: { description: 'the contact and the counts', schema: PrivacySubject } },
});
const exported = operation({
  tag,
  summary: 'Everything held about one contact, as a download',
  description: '`format=json` (default) answers the document below; `format=csv` a CSV with a section per kind.',
  query: PrivacyExportQuery,
  responses: { 200: { description: 'the export, as an attachment: this document, or with format=csv the same as text/csv', schema: PrivacyExport } },
});
const erase = operation({
  tag,
  summary: 'Erase a contact and everything naming it, for good',
  description: '`confirmEmail` must be the contact’s address. Every rep’s cache drops the contact at its next sync; the audit log keeps only `contact.erase`.',
  body: PrivacyEraseRequest,
  bodyName: 'erase request',
  responses: { 200: { description: 'what was removed, by kind', schema: PrivacyEraseResult } },
});

export const privacyRoutes = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'admin'))
  .get('/subject', subject, async (c) => {
    const query = subject.query(c);
    return c.json(await privacySubject(c.get('deps').db, c.get('caller').workspace.id, query));
  })
  .get('/export', exported, async (c) => {
    const { format, ...who } = exported.query(c);
    const { db, now } = c.get('deps');
    const file = renderPrivacyExport(await privacyExport(db, c.get('caller').workspace.id, who, now()), format);
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(file.body);
  })
  .post('/erase', erase, async (c) => {
    const request = await erase.body(c);
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    return c.json(await writeInWorkspace(db, caller.workspace.id, (tx) => eraseContact(tx, actorOf(caller), request, now())));
  });
