import { Hono } from 'hono';
import { RecycledQuery, ReportPeriodQuery, SlaLeadsQuery } from '../../lib/core/model/reports';
import { ContentReportQuery } from '../../lib/core/model/closed-loop';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { contentReport } from '../domain/closed-loop/content-report';
import { funnelReport } from '../domain/reports/funnel';
import { FunnelQuery } from '../domain/reports/funnel-input';
import { resolvePeriod } from '../domain/reports/period';
import { slaScopeOf } from '../domain/reports/sla-data';
import { recycledReport } from '../domain/reports/recycled';
import { slaLeadsPage, slaReport } from '../domain/reports/sla-report';
import { queryOf } from '../http/validate';

/** The people who agree the SLA and plan the funnel. */
const planners = requireRole('manager', 'marketing', 'admin');

/**
 * The dashboard's figures. The SLA report and the leads behind its figures are open to reps too, over their own leads
 * only (slaScopeOf): a rep sees their own row and totals, nothing of another rep. The rest is for planners.
 */
export const reportsRoutes = new Hono<AppEnv>()
  .get('/sla', async (c) => {
    const { db, now } = c.get('deps');
    const { workspace, user } = c.get('caller');
    const at = now();
    const period = resolvePeriod(queryOf(c, ReportPeriodQuery), at);
    return c.json(await slaReport(db, workspace.id, workspace.settings, period, at, slaScopeOf(user)));
  })
  .get('/sla/leads', async (c) => {
    const { db, now } = c.get('deps');
    const { workspace, user } = c.get('caller');
    const at = now();
    const query = queryOf(c, SlaLeadsQuery);
    const period = resolvePeriod(query, at);
    return c.json(await slaLeadsPage(db, workspace.id, workspace.settings, period, query, at, slaScopeOf(user)));
  })
  .get('/funnel', planners, async (c) => {
    const { db, now } = c.get('deps');
    const at = now();
    const query = queryOf(c, FunnelQuery);
    return c.json(await funnelReport(db, c.get('caller').workspace.id, query, resolvePeriod(query, at), at));
  })
  .get('/recycled', planners, async (c) => {
    const { db, now } = c.get('deps');
    const query = queryOf(c, RecycledQuery);
    return c.json(await recycledReport(db, c.get('caller').workspace.id, resolvePeriod(query, now()), query));
  })
  .get('/content', planners, async (c) => {
    const { db, now } = c.get('deps');
    const { workspace } = c.get('caller');
    const period = resolvePeriod(queryOf(c, ContentReportQuery), now());
    return c.json(await contentReport(db, workspace.id, workspace.settings, period));
  });
