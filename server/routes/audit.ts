import { Hono } from 'hono';
import { AuditPage, AuditQuery } from '../../lib/core/model/audit';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { auditPage } from '../domain/audit/list';
import { operation } from '../http/openapi';

/** The workspace's audit log, for admins only: it names who did what to everyone's access and data. */
const list = operation({
  tag: 'Audit',
  summary: 'The workspace’s audit log, newest first',
  description: '`action` is one action (`content.delete`) or an area (`content`); `targetId` one target’s events; `next` is the opaque `before` of the next page.',
  query: AuditQuery,
  responses: { 200: { description: 'a page of events', schema: AuditPage } },
});

export const auditRoutes = new Hono<AppEnv>().get('/', list, requireRole('admin'), async (c) => {
  const query = list.query(c);
  return c.json(await auditPage(c.get('deps').db, c.get('caller').workspace.id, query));
});
