import { describe, expect, it } from 'vitest';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

describe.each(STORE_KINDS)('/v1/users on %s', (kind) => {
  let made = 0;

  const server = serverForSuite(kind, { now: '2026-03-10T15:00:00Z' });

  /** A workspace of its own per test: these tests disable, demote and revoke. */
  const freshWorkspace = () => makeWorkspace(server, `Team${++made}`);
  const me = (token: string) => server.api(token, '/v1/me');
  const patch = (ws: TestWorkspace, id: string, json: unknown, as = ws.users.admin!.token) =>
    server.api(as, `/v1/users/${id}`, { method: 'PATCH', json });

  it('lists the workspace to managers and admins, by email', async () => {
    const ws = await freshWorkspace();
    const slug = `team${made}.example`;
    const res = await server.api(ws.users.manager!.token, '/v1/users');
    expect(res.status).toBe(200);
    const user = (key: string, role: string) => ({ id: ws.users[key]!.id, email: `${key}@${slug}`, name: `Team${made} ${key}`, role, disabled: false });
    expect(await res.json()).toEqual({
      users: [user('admin', 'admin'), user('manager', 'manager'), user('marketing', 'marketing'), user('rep2', 'rep'), user('rep', 'rep')],
    });
    expect(await (await server.api(ws.users.admin!.token, '/v1/users')).json()).toEqual(await (await server.api(ws.users.manager!.token, '/v1/users')).json());
    for (const who of ['rep', 'marketing']) {
      const refused = await server.api(ws.users[who]!.token, '/v1/users');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: `only manager, admin may do this; you are ${who}` } });
    }
  });

  it('lets an admin add a user, with the email normalised', async () => {
    const ws = await freshWorkspace();
    const res = await server.api(ws.users.admin!.token, '/v1/users', {
      method: 'POST',
      json: { email: '  Dana.Scully@Team.Example ', name: ' Dana Scully ', role: 'rep' },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toEqual({ id: created.id, email: 'dana.scully@team.example', name: 'Dana Scully', role: 'rep', disabled: false });
    expect(created.id).toMatch(/^u_/);
    const list = (await (await server.api(ws.users.manager!.token, '/v1/users')).json()).users;
    expect(list).toContainEqual(created);
  });

  it('lets only admins add users', async () => {
    const ws = await freshWorkspace();
    for (const who of ['manager', 'marketing', 'rep']) {
      const res = await server.api(ws.users[who]!.token, '/v1/users', { method: 'POST', json: { email: `new-${who}@team.example`, name: 'New', role: 'rep' } });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toBe(`only admin may do this; you are ${who}`);
    }
  });

  it('refuses an email already in use, in this workspace or another, with 409', async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    for (const email of [ws.users.rep!.email, ws.users.rep!.email.toUpperCase(), other.users.manager!.email]) {
      const res = await server.api(ws.users.admin!.token, '/v1/users', { method: 'POST', json: { email, name: 'Copy', role: 'rep' } });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: { code: 'conflict', message: `the email ${email.toLowerCase()} is already in use` } });
    }
    expect((await (await server.api(ws.users.admin!.token, '/v1/users')).json()).users).toHaveLength(5);
  });

  it('refuses a bad new user with 400 naming each field', async () => {
    const ws = await freshWorkspace();
    const res = await server.api(ws.users.admin!.token, '/v1/users', {
      method: 'POST',
      json: { email: 'not-an-email', name: '', role: 'owner', workspaceId: 'ws_other' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toEqual([
      { path: 'email', message: 'must be an email address' },
      { path: 'name', message: 'a name is required' },
      { path: 'role', message: 'must be one of rep, manager, marketing, admin' },
      { path: '', message: 'Unrecognized key: "workspaceId"' },
    ]);
  });

  it('lets an admin rename a user and change their role, which their next request carries', async () => {
    const ws = await freshWorkspace();
    const res = await patch(ws, ws.users.rep!.id, { name: 'Rita Rep', role: 'manager' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: ws.users.rep!.id, email: ws.users.rep!.email, name: 'Rita Rep', role: 'manager', disabled: false });
    expect((await (await me(ws.users.rep!.token)).json()).user).toMatchObject({ name: 'Rita Rep', role: 'manager' });
    expect((await server.api(ws.users.rep!.token, '/v1/users')).status).toBe(200);

    expect((await patch(ws, ws.users.rep2!.id, { role: 'admin' }, ws.users.manager!.token)).status).toBe(403);
    const empty = await patch(ws, ws.users.rep2!.id, {});
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.issues).toEqual([{ path: '', message: 'give at least one of name, role, disabled' }]);
    const unknown = await patch(ws, ws.users.rep2!.id, { email: 'x@y.example' });
    expect(unknown.status).toBe(400);
  });

  it('shuts a disabled user out at once, and lets them back in when enabled', async () => {
    const ws = await freshWorkspace();
    const off = await patch(ws, ws.users.rep!.id, { disabled: true });
    expect(off.status).toBe(200);
    expect((await off.json()).disabled).toBe(true);
    expect((await me(ws.users.rep!.token)).status).toBe(401);
    expect((await patch(ws, ws.users.rep!.id, { disabled: false })).status).toBe(200);
    expect((await me(ws.users.rep!.token)).status).toBe(200);
  });

  it('never lets a workspace lose its last active admin', async () => {
    const ws = await freshWorkspace();
    const admin = ws.users.admin!;
    const message = `${admin.email} is the last active admin of this workspace: make someone else admin first`;
    for (const change of [{ role: 'manager' }, { disabled: true }, { role: 'rep', disabled: true }]) {
      const res = await patch(ws, admin.id, change);
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: { code: 'conflict', message } });
    }
    expect((await (await me(admin.token)).json()).user.role).toBe('admin');

    // A disabled admin does not count: promoting someone and then disabling them still leaves one active admin.
    expect((await patch(ws, ws.users.manager!.id, { role: 'admin' })).status).toBe(200);
    expect((await patch(ws, ws.users.manager!.id, { disabled: true })).status).toBe(200);
    expect((await patch(ws, admin.id, { role: 'manager' })).status).toBe(409);

    // With a second active admin, the first may step down; then the second is the last one.
    expect((await patch(ws, ws.users.manager!.id, { disabled: false })).status).toBe(200);
    expect((await patch(ws, admin.id, { role: 'manager' })).status).toBe(200);
    const selfDemotion = await patch(ws, ws.users.manager!.id, { role: 'rep' }, ws.users.manager!.token);
    expect(selfDemotion.status).toBe(409);
    expect((await selfDemotion.json()).error.message).toBe(`${ws.users.manager!.email} is the last active admin of this workspace: make someone else admin first`);
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    const ws = await freshWorkspace();
    expect((await patch(ws, ws.users.manager!.id, { role: 'admin' })).status).toBe(200);
    const [first, second] = await Promise.all([
      patch(ws, ws.users.manager!.id, { role: 'manager' }, ws.users.admin!.token),
      patch(ws, ws.users.admin!.id, { role: 'manager' }, ws.users.manager!.token),
    ]);
    // Exactly one wins. The other is refused either by the last-admin check (409, if it was already past sign-in) or
    // at sign-in (403, if its sender had already been demoted); never do both go through.
    const statuses = [first!.status, second!.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = (await (await server.api(ws.users.manager!.token, '/v1/users')).json()).users.filter((u: { role: string }) => u.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('gives one of two admins adding the same email at the same moment a 201 and the other a 409', async () => {
    const ws = await freshWorkspace();
    const add = () => server.api(ws.users.admin!.token, '/v1/users', { method: 'POST', json: { email: `twin@team${made}.example`, name: 'Twin', role: 'rep' } });
    const results = await Promise.all([add(), add(), add()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it("lets an admin make a user's token, shown once, that works on /v1/me", async () => {
    const ws = await freshWorkspace();
    const res = await server.api(ws.users.admin!.token, `/v1/users/${ws.users.rep!.id}/tokens`, { method: 'POST', json: { name: 'Laptop' } });
    expect(res.status).toBe(201);
    const { token, ...rest } = await res.json();
    expect(rest).toEqual({ id: expect.stringMatching(/^tok_/), name: 'Laptop', createdAt: '2026-03-10T15:00:00.000Z', lastUsedAt: null, expiresAt: null, revokedAt: null });
    expect(token).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
    const who = await me(token);
    expect(who.status).toBe(200);
    expect((await who.json()).user.id).toBe(ws.users.rep!.id);
  });

  it("revokes every token of a user at once: after that they all get 401, other users' still work", async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const second = (await (await server.api(ws.users.admin!.token, `/v1/users/${rep.id}/tokens`, { method: 'POST', json: { name: 'Laptop' } })).json()).token;
    const res = await server.api(ws.users.admin!.token, `/v1/users/${rep.id}/tokens`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    for (const token of [rep.token, second]) {
      const refused = await me(token);
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.message).toBe('this token is not valid (unknown, revoked, or its user is disabled)');
    }
    expect((await me(ws.users.rep2!.token)).status).toBe(200);
    // A new token after a revocation works: revoking is not disabling.
    const fresh = (await (await server.api(ws.users.admin!.token, `/v1/users/${rep.id}/tokens`, { method: 'POST', json: { name: 'Laptop' } })).json()).token;
    expect((await me(fresh)).status).toBe(200);
  });

  it('lets anyone make and revoke their own tokens, and nobody but an admin touch anyone else’s', async () => {
    const ws = await freshWorkspace();
    const rep = ws.users.rep!;
    const issued = await server.api(rep.token, `/v1/users/${rep.id}/tokens`, { method: 'POST', json: { name: 'Laptop' } });
    expect(issued.status).toBe(201);
    const laptop = (await issued.json()).token;
    expect((await me(laptop)).status).toBe(200);

    for (const who of ['rep', 'manager', 'marketing']) {
      const token = ws.users[who]!.token;
      const target = ws.users.rep2!.id;
      const create = await server.api(token, `/v1/users/${target}/tokens`, { method: 'POST', json: { name: 'Laptop' } });
      expect(create.status).toBe(403);
      expect(await create.json()).toEqual({ error: { code: 'forbidden', message: `only an admin may manage another user's tokens; you are ${who}` } });
      expect((await server.api(token, `/v1/users/${target}/tokens`, { method: 'DELETE' })).status).toBe(403);
    }
    expect((await me(ws.users.rep2!.token)).status).toBe(200);

    // "Sign me out everywhere": the calling token goes too.
    expect((await server.api(laptop, `/v1/users/${rep.id}/tokens`, { method: 'DELETE' })).status).toBe(204);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(rep.token)).status).toBe(401);
  });

  it('makes no token for a disabled user', async () => {
    const ws = await freshWorkspace();
    await patch(ws, ws.users.rep!.id, { disabled: true });
    const res = await server.api(ws.users.admin!.token, `/v1/users/${ws.users.rep!.id}/tokens`, { method: 'POST', json: { name: 'Laptop' } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe(`${ws.users.rep!.email} is disabled: enable them before making a token`);
  });

  it("answers another workspace's user exactly like an unknown one, and changes nothing", async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const victim = other.users.rep!;
    for (const id of [victim.id, 'u_doesnotexist']) {
      const calls = [
        patch(ws, id, { role: 'admin' }),
        server.api(ws.users.admin!.token, `/v1/users/${id}/tokens`, { method: 'POST', json: { name: 'Laptop' } }),
        server.api(ws.users.admin!.token, `/v1/users/${id}/tokens`, { method: 'DELETE' }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: `user ${id} not found` } });
      }
    }
    for (const id of ['%00', 'a%20b']) {
      const res = await server.api(ws.users.admin!.token, `/v1/users/${id}/tokens`, { method: 'POST', json: { name: 'Laptop' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'user not found' } });
    }
    const still = await me(victim.token);
    expect(still.status).toBe(200);
    expect((await still.json()).user.role).toBe('rep');
    expect((await (await server.api(ws.users.admin!.token, '/v1/users')).json()).users.map((u: { id: string }) => u.id)).not.toContain(victim.id);
  });
});
