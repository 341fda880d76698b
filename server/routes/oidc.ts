import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignInOptions } from '../../lib/core/model/sessions';
import { OIDC_LOGIN_MS } from '../auth/oidc';
import { isHttps, setSessionCookie } from '../auth/session-cookie';
import type { AppEnv } from '../context';
import { signInWithSso } from '../domain/sso-sign-in';
import { ApiError } from '../http/errors';
import { operation } from '../http/openapi';
import { escapeHtml, htmlPage } from '../http/html-page';
import { DASHBOARD_PATH } from './sign-in-pages';

// Single sign-on's two pages: GET /signin/oidc begins (a cookie binds the state to this browser, then off to the
// provider) and GET /signin/oidc/callback finishes, starting the same session a sign-in link does. Every refusal is a
// page that says why, and a refused callback starts nothing. GET /v1/sign-in-options tells the signed-out dashboard
// whether to offer the button.

/** The state of the sign-in this browser began: only on the callback's path, gone once used or after ten minutes. */
const STATE_COOKIE = 'leadside_oidc_state';
const START_PATH = '/signin/oidc';

function refusedPage(c: Context<AppEnv>, err: unknown) {
  if (!(err instanceof ApiError)) throw err;
  const status = err.status === 500 ? 502 : err.status === 404 ? 404 : 403;
  return htmlPage(
    c,
    'Single sign-on did not sign you in',
    `<p role="alert">${escapeHtml(err.message)}.</p>\n<p><a href="${DASHBOARD_PATH}">Back to the dashboard</a></p>`,
    status,
  );
}

const notConfigured = () => new ApiError('not_found', 'single sign-on is not configured on this server: sign in with a link from your admin');

export const oidcPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, now, oidc, publicUrl } = c.get('deps');
    try {
      if (!oidc) throw notConfigured();
      const { url, state } = await oidc.begin(db, publicUrl, now());
      setCookie(c, STATE_COOKIE, state, { httpOnly: true, sameSite: 'Lax', path: START_PATH, secure: isHttps(c), maxAge: OIDC_LOGIN_MS / 1000 });
      c.header('Cache-Control', 'no-store');
      return c.redirect(url, 302);
    } catch (err) {
      return refusedPage(c, err);
    }
  })
  .get('/callback', async (c) => {
    const { db, now, oidc, publicUrl } = c.get('deps');
    const cookieState = getCookie(c, STATE_COOKIE);
    try {
      if (!oidc) throw notConfigured();
      const at = now();
      const claims = await oidc.finish(db, new URL(c.req.url).searchParams, cookieState, publicUrl, at);
      const { sessionSecret } = await signInWithSso(db, oidc.config.issuer, claims, at);
      // Used: a new sign-in begins with a new state. A refused callback leaves the cookie, so a forged one changes nothing.
      deleteCookie(c, STATE_COOKIE, { path: START_PATH, httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
      setSessionCookie(c, sessionSecret);
      c.header('Cache-Control', 'no-store');
      return c.redirect(DASHBOARD_PATH, 303);
    } catch (err) {
      return refusedPage(c, err);
    }
  });

const signInOptions = operation({
  tag: 'Sessions and sign-in',
  public: true,
  summary: 'The ways to sign in to the dashboard besides a link',
  description: '`sso` names the single sign-on provider and where its sign-in starts, when the server has one; else null.',
  responses: { 200: { description: 'the sign-in options', schema: SignInOptions } },
});

export const signInOptionsRoutes = new Hono<AppEnv>().get('/', signInOptions, (c) => {
  const { oidc } = c.get('deps');
  const options: SignInOptions = { sso: oidc ? { name: oidc.config.name, startUrl: START_PATH } : null };
  return c.json(options);
});
