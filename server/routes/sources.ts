import { Hono } from 'hono';
import { SourcesQuery } from '../../lib/core/model/closed-loop';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { sourcesReport } from '../domain/closed-loop/sources';
import { resolvePeriod } from '../domain/reports/period';
import { queryOf } from '../http/validate';

/** GET /v1/reports/sources: which sources bring customers, for the people who plan the funnel (like the other reports). */
export const sourcesRoutes = new Hono<AppEnv>().use('*', requireRole('manager', 'marketing', 'admin')).get('/', async (c) => {
  const { db, now } = c.get('deps');
  const period = resolvePeriod(queryOf(c, SourcesQuery), now());
  return c.json(await sourcesReport(db, c.get('caller').workspace.id, period));
});
