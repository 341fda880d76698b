import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../lib/core/model/audit';
import type { SessionInfo, SignInUrl } from '../../lib/core/model/sessions';
import { addUser } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { updateUser } from '../../server/domain/users';
import { isNotNull } from 'drizzle-orm';
import { sessions, signInGrants } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestServer, type TestWorkspace } from './harness';
import { TestBrowser } from './support/browser';

const NOW = '2026-01-19T15:00:00.000Z';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A sign-in link for `userId`, made by the admin over the API. */
async function linkFor(server: TestServer, ws: TestWorkspace, userId: string): Promise<SignInUrl> {
  const res = await server.api(ws.users.admin!.token, '/v1/signin-links', { method: 'POST', json: { userId } });
  expect(res.status).toBe(201);
  return (await res.json()) as SignInUrl;
}

/** A browser signed in as the user through a fresh link. */
async function signedIn(server: TestServer, ws: TestWorkspace, key: string): Promise<TestBrowser> {
  const browser = new TestBrowser(server);
  const res = await browser.signInWith((await linkFor(server, ws, ws.users[key]!.id)).url);
  expect(res.status).toBe(303);
  return browser;
}

async function sessionOf(browser: TestBrowser): Promise<SessionInfo> {
  const res = await browser.fetch('/v1/session');
  expect(res.status).toBe(200);
  return (await res.json()) as SessionInfo;
}

/** A write from the dashboard: same origin, with its session's CSRF token. */
async function write(server: TestServer, browser: TestBrowser, path: string, json: unknown, method = 'POST'): Promise<Response> {
  const { csrfToken } = await sessionOf(browser);
  return browser.fetch(path, { method, json, headers: { origin: server.publicUrl, 'x-csrf-token': csrfToken } });
}

async function auditOf(server: TestServer, ws: TestWorkspace, action: string): Promise<AuditPage['events']> {
  return ((await (await server.api(ws.users.admin!.token, `/v1/audit?action=${action}`)).json()) as AuditPage).events;
}

