import { Hono } from 'hono';
import { FunnelReport, RecycledQuery, RecycledReport, ReportPeriodQuery, SlaLeadsPage, SlaLeadsQuery, SlaReport } from '../../lib/core/model/reports';
import { ContentReport, ContentReportQuery } from '../../lib/core/model/closed-loop';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { contentReport } from '../domain/closed-loop/content-report';
import { funnelReport } from '../domain/reports/funnel';
import { FunnelQuery } from '../domain/reports/funnel-input';
import { resolvePeriod } from '../domain/reports/period';
import { slaScopeOf } from '../domain/reports/sla-data';
import { recycledReport } from '../domain/reports/recycled';
import { slaLeadsPage, slaReport } from '../domain/reports/sla-report';
import { operation } from '../http/openapi';

/** The people who agree the SLA and plan the funnel. */
const planners = requireRole('manager', 'marketing', 'admin');

/**
 * The dashboard's figures. The SLA report and the leads behind its figures are open to reps too, over their own leads
 * only (slaScopeOf): a rep sees their own row and totals, nothing of another rep. The rest is for planners.
 */
const tag = 'Reports';
const sla = operation({
  tag,
  summary: 'The SLA both ways: marketing’s leads and MQLs, sales’ first touches and cadences',
  description: 'In total, per rep and weekly. A rep gets their own leads only.',
  query: ReportPeriodQuery,
  responses: { 200: { description: 'the report', schema: SlaReport } },
});
const slaLeads = operation({
  tag,
  summary: 'The leads behind one figure of the SLA report, paged',
  description: '`count` is the figure itself on every page.',
  query: SlaLeadsQuery,
  responses: { 200: { description: 'a page of leads', schema: SlaLeadsPage } },
});
const funnel = operation({
  tag,
  summary: 'The funnel planned from a revenue goal beside the actual funnel',
  query: FunnelQuery,
  responses: { 200: { description: 'the plan, the actuals and the plan at the measured rates', schema: FunnelReport } },
});
const recycled = operation({
  tag,
  summary: 'Leads recycled (or disqualified) in the period, with reasons ranked; paged',
  query: RecycledQuery,
  responses: { 200: { description: 'the report', schema: RecycledReport } },
});
const content = operation({
  tag,
  summary: 'Content performance by stage, and the customers each item assisted',
  query: ContentReportQuery,
  responses: { 200: { description: 'the report', schema: ContentReport } },
});

export const reportsRoutes = new Hono<AppEnv>()
  .get('/sla', sla, async (c) => {
    const { db, now } = c.get('deps');
    const { workspace, user } = c.get('caller');
    const at = now();
    const period = resolvePeriod(sla.query(c), at);
    return c.json(await slaReport(db, workspace.id, workspace.settings, period, at, slaScopeOf(user)));
  })
  .get('/sla/leads', slaLeads, async (c) => {
    const { db, now } = c.get('deps');
    const { workspace, user } = c.get('caller');
    const at = now();
    const query = slaLeads.query(c);
    const period = resolvePeriod(query, at);
    return c.json(await slaLeadsPage(db, workspace.id, workspace.settings, period, query, at, slaScopeOf(user)));
  })
  .get('/funnel', funnel, planners, async (c) => {
    const { db, now } = c.get('deps');
    const at = now();
    const query = funnel.query(c);
    return c.json(await funnelReport(db, c.get('caller').workspace.id, query, resolvePeriod(query, at), at));
  })
  .get('/recycled', recycled, planners, async (c) => {
    const { db, now } = c.get('deps');
    const query = recycled.query(c);
    return c.json(await recycledReport(db, c.get('caller').workspace.id, resolvePeriod(query, now()), query));
  })
  .get('/content', content, planners, async (c) => {
    const { db, now } = c.get('deps');
    const { workspace } = c.get('caller');
    const period = resolvePeriod(content.query(c), now());
    return c.json(await contentReport(db, workspace.id, workspace.settings, period));
  });
