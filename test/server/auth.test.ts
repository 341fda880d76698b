import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

describe.each(STORE_KINDS)('auth and /v1/me on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;

  const server = serverForSuite(kind);
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex', 'Europe/London');
  }, 60_000);

  it('answers /healthz without a token', async () => {
    const res = await server.api(null, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('tells the caller who they are, from the token alone', async () => {
    const res = await server.api(acme.users.rep!.token, '/v1/me');
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me).toMatchObject({
      user: { id: acme.users.rep!.id, email: 'rep@acme.example', role: 'rep', name: 'Acme rep' },
      workspace: { id: acme.id, name: 'Acme', domains: ['acme.example'] },
      calendar: { timeZone: 'America/New_York', week: { mon: [{ start: '09:00', end: '17:00' }], sat: [] } },
    });
    const other = await (await server.api(globex.users.manager!.token, '/v1/me')).json();
    expect(other).toMatchObject({ user: { role: 'manager' }, workspace: { id: globex.id }, calendar: { timeZone: 'Europe/London' } });
  });

  it.each([
    ['no header', undefined, 'sign in: send "Authorization: Bearer <token>"'],
    ['not a bearer header', 'Basic dXNlcjpwYXNz', 'the Authorization header must be "Bearer <token>"'],
    ['an unknown token', 'Bearer lsk_nottherealtoken', 'this token is not valid (unknown, revoked, or its user is disabled)'],
  ])('refuses %s with 401 and says why', async (_what, header, message) => {
    const res = await server.api(null, '/v1/me', { headers: header ? { authorization: header } : {} });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message } });
  });

  it('answers an unknown route with a JSON 404 and security headers', async () => {
    const res = await server.api(acme.users.rep!.token, '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows the extension origin by CORS and no web page', async () => {
    const pre = await server.api(null, '/v1/me', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'access-control-request-method': 'GET' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const evil = await server.api(null, '/v1/me', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
