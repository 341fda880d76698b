import { beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const NOW = '2026-03-10T15:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const MINUTE = 60_000;
const DAY = 86_400_000;

interface ListedToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

describe.each(STORE_KINDS)('named tokens on %s', (kind) => {
  let made = 0;

  const server = serverForSuite(kind, { now: NOW });
  beforeEach(() => server.clock.set(NOW));

  /** A workspace of its own per test (these tests revoke and expire tokens), its users' "test" tokens made an hour before NOW. */
  const freshWorkspace = async () => {
    server.clock.set(later(-60 * MINUTE));
    const ws = await makeWorkspace(server, `Crew${++made}`);
    server.clock.set(NOW);
    return ws;
  };
  const me = (token: string) => server.api(token, '/v1/me');
  const admin = (ws: TestWorkspace) => ws.users.admin!.token;
  const create = (ws: TestWorkspace, userId: string, json: unknown, as = admin(ws)) =>
    server.api(as, `/v1/users/${userId}/tokens`, { method: 'POST', json });
  const list = async (ws: TestWorkspace, userId: string, as = admin(ws)): Promise<ListedToken[]> => {
    const res = await server.api(as, `/v1/users/${userId}/tokens`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { tokens: ListedToken[] }).tokens;
  };
  const revoke = (ws: TestWorkspace, userId: string, tokenId: string, as = admin(ws)) =>
    server.api(as, `/v1/users/${userId}/tokens/${tokenId}`, { method: 'DELETE' });
  async function issued(ws: TestWorkspace, userId: string, json: unknown) {
    const res = await create(ws, userId, json);
    expect(res.status).toBe(201);
    return (await res.json()) as ListedToken & { token: string };
  }

  it('makes a named token with an expiry, shows its secret once, and lists it without the secret', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const res = await create(ws, rep.id, { name: '  Work laptop ', expiresInDays: 30 });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      token: expect.stringMatching(/^lsk_[A-Za-z0-9_-]{43}$/),
      id: expect.stringMatching(/^tok_/),
      name: 'Work laptop',
      createdAt: NOW,
      lastUsedAt: null,
      expiresAt: later(30 * DAY),
      revokedAt: null,
    });
    expect((await me(body.token)).status).toBe(200);

    const tokens = await list(ws, rep.id);
    // Newest first: the one just made, then the one the workspace was set up with.
    expect(tokens.map((t) => t.name)).toEqual(['Work laptop', 'test']);
    const { token: _secret, ...listed } = body;
    expect(tokens[0]).toEqual({ ...listed, lastUsedAt: NOW });
    for (const t of tokens) expect(Object.keys(t).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
  });

  it('takes an expiry as a date too, and none at all', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    expect((await issued(ws, rep.id, { name: 'Until April', expiresAt: '2026-04-01T09:30:00+02:00' })).expiresAt).toBe('2026-04-01T07:30:00.000Z');
    expect((await issued(ws, rep.id, { name: 'Forever' })).expiresAt).toBeNull();
  });

  it('refuses a bad new token with 400 naming each problem, and makes nothing', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const cases: [unknown, { path: string; message: string }[]][] = [
      [{}, [{ path: 'name', message: 'a name is required' }]],
      [{ name: '   ' }, [{ path: 'name', message: 'a name is required' }]],
      [{ name: 'x'.repeat(101) }, [{ path: 'name', message: 'must be at most 100 characters' }]],
      [{ name: 'A', expiresInDays: 0 }, [{ path: 'expiresInDays', message: 'must be a whole number of days from 1 to 3650' }]],
      [{ name: 'A', expiresInDays: 1.5 }, [{ path: 'expiresInDays', message: 'must be a whole number of days from 1 to 3650' }]],
      [{ name: 'A', expiresInDays: 3651 }, [{ path: 'expiresInDays', message: 'must be a whole number of days from 1 to 3650' }]],
      [{ name: 'A', expiresAt: 'next tuesday' }, [{ path: 'expiresAt', message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-06T16:30:00Z' }]],
      [{ name: 'A', expiresInDays: 5, expiresAt: '2026-04-01T00:00:00Z' }, [{ path: '', message: 'give expiresInDays or expiresAt, not both' }]],
      [{ name: 'A', secret: 'lsk_mine' }, [{ path: '', message: 'Unrecognized key: "secret"' }]],
    ];
    for (const [json, issues] of cases) {
      const res = await create(ws, rep.id, json);
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual(issues);
    }
    const past = await create(ws, rep.id, { name: 'A', expiresAt: NOW });
    expect(past.status).toBe(400);
    expect(await past.json()).toEqual({ error: { code: 'bad_request', message: `expiresAt must be in the future (it is ${NOW} now)` } });
    const noBody = await server.api(admin(ws), `/v1/users/${rep.id}/tokens`, { method: 'POST' });
    expect(noBody.status).toBe(400);
    expect((await noBody.json()).error.message).toBe('new token must be JSON');
    expect((await list(ws, rep.id)).map((t) => t.name)).toEqual(['test']);
  });

  it('answers an expired token 401 token_expired with its date; an unknown or revoked one stays unauthorized', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const { token, id } = await issued(ws, rep.id, { name: 'Trial', expiresInDays: 1 });
    server.clock.advance(DAY - 1);
    expect((await me(token)).status).toBe(200);
    server.clock.advance(1);
    const expired = await me(token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: { code: 'token_expired', message: 'This token expired on 2026-03-11 15:00 UTC; sign in again' } });
    // The list says so too, and the user's other token still works.
    expect((await list(ws, rep.id)).find((t) => t.id === id)?.expiresAt).toBe(later(DAY));
    expect((await me(rep.token)).status).toBe(200);

    // Revoked beats expired: the token will never work again, whatever its date.
    expect((await revoke(ws, rep.id, id)).status).toBe(204);
    const revoked = await me(token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: { code: 'unauthorized', message: 'this token is not valid (unknown, revoked, or its user is disabled)' } });
  });

  it('notes when a token was last used, at most every five minutes', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const { token, id } = await issued(ws, rep.id, { name: 'Phone' });
    const lastUsed = async () => (await list(ws, rep.id)).find((t) => t.id === id)?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await me(token);
    expect(await lastUsed()).toBe(NOW);
    server.clock.advance(5 * MINUTE - 1);
    await me(token);
    expect(await lastUsed()).toBe(NOW);
    server.clock.advance(1);
    await me(token);
    expect(await lastUsed()).toBe(later(5 * MINUTE));
    // A refused request is no use: an expired or revoked token's last use stays.
    expect((await revoke(ws, rep.id, id)).status).toBe(204);
    server.clock.advance(10 * MINUTE);
    expect((await me(token)).status).toBe(401);
    expect(await lastUsed()).toBe(later(5 * MINUTE));
  });

  it("revokes one token: it answers 401, the user's others keep working; revoking again changes nothing", async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const laptop = await issued(ws, rep.id, { name: 'Laptop' });
    server.clock.advance(MINUTE);
    const phone = await issued(ws, rep.id, { name: 'Phone' });
    expect((await revoke(ws, rep.id, laptop.id)).status).toBe(204);
    expect((await me(laptop.token)).status).toBe(401);
    expect((await me(phone.token)).status).toBe(200);
    expect((await me(rep.token)).status).toBe(200);

    server.clock.advance(MINUTE);
    expect((await revoke(ws, rep.id, laptop.id)).status).toBe(204);
    const tokens = await list(ws, rep.id);
    expect(tokens.map((t) => [t.name, t.revokedAt])).toEqual([
      ['Phone', null],
      ['Laptop', later(MINUTE)],
      ['test', null],
    ]);
  });

  it('lets a user list, make and revoke their own tokens at /v1/me/tokens, and nobody else’s', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const made = await server.api(rep.token, '/v1/me/tokens', { method: 'POST', json: { name: 'Home desktop', expiresInDays: 90 } });
    expect(made.status).toBe(201);
    const home = await made.json();
    expect(home).toMatchObject({ name: 'Home desktop', expiresAt: later(90 * DAY) });
    const mine = await server.api(rep.token, '/v1/me/tokens');
    expect(mine.status).toBe(200);
    expect((await mine.json()).tokens.map((t: ListedToken) => t.name)).toEqual(['Home desktop', 'test']);
    // The same list an admin sees at /v1/users/:id/tokens, and the user may read it there too.
    expect((await list(ws, rep.id, rep.token)).map((t) => t.id)).toEqual((await list(ws, rep.id)).map((t) => t.id));

    expect((await server.api(rep.token, `/v1/me/tokens/${home.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await me(home.token)).status).toBe(401);
    expect((await me(rep.token)).status).toBe(200);

    // Another user's token is not theirs to see or revoke, wherever they ask.
    const rep2Token = (await list(ws, ws.users.rep2!.id))[0]!;
    const notMine = await server.api(rep.token, `/v1/me/tokens/${rep2Token.id}`, { method: 'DELETE' });
    expect(notMine.status).toBe(404);
    expect(await notMine.json()).toEqual({ error: { code: 'not_found', message: `token ${rep2Token.id} not found` } });
    for (const who of ['rep', 'manager', 'marketing']) {
      const token = ws.users[who]!.token;
      const read = await server.api(token, `/v1/users/${ws.users.rep2!.id}/tokens`);
      expect(read.status).toBe(403);
      expect(await read.json()).toEqual({ error: { code: 'forbidden', message: `only an admin may manage another user's tokens; you are ${who}` } });
      expect((await revoke(ws, ws.users.rep2!.id, rep2Token.id, token)).status).toBe(403);
    }
    expect((await me(ws.users.rep2!.token)).status).toBe(200);

    // Revoking the token in use signs this device out.
    const current = (await (await server.api(rep.token, '/v1/me/tokens')).json()).tokens.find((t: ListedToken) => t.name === 'test');
    expect((await server.api(rep.token, `/v1/me/tokens/${current.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await me(rep.token)).status).toBe(401);
  });

  it("answers another workspace's user or token, or another user's token, exactly like an unknown one, and changes nothing", async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const victim = other.users.rep!;
    const victimToken = (await list(other, victim.id))[0]!;
    for (const id of [victim.id, 'u_doesnotexist']) {
      const calls = [
        server.api(admin(ws), `/v1/users/${id}/tokens`),
        create(ws, id, { name: 'Sneaky' }),
        revoke(ws, id, victimToken.id),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: `user ${id} not found` } });
      }
    }
    // A token id from another workspace, or of another user here, under a user of this workspace.
    const rep2Token = (await list(ws, ws.users.rep2!.id))[0]!;
    for (const tokenId of [victimToken.id, rep2Token.id, 'tok_doesnotexist']) {
      const res = await revoke(ws, ws.users.rep!.id, tokenId);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: `token ${tokenId} not found` } });
    }
    const odd = await revoke(ws, ws.users.rep!.id, 'a%20b');
    expect(odd.status).toBe(404);
    expect(await odd.json()).toEqual({ error: { code: 'not_found', message: 'token not found' } });
    expect((await me(victim.token)).status).toBe(200);
    expect((await me(ws.users.rep2!.token)).status).toBe(200);
    expect((await list(other, victim.id)).map((t) => t.name)).toEqual(['test']);
  });
});
