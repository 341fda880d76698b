import { Hono } from 'hono';
import { z } from 'zod';
import { NewSharedScreen, NewSharedScreenRequest, SharedScreen } from '../../lib/core/model/sessions';
import { ReportPeriodQuery, SlaReport } from '../../lib/core/model/reports';
import { sharedSlaReport } from '../../lib/core/reports';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { idFromPath } from '../domain/path-ids';
import { resolvePeriod } from '../domain/reports/period';
import { slaReport } from '../domain/reports/sla-report';
import { createSharedScreen, listSharedScreens, openSharedScreen, revokeSharedScreen } from '../domain/shared-screens';
import { operation } from '../http/openapi';

const tag = 'Shared screens';
const list = operation({ tag, summary: 'The workspace’s shared screens, newest first (never their URL)', responses: { 200: { description: 'the screens', schema: z.object({ sharedScreens: z.array(SharedScreen) }) } } });
const create = operation({
  tag,
  summary: 'A read-only link to the SLA page for a team screen',
  body: NewSharedScreenRequest,
  bodyName: 'shared screen',
  responses: { 201: { description: 'the screen and its `url`, shown this once', schema: NewSharedScreen } },
});
const revoke = operation({ tag, summary: 'Revoke a shared screen: its link answers 410 from now on', responses: { 204: 'revoked' } });
const shared = operation({
  tag,
  public: true,
  summary: 'The SLA figures of the link’s workspace, names and counts only',
  description: 'Public, by the link. A link nobody made is a 404, a revoked or expired one a 410.',
  query: ReportPeriodQuery,
  responses: { 200: { description: 'the report, reasons by list code only', schema: SlaReport } },
});

/** Managing the shared screens: the people who run the SLA meeting (managers) and admins. */
export const sharedScreensRoutes = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'admin'))
  .get('/', list, async (c) => c.json({ sharedScreens: await listSharedScreens(c.get('deps').db, c.get('caller').workspace.id) }))
  .post('/', create, async (c) => {
    const request = await create.body(c);
    const { db, now, publicUrl } = c.get('deps');
    return c.json(await createSharedScreen(db, c.get('caller'), request, publicUrl, now()), 201);
  })
  .delete('/:id', revoke, async (c) => {
    const { db, now } = c.get('deps');
    await revokeSharedScreen(db, c.get('caller'), idFromPath(c.req.param('id'), 'shared screen'), now());
    return c.body(null, 204);
  });

/**
 * `GET /v1/shared/<secret>/sla`, without sign-in: the SLA report of the link's workspace, with nothing personal
 * beyond names and counts (lib/core/reports/shared-screen.ts), for the same periods as the signed-in report.
 */
export const sharedRoutes = new Hono<AppEnv>().get('/:secret/sla', shared, async (c) => {
  const { db, now } = c.get('deps');
  const at = now();
  const { workspace } = await openSharedScreen(db, c.req.param('secret'), at);
  const period = resolvePeriod(shared.query(c), at);
  c.header('Cache-Control', 'no-store');
  return c.json(sharedSlaReport(await slaReport(db, workspace.id, workspace.settings, period, at)));
});
