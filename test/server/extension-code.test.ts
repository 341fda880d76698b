import { beforeAll, describe, expect, it } from 'vitest';
import { ExtensionCodeToken } from '../../lib/core/model/sessions';
import { extensionCodeFor } from '../../server/domain/sign-in';
import { findUserByEmail } from '../../server/domain/admin';
import { signInGrants, tokens } from '../../server/store/schema';
import { eq } from 'drizzle-orm';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestServer, type TestWorkspace } from './harness';

const NOW = '2026-01-19T15:00:00.000Z';
const MIN = 60_000;

/** A one-time code for the user, as `npm start` makes one. */
async function codeFor(server: TestServer, email: string): Promise<string> {
  const user = await findUserByEmail(server.store.db, email);
  return (await extensionCodeFor(server.store.db, user!, server.clock.now())).code;
}

const exchange = (server: TestServer, body: unknown) => server.api(null, '/v1/extension-code', { method: 'POST', json: body });
const tokenCount = async (server: TestServer) => (await server.store.db.select({ id: tokens.id }).from(tokens)).length;

describe.each(STORE_KINDS)('the extension sign-in code on %s', (kind) => {
  let acme: TestWorkspace;
  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);

  it('is exchanged once, without a token, for a new token of that user that the API accepts', async () => {
    const rep = acme.users.rep!;
    const code = await codeFor(server, rep.email);
    expect(code).toMatch(/^lse_[A-Za-z0-9_-]{43}$/);
    const res = await exchange(server, { code });
    expect(res.status).toBe(201);
    const answer = ExtensionCodeToken.parse(await res.json());
    expect(answer.user).toEqual({ name: 'Acme rep', email: rep.email });
    expect(answer.token).not.toBe(rep.token);
    const me = await server.api(answer.token, '/v1/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(rep.id);

    const before = await tokenCount(server);
    const again = await exchange(server, { code });
    expect(again.status).toBe(410);
    expect(await again.json()).toEqual({
      error: { code: 'gone', message: 'this extension sign-in code was already used, on 2026-01-19 15:00 UTC: ask for a new one' },
    });
    expect(await tokenCount(server)).toBe(before);
  });

  it('expires after 15 minutes, and nothing is issued for it', async () => {
    const code = await codeFor(server, acme.users.manager!.email);
    server.clock.advance(15 * MIN);
    const before = await tokenCount(server);
    const res = await exchange(server, { code });
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({
      error: { code: 'gone', message: 'this extension sign-in code expired on 2026-01-19 15:15 UTC: ask for a new one' },
    });
    expect(await tokenCount(server)).toBe(before);
    server.clock.set(NOW);
  });

  it('refuses a code it never made, another kind of one-time secret, and a malformed body, precisely', async () => {
    const before = await tokenCount(server);
    const unknown = await exchange(server, { code: `lse_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: 'not_found', message: 'this extension sign-in code is not one we made: check that it was copied whole, or ask for a new one' },
    });
    // A dashboard link's secret opens the dashboard only, never a token.
    const link = await server.api(acme.users.rep!.token, '/v1/dashboard-code', { method: 'POST' });
    const linkSecret = new URL(((await link.json()) as { url: string }).url).pathname.split('/').pop()!;
    const wrongKind = await exchange(server, { code: linkSecret });
    expect(wrongKind.status).toBe(400);
    const bad = await exchange(server, { code: 'lsk_x', token: 'x' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['', 'code']);
    expect(body.error.issues.find((i) => i.path === 'code')!.message).toBe('must be a one-time extension code: it starts with lse_');
    expect(await tokenCount(server)).toBe(before);
  });

  it('gives a disabled user nothing and leaves the code unused', async () => {
    const rep2 = acme.users.rep2!;
    const code = await codeFor(server, rep2.email);
    const { users } = await import('../../server/store/schema');
    await server.store.db.update(users).set({ disabled: true }).where(eq(users.id, rep2.id));
    const res = await exchange(server, { code });
    expect(res.status).toBe(403);
    const [grant] = await server.store.db.select().from(signInGrants).where(eq(signInGrants.userId, rep2.id));
    expect(grant!.usedAt).toBeNull();
    await server.store.db.update(users).set({ disabled: false }).where(eq(users.id, rep2.id));
  });

  it('answers the extension\'s preflight (CORS) like the rest of /v1', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const res = await server.api(null, '/v1/extension-code', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });
});

describe('the extension sign-in code is rate limited per address', () => {
  const server = serverForSuite('pglite', { now: NOW, limits: { perIp: 3 } });

  it('refuses a guesser once the address used its budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await exchange(server, { code: `lse_${String(i).repeat(43)}` })).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});
