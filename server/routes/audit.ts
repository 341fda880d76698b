import { Hono } from 'hono';
import { AuditQuery } from '../../lib/core/model/audit';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { auditPage } from '../domain/audit/list';
import { queryOf } from '../http/validate';

/** The workspace's audit log, for admins only: it names who did what to everyone's access and data. */
export const auditRoutes = new Hono<AppEnv>().get('/', requireRole('admin'), async (c) => {
  const query = queryOf(c, AuditQuery);
  return c.json(await auditPage(c.get('deps').db, c.get('caller').workspace.id, query));
});
