import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context';
import type { BrowserGrantKind } from '../auth/sign-in-grants';
import { setSessionCookie } from '../auth/session-cookie';
import { signInPreview, signInWith } from '../domain/sign-in';
import { ApiError } from '../http/errors';
import { escapeHtml, htmlPage } from '../http/html-page';
import { foreignOrigin, ownOrigin } from '../http/same-origin';

// The pages a sign-in link and the extension's dashboard link open. GET only shows whom it signs in ("Sign in as Maya
// Chen") and uses nothing, since mail scanners and link previews fetch links; the button's POST uses it once, starts
// the session and sends the browser to the dashboard (pages: server/http/html-page.ts).

/** Where a signed-in browser goes: the dashboard app. */
export const DASHBOARD_PATH = '/app/';

const escape = escapeHtml;
const page = htmlPage;

function refusedPage(c: Context<AppEnv>, err: unknown) {
  if (!(err instanceof ApiError)) throw err;
  const status = err.status === 410 ? 410 : err.status === 404 ? 404 : 403;
  return page(c, 'This link cannot sign you in', `<p role="alert">${escape(err.message)}.</p>`, status);
}

function signInRoutes(kind: BrowserGrantKind) {
  return new Hono<AppEnv>()
    .get('/:secret', async (c) => {
      const { db, now } = c.get('deps');
      try {
        const { name } = await signInPreview(db, kind, c.req.param('secret'), now());
        return page(
          c,
          'Sign in to Leadside',
          `<form method="post"><button type="submit" autofocus>Sign in as ${escape(name)}</button></form>
<p>The link works once; it signs this browser in to the dashboard.</p>`,
        );
      } catch (err) {
        return refusedPage(c, err);
      }
    })
    .post('/:secret', async (c) => {
      const { db, now } = c.get('deps');
      // Another site's page posting its own link here would sign our visitor in as someone else (login CSRF).
      const origin = foreignOrigin(c);
      if (origin !== null) {
        return page(c, 'This link cannot sign you in', `<p role="alert">Sign-in must be started from ${escape(ownOrigin(c))}, not ${escape(origin)}.</p>`, 403);
      }
      try {
        const { sessionSecret } = await signInWith(db, kind, c.req.param('secret'), now());
        setSessionCookie(c, sessionSecret);
        c.header('Cache-Control', 'no-store');
        return c.redirect(DASHBOARD_PATH, 303);
      } catch (err) {
        return refusedPage(c, err);
      }
    });
}

/** `/signin/<link>` and `/signin/code/<code>`: the code's routes first, so "code" is never read as a link. */
export const signInPages = new Hono<AppEnv>().route('/code', signInRoutes('code')).route('/', signInRoutes('link'));
