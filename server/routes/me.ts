import { Hono } from 'hono';
import { IssuedToken, NewTokenRequest, TokenList } from '../../lib/core/model/admin-requests';
import { AlertPreferences } from '../../lib/core/model/alerts';
import { Me } from '../../lib/core/model/api';
import { MutedLeadList } from '../../lib/core/model/muted-leads';
import type { AppEnv } from '../context';
import { myMutedLeads } from '../domain/alerts/muted-leads';
import { myAlertPreferences, replaceMyAlertPreferences } from '../domain/alerts/preferences';
import { idFromPath } from '../domain/path-ids';
import { issueToken, listUserTokens, revokeUserToken } from '../domain/users';
import { operation } from '../http/openapi';

/**
 * Who the caller is, and their own tokens: the same as /v1/users/:id/tokens with their own id, for any role, without
 * having to know that id ("make me a token for my other laptop", "revoke the one I lost").
 */
const tag = 'Me';
const me = operation({ tag, summary: 'The caller: user, workspace (id, name, domains) and its work calendar', responses: { 200: { description: 'who is calling', schema: Me } } });
const alerts = operation({ tag, summary: 'The caller’s own alert preferences', responses: { 200: { description: 'the preferences', schema: AlertPreferences } } });
// Strict: any unknown field or rule is a 400 naming its path.
const StrictPreferences = AlertPreferences.strict();
const replaceAlerts = operation({
  tag,
  summary: 'Replace the caller’s alert preferences whole',
  body: StrictPreferences,
  bodyName: 'alert preferences',
  responses: { 200: { description: 'the preferences', schema: AlertPreferences } },
});
const mutedLeads = operation({ tag, summary: 'The caller’s muted leads with their names', description: '`name` and `email` are null for a lead deleted since.', responses: { 200: { description: 'the muted leads', schema: MutedLeadList } } });
const tokens = operation({ tag, summary: 'The caller’s own tokens, newest first', responses: { 200: { description: 'the tokens', schema: TokenList } } });
const issue = operation({ tag, summary: 'Make a token for the caller', body: NewTokenRequest, bodyName: 'new token', responses: { 201: { description: 'the token and its secret, shown this once', schema: IssuedToken } } });
const revoke = operation({ tag, summary: 'Revoke one of the caller’s tokens', description: 'Revoking the one in use signs that device out.', responses: { 204: 'revoked' } });

export const meRoutes = new Hono<AppEnv>()
  .get('/', me, (c) => {
    const { user, workspace } = c.get('caller');
    const me: Me = {
      user,
      workspace: { id: workspace.id, name: workspace.name, domains: workspace.settings.domains },
      calendar: workspace.settings.calendar,
    };
    return c.json(me);
  })
  // What the caller hears about, and where: their own, whatever their role (docs/api.md § Alerts).
  .get('/alerts', alerts, async (c) => c.json(await myAlertPreferences(c.get('deps').db, c.get('caller'))))
  .put('/alerts', replaceAlerts, async (c) => {
    const preferences = await replaceAlerts.body(c);
    return c.json(await replaceMyAlertPreferences(c.get('deps').db, c.get('caller'), preferences));
  })
  // The muted leads with their names, for the dashboard's My alerts (the preferences keep ids only).
  .get('/alerts/leads', mutedLeads, async (c) => c.json(await myMutedLeads(c.get('deps').db, c.get('caller'))))
  .get('/tokens', tokens, async (c) => {
    const caller = c.get('caller');
    const list: TokenList = { tokens: await listUserTokens(c.get('deps').db, caller, caller.user.id) };
    return c.json(list);
  })
  .post('/tokens', issue, async (c) => {
    const request = await issue.body(c);
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    return c.json(await issueToken(db, caller, caller.user.id, request, now()), 201);
  })
  .delete('/tokens/:tokenId', revoke, async (c) => {
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    await revokeUserToken(db, caller, caller.user.id, idFromPath(c.req.param('tokenId'), 'token'), now());
    return c.body(null, 204);
  });