describe.each(STORE_KINDS)('sign-in links and sessions on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex', 'Europe/London');
  }, 60_000);

  it('makes a 15-minute link an admin can give, and records it without its secret', async () => {
    const link = await linkFor(server, acme, acme.users.manager!.id);
    expect(link.url).toMatch(new RegExp(`^${server.publicUrl}/signin/lsl_[A-Za-z0-9_-]{43}$`));
    expect(link.expiresAt).toBe('2026-01-19T15:15:00.000Z');
    const [event] = await auditOf(server, acme, 'signin_link.create');
    expect(event).toMatchObject({ actor: { userId: acme.users.admin!.id }, target: { kind: 'user', id: acme.users.manager!.id } });
    expect(event!.changes.expiresAt).toEqual({ before: null, after: '2026-01-19T15:15:00.000Z' });
    expect(JSON.stringify(event)).not.toContain(new URL(link.url).pathname.slice('/signin/'.length));
  });

  it('lets anyone make their own link with {}, only an admin someone else\'s, and only in the workspace', async () => {
    const own = await server.api(acme.users.rep!.token, '/v1/signin-links', { method: 'POST', json: {} });
    expect(own.status).toBe(201);
    const other = await server.api(acme.users.rep!.token, '/v1/signin-links', { method: 'POST', json: { userId: acme.users.rep2!.id } });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ error: { code: 'forbidden', message: 'only an admin may make a sign-in link for someone else; you are rep' } });
    const foreign = await server.api(acme.users.admin!.token, '/v1/signin-links', { method: 'POST', json: { userId: globex.users.rep!.id } });
    expect(foreign.status).toBe(404);
    const bad = await server.api(acme.users.admin!.token, '/v1/signin-links', { method: 'POST', json: { userId: 5, extra: true } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path).sort()).toEqual(['', 'userId']);
  });

  it('shows whom a link signs in on GET without using it; the POST uses it once and sets the session cookie', async () => {
    const link = await linkFor(server, acme, acme.users.manager!.id);
    const path = new URL(link.url).pathname;
    const browser = new TestBrowser(server);
    for (let i = 0; i < 2; i++) {
      const page = await browser.fetch(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text()).toContain('<button type="submit" autofocus>Sign in as Acme manager</button>');
      expect(browser.cookies.size).toBe(0);
    }
    const signIn = await browser.signInWith(link.url);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/app/');
    expect(browser.lastSetCookie).toHaveLength(1);
    expect(browser.lastSetCookie[0]).toMatch(/^leadside_session=lss_[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    const info = await sessionOf(browser);
    expect(info).toEqual({
      user: { id: acme.users.manager!.id, name: 'Acme manager', email: 'manager@acme.example', role: 'manager' },
      workspace: { id: acme.id, name: 'Acme', timeZone: 'America/New_York' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: '2026-01-20T03:00:00.000Z',
    });

    const again = await new TestBrowser(server).signInWith(link.url);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('this sign-in link was already used, on 2026-01-19 15:00 UTC: ask for a new one');
    expect((await browser.fetch(path)).status).toBe(410);
  });

  it('refuses a link at its 15th minute, one nobody made, and a sign-in posted from another site', async () => {
    const link = await linkFor(server, acme, acme.users.rep!.id);
    const foreignPost = await new TestBrowser(server).signInWith(link.url, 'https://evil.example');
    expect(foreignPost.status).toBe(403);
    expect(await foreignPost.text()).toContain(`Sign-in must be started from ${server.publicUrl}, not https://evil.example.`);
    // Our own page's form under `Referrer-Policy: no-referrer` posts with `Origin: null`: the browser's Sec-Fetch-Site
    // decides then, and a page elsewhere cannot set it.
    const nullOrigin = (site: string) =>
      new TestBrowser(server).fetch(new URL(link.url).pathname, { method: 'POST', body: '', headers: { origin: 'null', 'sec-fetch-site': site } });
    const crossSite = await nullOrigin('cross-site');
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain(`Sign-in must be started from ${server.publicUrl}, not null.`);
    server.clock.advance(15 * MIN);
    try {
      const late = new TestBrowser(server);
      const res = await late.signInWith(link.url);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('this sign-in link expired on 2026-01-19 15:15 UTC: ask for a new one');
      expect(late.cookies.size).toBe(0);
    } finally {
      server.clock.set(NOW);
    }
    for (const path of ['/signin/lsl_forged', `/signin/code/${new URL(link.url).pathname.slice('/signin/'.length)}`]) {
      const res = await new TestBrowser(server).fetch(path, { method: 'POST', body: '' });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('is not one we made: check that it was copied whole, or ask for a new one');
    }
  });

  it('signs a browser in from our own page\'s form, which posts with Origin: null under no-referrer', async () => {
    const link = await linkFor(server, acme, acme.users.rep!.id);
    const browser = new TestBrowser(server);
    const res = await browser.fetch(new URL(link.url).pathname, { method: 'POST', body: '', headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(303);
    expect((await sessionOf(browser)).user.id).toBe(acme.users.rep!.id);
  });

  it('signs nobody in as a disabled user, and leaves the link unused for when they are enabled again', async () => {
    const link = await linkFor(server, acme, acme.users.rep2!.id);
    const before = await signedIn(server, acme, 'rep2');
    const admin = { user: { id: acme.users.admin!.id, name: 'a', email: 'admin@acme.example', role: 'admin' as const }, workspace: { id: acme.id, name: 'Acme', settings: {} as never }, credential: { kind: 'token' as const, id: 't' } };
    await updateUser(server.store.db, admin, acme.users.rep2!.id, { disabled: true }, server.clock.now());
    try {
      const res = await new TestBrowser(server).signInWith(link.url);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('this account is disabled: ask your admin.');
      // A session started before is refused at once, like the user's tokens.
      const refused = await before.fetch('/v1/me');
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.message).toBe('this session is not valid (unknown, or its user is disabled): sign in again with a sign-in link');
    } finally {
      await updateUser(server.store.db, admin, acme.users.rep2!.id, { disabled: false }, server.clock.now());
    }
    expect((await new TestBrowser(server).signInWith(link.url)).status).toBe(303);
  });

  it('answers /v1/session only for a session', async () => {
    const none = await server.api(null, '/v1/session');
    expect(none.status).toBe(401);
    const bearer = await server.api(acme.users.manager!.token, '/v1/session');
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toEqual({
      error: { code: 'unauthorized', message: 'no dashboard session: this route answers for the browser session cookie, which a sign-in link starts' },
    });
    const forged = new TestBrowser(server);
    forged.cookies.set('leadside_session', 'lss_forged');
    const res = await forged.fetch('/v1/session');
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('this session is not valid (unknown, or its user is disabled): sign in again with a sign-in link');
    expect(forged.lastSetCookie).toEqual(['leadside_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax']);
  });

  it('gives a session the same roles as a token', async () => {
    const rep = await signedIn(server, acme, 'rep');
    const manager = await signedIn(server, acme, 'manager');
    for (const [path, who] of [
      ['/v1/reports/funnel?revenueGoal=1000&averageDealSize=10&rate=0.5', rep],
      ['/v1/users', rep],
    ] as const) {
      const bySession = await who.fetch(path);
      const byToken = await server.api(acme.users.rep!.token, path);
      expect([bySession.status, byToken.status]).toEqual([403, 403]);
      expect(await bySession.json()).toEqual(await byToken.json());
    }
    const users = await manager.fetch('/v1/users');
    expect(users.status).toBe(200);
    expect(await users.json()).toEqual(await (await server.api(acme.users.manager!.token, '/v1/users')).json());
    expect((await manager.fetch('/v1/me')).status).toBe(200);
    // Another workspace's data stays out of reach the same way.
    expect((await manager.fetch(`/v1/users/${globex.users.rep!.id}/tokens`)).status).toBe(403);
  });

  it('refuses a cookie-signed write without the CSRF token, with a wrong one, or from another origin, and changes nothing', async () => {
    const admin = await signedIn(server, acme, 'admin');
    const { csrfToken } = await sessionOf(admin);
    const before = (await auditOf(server, acme, 'signin_link.create')).length;
    const cases: [Record<string, string>, string][] = [
      [{ origin: server.publicUrl }, "send the X-CSRF-Token header with your session's token (GET /v1/session answers it)"],
      [{ origin: server.publicUrl, 'x-csrf-token': `${csrfToken.slice(0, -1)}A` === csrfToken ? 'x' : `${csrfToken.slice(0, -1)}A` }, 'the X-CSRF-Token header does not match this session'],
      [{ 'x-csrf-token': 'short' }, 'the X-CSRF-Token header does not match this session'],
      [{ origin: 'https://evil.example', 'x-csrf-token': csrfToken }, `a request signed in by the session cookie must come from ${server.publicUrl}, not https://evil.example`],
    ];
    for (const [headers, message] of cases) {
      const res = await admin.fetch('/v1/signin-links', { method: 'POST', json: {}, headers });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'csrf', message } });
    }
    expect((await auditOf(server, acme, 'signin_link.create')).length).toBe(before);
    // Without an Origin (some clients send none) the token alone suffices; from our own origin too.
    expect((await admin.fetch('/v1/signin-links', { method: 'POST', json: {}, headers: { 'x-csrf-token': csrfToken } })).status).toBe(201);
    const nullOrigin = (site: string) => admin.fetch('/v1/signin-links', { method: 'POST', json: {}, headers: { origin: 'null', 'sec-fetch-site': site, 'x-csrf-token': csrfToken } });
    expect((await nullOrigin('cross-site')).status).toBe(403);
    expect((await nullOrigin('same-origin')).status).toBe(201);
    expect((await write(server, admin, '/v1/signin-links', {})).status).toBe(201);
    expect((await auditOf(server, acme, 'signin_link.create')).length).toBe(before + 3);
    // A token sent with the cookie's browser is not asked for a CSRF token: it is not a cookie sent by a page.
    expect((await server.api(acme.users.admin!.token, '/v1/signin-links', { method: 'POST', json: {}, headers: { origin: 'https://evil.example' } })).status).toBe(201);
  });

  it('ends a session after 12 hours without use, however young', async () => {
    const browser = await signedIn(server, acme, 'marketing');
    try {
      server.clock.advance(12 * HOUR - MIN);
      expect((await sessionOf(browser)).expiresAt).toBe('2026-01-20T14:59:00.000Z');
      server.clock.advance(12 * HOUR - MIN);
      expect((await browser.fetch('/v1/me')).status).toBe(200);
      server.clock.advance(12 * HOUR);
      const res = await browser.fetch('/v1/me');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'session_expired', message: 'this session expired after 12 hours without use: sign in again with a sign-in link' },
      });
      expect(browser.cookies.size).toBe(0);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('ends a session 7 days after sign-in, however busy', async () => {
    const browser = await signedIn(server, acme, 'manager');
    const cookie = browser.cookies.get('leadside_session')!;
    try {
      for (let h = 0; h < 7 * 24 - 10; h += 10) {
        server.clock.advance(10 * HOUR);
        expect((await browser.fetch('/v1/me')).status).toBe(200);
      }
      // 160 h in: the idle expiry (172 h) is past the absolute one (168 h), which the session reports.
      expect((await sessionOf(browser)).expiresAt).toBe('2026-01-26T15:00:00.000Z');
      server.clock.set('2026-01-26T14:59:00.000Z');
      expect((await browser.fetch('/v1/me')).status).toBe(200);
      server.clock.set('2026-01-26T15:00:00.000Z');
      const res = await browser.fetch('/v1/me');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'session_expired', message: 'this session expired on 2026-01-26 15:00 UTC, 7 days after sign-in: sign in again with a sign-in link' },
      });
      // The cookie's own Max-Age agrees: it was set for 604800 s.
      expect(cookie).toMatch(/^lss_/);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('signs one browser out, or every browser of the user, and records the latter', async () => {
    // A user of this test alone, so the sessions ended are exactly the ones it starts.
    const { id } = await addUser(server.store.db, { workspaceId: acme.id, email: 'traveller@acme.example', name: 'Traveller', role: 'rep' });
    const token = (await createToken(server.store.db, null, id, { name: 'laptop' }, server.clock.now())).secret;
    acme.users.traveller = { id, token, role: 'rep', email: 'traveller@acme.example' };
    const here = await signedIn(server, acme, 'traveller');
    const signOut = await write(server, here, '/v1/session/signout', {});
    expect(signOut.status).toBe(204);
    expect(here.lastSetCookie).toEqual(['leadside_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax']);
    expect(here.cookies.size).toBe(0);

    const laptop = await signedIn(server, acme, 'traveller');
    const phone = await signedIn(server, acme, 'traveller');
    const colleague = await signedIn(server, acme, 'rep2');
    const stolen = new TestBrowser(server);
    stolen.cookies.set('leadside_session', laptop.cookies.get('leadside_session')!);
    const res = await write(server, laptop, '/v1/session/signout-everywhere', {});
    expect(res.status).toBe(204);
    // The browser that asked has its cookie cleared at once; the others are refused at their next request.
    expect(laptop.cookies.size).toBe(0);
    for (const browser of [phone, stolen]) {
      const after = await browser.fetch('/v1/me');
      expect(after.status).toBe(401);
      expect((await after.json()).error.message).toBe('this session was signed out on 2026-01-19 15:00 UTC: sign in again with a sign-in link');
      // The refusal clears the cookie, so the browser stops sending it.
      expect(browser.cookies.size).toBe(0);
    }
    expect((await colleague.fetch('/v1/me')).status).toBe(200);
    // The extension's token is not a browser session: it keeps working.
    expect((await server.api(token, '/v1/me')).status).toBe(200);
    const [event] = await auditOf(server, acme, 'session.end_all');
    expect(event).toMatchObject({ actor: { userId: id }, target: { kind: 'user', id } });
    // The laptop's and the phone's; the one signed out before was not live.
    expect(event!.changes.liveSessionIds).toEqual({ before: [expect.stringMatching(/^ses_/), expect.stringMatching(/^ses_/)], after: [] });
  });

  it('opens the dashboard from the extension with a 60-second code, used once, exchanged server-side', async () => {
    const made = await server.api(acme.users.rep!.token, '/v1/dashboard-code', { method: 'POST' });
    expect(made.status).toBe(201);
    const code = (await made.json()) as SignInUrl;
    expect(code.url).toMatch(new RegExp(`^${server.publicUrl}/signin/code/lsc_[A-Za-z0-9_-]{43}$`));
    expect(code.expiresAt).toBe('2026-01-19T15:01:00.000Z');
    expect(code.url).not.toContain(acme.users.rep!.token);
    const browser = new TestBrowser(server);
    expect(await (await browser.fetch(new URL(code.url).pathname)).text()).toContain('Sign in as Acme rep');
    expect((await browser.signInWith(code.url)).status).toBe(303);
    expect((await sessionOf(browser)).user.id).toBe(acme.users.rep!.id);
    expect((await new TestBrowser(server).signInWith(code.url)).status).toBe(410);
    // A code is not a link, and a session asks for none.
    const secret = new URL(code.url).pathname.slice('/signin/code/'.length);
    expect((await new TestBrowser(server).fetch(`/signin/${secret}`)).status).toBe(404);
    const fromSession = await write(server, browser, '/v1/dashboard-code', {});
    expect(fromSession.status).toBe(403);

    const late = (await (await server.api(acme.users.manager!.token, '/v1/dashboard-code', { method: 'POST' })).json()) as SignInUrl;
    server.clock.advance(60_000);
    try {
      const res = await new TestBrowser(server).signInWith(late.url);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('this dashboard link expired on 2026-01-19 15:01 UTC: ask for a new one');
    } finally {
      server.clock.set(NOW);
    }
  });

  // Last in this suite: it moves the clock past every session and link the suite made.
  it('prunes links and codes a day past their expiry and sessions a day past their end, hourly', async () => {
    const live = await signedIn(server, acme, 'manager');
    const link = await linkFor(server, acme, acme.users.rep!.id);
    const grantsLeft = async () => (await server.store.db.select({ id: signInGrants.id }).from(signInGrants)).length;
    const sessionsLeft = async () => (await server.store.db.select({ id: sessions.id }).from(sessions)).length;
    const [grantsBefore, sessionsBefore] = [await grantsLeft(), await sessionsLeft()];
    const ended = (await server.store.db.select({ id: sessions.id }).from(sessions).where(isNotNull(sessions.endedAt))).length;
    // Signed out at 15:00 in the sign-out test: one there, the laptop and the phone everywhere.
    expect(ended).toBe(3);
    try {
      // A day and 15 minutes on: every link of this suite expired a day ago (made at 15:00, for 15 minutes), and the
      // sessions signed out at 15:00 ended more than a day ago.
      server.clock.set('2026-01-20T15:15:00.000Z');
      await server.prune();
      expect(await grantsLeft()).toBe(0);
      expect(await sessionsLeft()).toBe(sessionsBefore - 3);
      // Eight days on: every session of this suite reached its absolute end (7 days) a day ago.
      server.clock.set('2026-01-27T15:00:00.000Z');
      await server.prune();
      expect(await sessionsLeft()).toBe(0);
      expect(grantsBefore).toBeGreaterThan(0);
      expect((await live.fetch('/v1/me')).status).toBe(401);
      expect((await new TestBrowser(server).signInWith(link.url)).status).toBe(404);
    } finally {
      server.clock.set(NOW);
    }
  });
});

