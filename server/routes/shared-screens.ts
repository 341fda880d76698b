import { Hono } from 'hono';
import { NewSharedScreenRequest } from '../../lib/core/model/sessions';
import { ReportPeriodQuery } from '../../lib/core/model/reports';
import { sharedSlaReport } from '../../lib/core/reports';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { idFromPath } from '../domain/path-ids';
import { resolvePeriod } from '../domain/reports/period';
import { slaReport } from '../domain/reports/sla-report';
import { createSharedScreen, listSharedScreens, openSharedScreen, revokeSharedScreen } from '../domain/shared-screens';
import { jsonBody, queryOf } from '../http/validate';

/** Managing the shared screens: the people who run the SLA meeting (managers) and admins. */
export const sharedScreensRoutes = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'admin'))
  .get('/', async (c) => c.json({ sharedScreens: await listSharedScreens(c.get('deps').db, c.get('caller').workspace.id) }))
  .post('/', async (c) => {
    const request = await jsonBody(c, NewSharedScreenRequest, 'shared screen');
    const { db, now, publicUrl } = c.get('deps');
    return c.json(await createSharedScreen(db, c.get('caller'), request, publicUrl, now()), 201);
  })
  .delete('/:id', async (c) => {
    const { db, now } = c.get('deps');
    await revokeSharedScreen(db, c.get('caller'), idFromPath(c.req.param('id'), 'shared screen'), now());
    return c.body(null, 204);
  });

/**
 * `GET /v1/shared/<secret>/sla`, without sign-in: the SLA report of the link's workspace, with nothing personal
 * beyond names and counts (lib/core/reports/shared-screen.ts), for the same periods as the signed-in report.
 */
export const sharedRoutes = new Hono<AppEnv>().get('/:secret/sla', async (c) => {
  const { db, now } = c.get('deps');
  const at = now();
  const { workspace } = await openSharedScreen(db, c.req.param('secret'), at);
  const period = resolvePeriod(queryOf(c, ReportPeriodQuery), at);
  c.header('Cache-Control', 'no-store');
  return c.json(sharedSlaReport(await slaReport(db, workspace.id, workspace.settings, period, at)));
});
