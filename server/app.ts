import { Hono } from 'hono';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, ServerDeps } from './context';
import { requireCaller } from './auth/middleware';
import { closeWhenBodyUnread } from './http/connection';
import { dashboardFiles } from './http/dashboard-files';
import { ApiError } from './http/errors';
import { operation } from './http/openapi';
import { extensionCors, limitBody, limitPerIp, limitPerToken, requestLog, securityHeaders } from './http/middleware';
import { alertUnsubscribeRoutes, webhookSecretRoutes } from './routes/alert-delivery';
import { auditRoutes } from './routes/audit';
import { contentRoutes } from './routes/content';
import { collectRoutes } from './routes/collect';
import { contactsRoutes } from './routes/contacts';
import { emailsRoutes } from './routes/emails';
import { meRoutes } from './routes/me';
import { mutationsRoutes } from './routes/mutations';
import { openApiRoutes } from './routes/openapi';
import { questionsRoutes } from './routes/questions';
import { privacyRoutes } from './routes/privacy';
import { sourcesRoutes } from './routes/sources';
import { reportsRoutes } from './routes/reports';
import { sessionRoutes } from './routes/session';
import { settingsRoutes } from './routes/settings';
import { sharedRoutes, sharedScreensRoutes } from './routes/shared-screens';
import { oidcPages, signInOptionsRoutes } from './routes/oidc';
import { signInPages } from './routes/sign-in-pages';
import { dashboardCodeRoutes, extensionCodeRoutes, signInLinksRoutes } from './routes/sign-in-links';
import { streamRoutes } from './routes/stream';
import { leadSuggestionsRoutes } from './routes/lead-suggestions';
import { syncRoutes } from './routes/sync';
import { trackedLinksRoutes } from './routes/tracked-links';
import { trackingKeyRoutes } from './routes/tracking-key';
import { trackingRoutes } from './routes/tracking';
import { usersRoutes } from './routes/users';
import { webhooksRoutes } from './routes/webhooks';

const health = operation({
  tag: 'Server',
  public: true,
  summary: 'Whether the server answers',
  responses: { 200: { description: '`{"ok": true}`', schema: z.object({ ok: z.literal(true) }) } },
});
import { exportsRoutes, IMPORT_BODY_MAX, importsRoutes } from './routes/imports';

/** The API of docs/api.md: one Hono app, a route file per resource. */
export function createApp(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', closeWhenBodyUnread, requestLog, securityHeaders);
  app.get('/healthz', health, (c) => c.json({ ok: true }));
  // Public, without a token: /t.js, /o/:token, /c/:token, and /v1/collect. Registered before the /v1 router, so a
  // request they answer never reaches its authentication (Hono runs matching handlers in the order they were added).
  app.route('/', trackingRoutes);
  app.route('/v1/collect', collectRoutes);
  // The dashboard's files (no token: its page asks for a session itself) and the shared screen's page.
  app.route('/', dashboardFiles(deps.dashboardDir));
  // Public too: the sign-in pages (a link, the extension's code) and the shared screen's figures. Each has its own
  // per-address limit, so a guesser runs out long before the /v1 budget, and none reaches the /v1 authentication.
  app.use('/signin/*', limitPerIp(deps.limits.perIp), limitBody(16 * 1024));
  app.route('/signin/oidc', oidcPages); // before the links', so "oidc" is never read as a link's secret
  app.route('/signin', signInPages);
  app.use('/v1/sign-in-options', limitPerIp(deps.limits.perIp));
  app.route('/v1/sign-in-options', signInOptionsRoutes);
  // The extension's sign-in code is exchanged before it holds a token: public, from the extension's origin.
  app.use('/v1/extension-code', extensionCors, limitPerIp(deps.limits.perIp), limitBody(16 * 1024));
  app.route('/v1/extension-code', extensionCodeRoutes);
  app.use('/v1/shared/*', limitPerIp(deps.limits.perIp));
  app.route('/v1/shared', sharedRoutes);
  // Public too: an alert email's one-click unsubscribe (the signed link is the credential; mail clients POST it).
  app.use('/v1/alerts/unsubscribe', limitPerIp(deps.limits.perIp), limitBody(16 * 1024));
  app.route('/v1/alerts/unsubscribe', alertUnsubscribeRoutes);

  // Public too: the API's OpenAPI description and its readable page (docs/api.md § The API's description).
  app.use('/v1/openapi.json', limitPerIp(deps.limits.perIp));
  app.use('/v1/docs', limitPerIp(deps.limits.perIp));
  app.route('/v1', openApiRoutes(() => app));
  // CSV imports: the /v1 chain with a body limit sized for a 50,000-row file instead of /v1's 1 MB.
  app.use('/v1/imports/*', extensionCors, limitPerIp(deps.limits.perIp), limitBody(IMPORT_BODY_MAX), requireCaller, limitPerToken(deps.limits.perToken));
  app.route('/v1/imports', importsRoutes);

  // One budget per address and per token across /v1, the sync pull's chain included.
  const v1PerIp = limitPerIp(deps.limits.perIp);
  const v1PerToken = limitPerToken(deps.limits.perToken);
  // The sync pull, from every rep every minute: the /v1 chain without CORS. In a browser only the extension calls it,
  // from its background and pages, whose host access to this server (sign-in asks for it and stops without it) exempts
  // them from CORS; so its caught-up answer carries no more headers than /healthz's (docs/sync.md § Caught up).
  app.use('/v1/sync', v1PerIp, limitBody(), requireCaller, v1PerToken);
  app.route('/v1/sync', syncRoutes);

  const v1 = new Hono<AppEnv>();
  v1.use('*', extensionCors, v1PerIp, limitBody(), requireCaller, v1PerToken);
  v1.route('/me', meRoutes);
  v1.route('/mutations', mutationsRoutes);
  v1.route('/contacts', contactsRoutes);
  v1.route('/suggestions', leadSuggestionsRoutes);
  v1.route('/settings', settingsRoutes);
  v1.route('/content', contentRoutes);
  v1.route('/users', usersRoutes);
  v1.route('/reports/sources', sourcesRoutes);
  v1.route('/reports', reportsRoutes);
  v1.route('/emails', emailsRoutes);
  v1.route('/tracked-links', trackedLinksRoutes);
  v1.route('/tracking-key', trackingKeyRoutes);
  v1.route('/stream', streamRoutes);
  v1.route('/audit', auditRoutes);
  v1.route('/questions', questionsRoutes);
  v1.route('/session', sessionRoutes);
  v1.route('/signin-links', signInLinksRoutes);
  v1.route('/webhooks', webhooksRoutes);
  v1.route('/dashboard-code', dashboardCodeRoutes);
  v1.route('/shared-screens', sharedScreensRoutes);
  v1.route('/alerts/webhook-secret', webhookSecretRoutes);
  v1.route('/privacy', privacyRoutes);
  v1.route('/exports', exportsRoutes);
  app.route('/v1', v1);

  app.notFound((c) => c.json(new ApiError('not_found', `no route for ${c.req.method} ${c.req.path}`).body, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body, err.status, err.headers);
    if (err instanceof HTTPException && err.status < 500) {
      const e = new ApiError(err.status === 413 ? 'payload_too_large' : 'bad_request', err.message || 'bad request');
      return c.json(e.body, err.status);
    }
    // Never a stack trace to the client: the log has it, under the request id the client can quote.
    deps.log.error('unhandled', { reqId: c.get('requestId'), err: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return c.json(new ApiError('internal', `something went wrong on our side (request ${c.get('requestId')})`).body, 500);
  });
  return app;
}
