import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { OneClickUnsubscribe, WebhookSecret } from '../../lib/core/model/alert-delivery';
import { SETTINGS_SECTION_OWNERS } from '../../lib/core/model/admin-requests';
import { summarizeIssues } from '../../lib/core/model/parse';
import { requireRole } from '../auth/middleware';
import { actorOf } from '../domain/audit/record';
import type { AppEnv } from '../context';
import { alertSecretsOf, rotateWebhookSecret, type AlertSecrets } from '../alerts/delivery/secrets';
import { UNSUBSCRIBE_TOKEN, unsubscribe, verifyUnsubscribe } from '../alerts/delivery/unsubscribe';
import { escapeHtml, RULE_NAMES } from '../alerts/delivery/words';
import { ApiError } from '../http/errors';
import { validated } from '../http/validate';
import { operation } from '../http/openapi';

const TokenQuery = z.object({
  token: z.string().regex(UNSUBSCRIBE_TOKEN, { message: 'must be the token of an unsubscribe link, as the email gave it' }),
});

const tag = 'Alerts';
const HTML = { description: 'an HTML page; a malformed token is a 400 page naming `token`, a forged one a 403 page', media: 'text/html' };
const unsubscribePage = operation({
  tag,
  public: true,
  summary: 'The one-click unsubscribe page of an alert email; changes nothing',
  description: 'Public, by the signed link (mail scanners fetch links, so GET only shows the button).',
  query: TokenQuery,
  responses: { 200: HTML },
});
const unsubscribeNow = operation({
  tag,
  public: true,
  summary: 'Unsubscribe from one alert rule or the digest (RFC 8058 one-click)',
  description: 'The form body `List-Unsubscribe=One-Click`; a refusal changes nothing.',
  query: TokenQuery,
  otherBody: { media: 'application/x-www-form-urlencoded', schema: OneClickUnsubscribe },
  responses: { 200: HTML },
});
const secret = operation({ tag, summary: 'The Standard Webhooks secret that signs the workspace’s chat alerts', responses: { 200: { description: 'the secret', schema: WebhookSecret } } });
const rotate = operation({
  tag,
  summary: 'Rotate the chat alerts’ signing secret',
  description: 'For 24 hours posts carry both signatures, the new first (audited).',
  responses: { 200: { description: 'the new secret', schema: WebhookSecret } },
});

function page(c: Context<AppEnv>, title: string, body: string, status: 200 | 400 | 403 = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Leadside</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`,
    status,
  );
}

function refused(c: Context<AppEnv>, err: unknown) {
  if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 403)) throw err;
  return page(c, 'This link cannot unsubscribe you', `<p role="alert">${escapeHtml(err.message)}.</p>`, err.status);
}

const topicWords = (rule: string) => (rule === 'morning_digest' ? 'the morning digest' : `emails when ${RULE_NAMES[rule as keyof typeof RULE_NAMES]}`);

/**
 * `/v1/alerts/unsubscribe?token=…`, public (the email's link is the credential): GET shows one button and changes
 * nothing, since mail scanners and link previews fetch links; POST (the button, or a mail client's RFC 8058 one-click
 * `List-Unsubscribe=One-Click`) removes that one rule from the person's email alerts. A malformed token is a 400, a
 * forged or tampered one a 403, and neither changes anything.
 */
export const alertUnsubscribeRoutes = new Hono<AppEnv>()
  .get('/', unsubscribePage, async (c) => {
    const { db, now } = c.get('deps');
    try {
      const { token } = unsubscribePage.query(c);
      const claims = await verifyUnsubscribe(db, token, now());
      return page(
        c,
        'Unsubscribe from Leadside alerts',
        `<p>Stop ${escapeHtml(topicWords(claims.rule))}? Your other alerts stay as they are.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" autofocus>Unsubscribe</button></form>`,
      );
    } catch (err) {
      return refused(c, err);
    }
  })
  .post('/', unsubscribeNow, async (c) => {
    const { db, now } = c.get('deps');
    try {
      const { token } = unsubscribeNow.query(c);
      let form: unknown;
      try {
        form = await c.req.parseBody();
      } catch {
        throw new ApiError('bad_request', summarizeIssues('request body', [{ path: 'List-Unsubscribe', message: 'must be a form with List-Unsubscribe=One-Click' }]));
      }
      validated(OneClickUnsubscribe, form, 'request body');
      const done = await unsubscribe(db, token, now());
      return page(c, 'Unsubscribed', `<p>${escapeHtml(done.email)} gets no more ${escapeHtml(topicWords(done.rule))}. Change your alerts in the extension's options any time.</p>`);
    } catch (err) {
      return refused(c, err);
    }
  });

const answer = (s: AlertSecrets): WebhookSecret => ({ secret: s.webhookSecret, createdAt: s.webhookSecretAt.toISOString() });

/**
 * `/v1/alerts/webhook-secret`: the secret that signs the workspace's chat alerts, for the receiver's verifier. The
 * owners of the alert settings (who set the chat's URL) read it and rotate it; rotating signs every post from then on
 * with the new one only.
 */
export const webhookSecretRoutes = new Hono<AppEnv>()
  .use(requireRole(...SETTINGS_SECTION_OWNERS.alerts))
  .get('/', secret, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(answer(await alertSecretsOf(db, c.get('caller').workspace.id, now())));
  })
  .post('/rotate', rotate, async (c) => {
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    return c.json(answer(await rotateWebhookSecret(db, caller.workspace.id, now(), actorOf(caller))));
  });
