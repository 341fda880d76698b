import { count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SignInOptions } from '../../lib/core/model/sessions';
import { oidcConfigFromEnv } from '../../server/auth/oidc';
import { SESSION_COOKIE } from '../../server/auth/session-cookie';
import { auditEvents, oidcLogins, sessions, users } from '../../server/store/schema';
import { browse, CookieJar, openTestProvider, type TestProvider } from '../support/oidc-provider';
import { makeWorkspace, STORE_KINDS, startTestServer, type TestServer, type TestWorkspace } from './harness';

// Single sign-on against a real OpenID provider (oidc-provider) started here: the whole code flow over HTTP with one
// browser's cookies, then each way it must refuse, and that a refusal starts no session and creates no user.

const CLIENT = { clientId: 'leadside', clientSecret: 'leadside-secret-0123456789abcdef' };
const OTHER = { clientId: 'other-app', clientSecret: 'other-secret-0123456789abcdef', redirectUri: 'http://127.0.0.1:9/other/callback' };

describe('single sign-on configuration from the environment', () => {
  it('is off with nothing set, and refuses a half-set one by name', () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'https://login.example.com' })).toThrow(
      'single sign-on needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too (or none of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    );
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'ftp://x', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toThrow('OIDC_ISSUER must be');
    expect(oidcConfigFromEnv({ OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'a',
      clientSecret: 'b',
      name: 'login.example.com',
    });
  });
});

