import { Hono } from 'hono';
import { NewTokenRequest, type TokenList } from '../../lib/core/model/admin-requests';
import { AlertPreferences } from '../../lib/core/model/alerts';
import type { Me } from '../../lib/core/model/api';
import type { AppEnv } from '../context';
import { myMutedLeads } from '../domain/alerts/muted-leads';
import { myAlertPreferences, replaceMyAlertPreferences } from '../domain/alerts/preferences';
import { idFromPath } from '../domain/path-ids';
import { issueToken, listUserTokens, revokeUserToken } from '../domain/users';
import { jsonBody } from '../http/validate';

/**
 * Who the caller is, and their own tokens: the same as /v1/users/:id/tokens with their own id, for any role, without
 * having to know that id ("make me a token for my other laptop", "revoke the one I lost").
 */
export const meRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const { user, workspace } = c.get('caller');
    const me: Me = {
      user,
      workspace: { id: workspace.id, name: workspace.name, domains: workspace.settings.domains },
      calendar: workspace.settings.calendar,
    };
    return c.json(me);
  })
  // What the caller hears about, and where: their own, whatever their role (docs/api.md § Alerts).
  .get('/alerts', async (c) => c.json(await myAlertPreferences(c.get('deps').db, c.get('caller'))))
  .put('/alerts', async (c) => {
    const preferences = await jsonBody(c, AlertPreferences.strict(), 'alert preferences');
    return c.json(await replaceMyAlertPreferences(c.get('deps').db, c.get('caller'), preferences));
  })
  // The muted leads with their names, for the dashboard's My alerts (the preferences keep ids only).
  .get('/alerts/leads', async (c) => c.json(await myMutedLeads(c.get('deps').db, c.get('caller'))))
  .get('/tokens', async (c) => {
    const caller = c.get('caller');
    const list: TokenList = { tokens: await listUserTokens(c.get('deps').db, caller, caller.user.id) };
    return c.json(list);
  })
  .post('/tokens', async (c) => {
    const request = await jsonBody(c, NewTokenRequest, 'new token');
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    return c.json(await issueToken(db, caller, caller.user.id, request, now()), 201);
  })
  .delete('/tokens/:tokenId', async (c) => {
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    await revokeUserToken(db, caller, caller.user.id, idFromPath(c.req.param('tokenId'), 'token'), now());
    return c.body(null, 204);
  });