describe.each(STORE_KINDS)('session cookies over https on %s', (kind) => {
  describe('with an https PUBLIC_URL', () => {
    let acme: TestWorkspace;
    const server = serverForSuite(kind, { now: NOW, publicUrl: 'https://leadside.example' });
    beforeAll(async () => {
      acme = await makeWorkspace(server, 'Acme');
    }, 60_000);

    it('marks the cookie Secure and takes writes from the public origin only', async () => {
      const link = await linkFor(server, acme, acme.users.admin!.id);
      expect(link.url).toMatch(/^https:\/\/leadside\.example\/signin\/lsl_/);
      const browser = new TestBrowser(server);
      expect((await browser.signInWith(link.url, `http://127.0.0.1:${server.port}`)).status).toBe(403);
      expect((await browser.signInWith(link.url, 'https://leadside.example')).status).toBe(303);
      expect(browser.lastSetCookie[0]).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
      const { csrfToken } = await sessionOf(browser);
      const write = (origin: string) => browser.fetch('/v1/signin-links', { method: 'POST', json: {}, headers: { origin, 'x-csrf-token': csrfToken } });
      expect((await write(`http://127.0.0.1:${server.port}`)).status).toBe(403);
      expect((await write('https://leadside.example')).status).toBe(201);
      expect((await write('https://leadside.example')).status).toBe(201);
    });
  });

  describe('behind a trusted proxy', () => {
    let acme: TestWorkspace;
    const server = serverForSuite(kind, { now: NOW, trustProxy: true });
    beforeAll(async () => {
      acme = await makeWorkspace(server, 'Acme');
    }, 60_000);

    it('marks the cookie Secure when the proxy forwarded https, and not over plain http', async () => {
      const viaHttps = new TestBrowser(server);
      await viaHttps.fetch(new URL((await linkFor(server, acme, acme.users.rep!.id)).url).pathname, { method: 'POST', headers: { 'x-forwarded-proto': 'https' } });
      expect(viaHttps.lastSetCookie[0]).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
      const viaHttp = new TestBrowser(server);
      await viaHttp.fetch(new URL((await linkFor(server, acme, acme.users.rep!.id)).url).pathname, { method: 'POST', headers: { 'x-forwarded-proto': 'http' } });
      expect(viaHttp.lastSetCookie[0]).toMatch(/; HttpOnly; SameSite=Lax$/);
    });
  });
});

describe.each(STORE_KINDS)('rate limits on the public sign-in and shared routes on %s', (kind) => {
  const server = serverForSuite(kind, { now: NOW, limits: { perIp: 3 } });

  it.each([
    ['the sign-in pages (links and codes counted together)', ['/signin/lsl_guess', '/signin/code/lsc_guess', '/signin/lsl_guess', '/signin/code/lsc_guess']],
    ['the shared screen', Array<string>(4).fill('/v1/shared/lsv_guess/sla')],
  ])('answers 429 to the 4th guess a minute at %s', async (_what, paths) => {
    const statuses: number[] = [];
    for (const path of paths) statuses.push((await fetch(`${server.url}${path}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});