describe.each(STORE_KINDS)('single sign-on on %s', (kind) => {
  let provider: TestProvider;
  let server: TestServer;
  let ws: TestWorkspace;
  let callbackUrl: string;

  beforeAll(async () => {
    provider = await openTestProvider({ idTokenTtlSeconds: 60 });
    server = await startTestServer(kind, { now: new Date().toISOString(), oidc: { issuer: provider.issuer, ...CLIENT, name: 'Acme Login' } });
    callbackUrl = `${server.url}/signin/oidc/callback`;
    provider.configure([{ ...CLIENT, redirectUri: callbackUrl }, OTHER]);
    ws = await makeWorkspace(server, 'Acme');
    provider.accounts.set('maya', { email: ws.users.rep!.email.toUpperCase(), emailVerified: true, name: 'Maya' });
    provider.accounts.set('unverified', { email: ws.users.manager!.email, emailVerified: false });
    provider.accounts.set('stranger', { email: 'stranger@elsewhere.example', emailVerified: true });
    provider.accounts.set('newcomer', { email: 'new.person@acme.example', emailVerified: true, name: 'New Person' });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await provider?.close();
  });
  // The provider stamps tokens with the wall clock; the server judges them by its own, which starts each test there.
  beforeEach(() => {
    server.clock.set(new Date().toISOString());
    provider.swapIdToken = null;
  });

  /**
   * Begins a sign-in in a fresh browser and signs in at the provider as `login`: answers the callback URL, unopened,
   * and the nonce the sign-in was begun with.
   */
  async function toCallback(login: string, jar = new CookieJar()) {
    const atProvider = await browse(jar, `${server.url}/signin/oidc`, login, provider.issuer);
    const nonce = new URL(atProvider.url).searchParams.get('nonce')!;
    const { url } = await browse(jar, atProvider.url, login, callbackUrl);
    return { jar, url, nonce };
  }

  const unusedLogins = async () => (await server.store.db.select({ n: count() }).from(oidcLogins).where(isNull(oidcLogins.usedAt)))[0]!.n;
  const countOf = async (table: typeof sessions | typeof users) => (await server.store.db.select({ n: count() }).from(table))[0]!.n;

  it('tells the signed-out dashboard which provider to offer', async () => {
    const res = await fetch(`${server.url}/v1/sign-in-options`);
    expect(res.status).toBe(200);
    expect(SignInOptions.parse(await res.json())).toEqual({ sso: { name: 'Acme Login', startUrl: '/signin/oidc' } });
  });

  it('signs a known user in through the whole code flow, with the session a sign-in link starts', async () => {
    const { jar, url } = await toCallback('maya');
    const begun = new URL(url);
    expect(begun.searchParams.get('code')).toBeTruthy();
    expect(jar.get(server.url, 'leadside_oidc_state')).toBe(begun.searchParams.get('state'));
    const res = await jar.fetch(url);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/');
    expect(jar.get(server.url, 'leadside_oidc_state')).toBeUndefined();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const session = await jar.fetch(`${server.url}/v1/session`);
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: { email: string; role: string } }).user).toMatchObject({ email: ws.users.rep!.email, role: 'rep' });

    const audit = await server.api(ws.users.admin!.token, '/v1/audit?action=session.sso_sign_in');
    const events = ((await audit.json()) as { events: { target: { id: string }; changes: Record<string, { after: unknown }> }[] }).events;
    expect(events[0]!.target.id).toBe(ws.users.rep!.id);
    expect(events[0]!.changes.issuer!.after).toBe(provider.issuer);
    expect(events[0]!.changes.subject!.after).toBe('maya');

    // The same callback again, even with the state put back in the cookie: used once, refused now, no new session.
    const before = await countOf(sessions);
    jar.set(server.url, 'leadside_oidc_state', begun.searchParams.get('state')!);
    const replay = await jar.fetch(url);
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain('this sign-in was already used: begin it again from the dashboard');
    expect(await countOf(sessions)).toBe(before);
  });

  it('refuses a forged state without using the real one, and a callback from another browser', async () => {
    const { jar, url } = await toCallback('maya');
    const before = await countOf(sessions);
    const unusedBefore = await unusedLogins();
    const forged = new URL(url);
    forged.searchParams.set('state', 'forged-state-value');
    const res = await jar.fetch(forged.toString());
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('this sign-in was not begun in this browser (its state does not match): begin it again from the dashboard');
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    expect(await countOf(sessions)).toBe(before);

    // The genuine callback, opened in a browser that never began it (login CSRF): refused the same way.
    const elsewhere = await new CookieJar().fetch(url);
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toContain('this sign-in was not begun in this browser');
    expect(await countOf(sessions)).toBe(before);

    // Neither used anything: the browser that began it still finishes it.
    const state = new URL(url).searchParams.get('state')!;
    expect(await unusedLogins()).toBe(unusedBefore);
    expect(jar.get(server.url, 'leadside_oidc_state')).toBe(state);
    expect((await jar.fetch(url)).status).toBe(303);
  });

  it('refuses an ID token made for another client (wrong audience)', async () => {
    const { jar, url, nonce } = await toCallback('maya');
    provider.swapIdToken = await idTokenFor(OTHER, 'maya', nonce);
    const before = await countOf(sessions);
    const res = await jar.fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      'the provider&#39;s answer could not be verified: the ID token was made for another application (audience &quot;other-app&quot;), not for Leadside',
    );
    expect(await countOf(sessions)).toBe(before);
  });

  it('refuses an expired ID token', async () => {
    const { jar, url } = await toCallback('maya');
    // The token lives 60 s at this provider; five minutes on, it has expired (the sign-in itself still had time).
    server.clock.advance(5 * 60_000);
    const before = await countOf(sessions);
    const res = await jar.fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/the provider&#39;s answer could not be verified: the ID token expired at \d{4}-\d\d-\d\dT/);
    expect(await countOf(sessions)).toBe(before);
  });

  it('refuses an email the provider has not verified', async () => {
    const { jar, url } = await toCallback('unverified');
    const before = await countOf(sessions);
    const res = await jar.fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(`the provider has not verified ${ws.users.manager!.email}: verify it with your provider, then sign in again`);
    expect(await countOf(sessions)).toBe(before);
  });

  it('refuses an unknown address on a domain nobody allowed, creating no user', async () => {
    const { jar, url } = await toCallback('stranger');
    const [sessionsBefore, usersBefore] = [await countOf(sessions), await countOf(users)];
    const res = await jar.fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      'no Leadside user has the address stranger@elsewhere.example, and no workspace lets elsewhere.example sign up: ask your admin to add you',
    );
    expect([await countOf(sessions), await countOf(users)]).toEqual([sessionsBefore, usersBefore]);
  });

  it('creates a user on a domain the admin allowed, with the role the admin chose, and records it', async () => {
    const refusedFirst = await toCallback('newcomer');
    expect((await refusedFirst.jar.fetch(refusedFirst.url)).status).toBe(403);

    const settings = await (await server.api(ws.users.admin!.token, '/v1/settings')).json();
    // A manager may not open the door: the part is the admins'.
    const byManager = await server.api(ws.users.manager!.token, '/v1/settings', {
      method: 'PUT',
      json: { ...settings, sso: { signUpDomains: ['acme.example'], signUpRole: 'manager' } },
    });
    expect(byManager.status).toBe(403);
    const bad = await server.api(ws.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...settings, sso: { signUpDomains: ['not a domain'] } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('sso.signUpDomains.0');
    const saved = await server.api(ws.users.admin!.token, '/v1/settings', {
      method: 'PUT',
      json: { ...settings, sso: { signUpDomains: ['acme.example'], signUpRole: 'marketing' } },
    });
    expect(saved.status).toBe(200);

    const { jar, url } = await toCallback('newcomer');
    const res = await jar.fetch(url);
    expect(res.status).toBe(303);
    const session = await jar.fetch(`${server.url}/v1/session`);
    const info = (await session.json()) as { user: { id: string; email: string; name: string; role: string }; workspace: { id: string } };
    expect(info.user).toMatchObject({ email: 'new.person@acme.example', name: 'New Person', role: 'marketing' });
    expect(info.workspace.id).toBe(ws.id);
    const created = await server.store.db.select().from(auditEvents).where(eq(auditEvents.targetId, info.user.id));
    expect(created.map((e) => e.action).sort()).toEqual(['session.sso_sign_in', 'user.create']);

    // The second time, they are a user like any other: signed in, not created again.
    const usersNow = await countOf(users);
    const again = await toCallback('newcomer');
    expect((await again.jar.fetch(again.url)).status).toBe(303);
    expect(await countOf(users)).toBe(usersNow);
  });

  /** An ID token the provider made for another client, with the nonce of the sign-in it is smuggled into. */
  async function idTokenFor(client: typeof OTHER, login: string, nonce: string): Promise<string> {
    const jar = new CookieJar();
    const verifier = 'v'.repeat(43);
    const challenge = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))).toString('base64url');
    const auth = new URL(`${provider.issuer}/auth`);
    for (const [k, v] of Object.entries({
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      response_type: 'code',
      scope: 'openid email',
      nonce,
      state: 'other',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })) {
      auth.searchParams.set(k, v);
    }
    const { url } = await browse(jar, auth.toString(), login, client.redirectUri);
    const code = new URL(url).searchParams.get('code')!;
    const token = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
        code_verifier: verifier,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }).toString(),
    });
    const body = (await token.json()) as { id_token?: string };
    if (!body.id_token) throw new Error(`no id_token for ${client.clientId}: ${JSON.stringify(body)}`);
    return body.id_token;
  }
});

describe('single sign-on when it is not configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  }, 60_000);
  afterAll(() => server?.close());

  it('offers no provider and answers its pages with a precise 404', async () => {
    expect(SignInOptions.parse(await (await fetch(`${server.url}/v1/sign-in-options`)).json())).toEqual({ sso: null });
    const res = await fetch(`${server.url}/signin/oidc`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('single sign-on is not configured on this server: sign in with a link from your admin');
  });
});
