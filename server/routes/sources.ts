import { Hono } from 'hono';
import { SourcesQuery, SourcesReport } from '../../lib/core/model/closed-loop';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { sourcesReport } from '../domain/closed-loop/sources';
import { resolvePeriod } from '../domain/reports/period';
import { operation } from '../http/openapi';

/** GET /v1/reports/sources: which sources bring customers, for the people who plan the funnel (like the other reports). */
const report = operation({
  tag: 'Reports',
  summary: 'Source attribution: per first-touch source, leads to customers, and the content each SQL read last',
  query: SourcesQuery,
  responses: { 200: { description: 'the report', schema: SourcesReport } },
});

export const sourcesRoutes = new Hono<AppEnv>().use('*', requireRole('manager', 'marketing', 'admin')).get('/', report, async (c) => {
  const { db, now } = c.get('deps');
  const period = resolvePeriod(report.query(c), now());
  return c.json(await sourcesReport(db, c.get('caller').workspace.id, period));
});
