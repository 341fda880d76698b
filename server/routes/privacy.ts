import { Hono } from 'hono';
import { PrivacyEraseRequest, PrivacyExportQuery, PrivacySubjectQuery } from '../../lib/core/model/privacy';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { eraseContact } from '../domain/privacy/erase';
import { privacyExport, privacySubject, renderPrivacyExport } from '../domain/privacy/export';
import { writeInWorkspace } from '../store/db';
import { jsonBody, queryOf } from '../http/validate';

/**
 * Privacy requests about one contact (docs/api.md): who it is and what is held, the export, and the erasure. Managers
 * and admins answer them: the people who may already delete a contact. Reps and marketing get 403.
 */
export const privacyRoutes = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'admin'))
  .get('/subject', async (c) => {
    const query = queryOf(c, PrivacySubjectQuery);
    return c.json(await privacySubject(c.get('deps').db, c.get('caller').workspace.id, query));
  })
  .get('/export', async (c) => {
    const { format, ...subject } = queryOf(c, PrivacyExportQuery);
    const { db, now } = c.get('deps');
    const file = renderPrivacyExport(await privacyExport(db, c.get('caller').workspace.id, subject, now()), format);
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(file.body);
  })
  .post('/erase', async (c) => {
    const request = await jsonBody(c, PrivacyEraseRequest, 'erase request');
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    return c.json(await writeInWorkspace(db, caller.workspace.id, (tx) => eraseContact(tx, actorOf(caller), request, now())));
  });
