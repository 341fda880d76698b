import { describe, expect, it, beforeAll } from 'vitest';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// GET/PUT /v1/me/alerts over real HTTP: each person's own alert preferences, whatever their role.
describe.each(STORE_KINDS)('alert preferences on %s', (kind) => {
  const server = serverForSuite(kind);
  let acme: TestWorkspace;
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  });
  const get = async (token: string) => {
    const res = await server.api(token, '/v1/me/alerts');
    expect(res.status).toBe(200);
    return res.json();
  };

  it('starts at the defaults, and a rep replaces their own without touching anyone else’s', async () => {
    const defaults = { emailRules: [], morningDigest: false, mutedRules: [], mutedContacts: [] };
    expect(await get(acme.users.rep!.token)).toEqual(defaults);
    const mine = { emailRules: ['active_now', 'sla_due_soon'], morningDigest: true, mutedRules: ['email_engaged'], mutedContacts: ['c_1'] };
    const res = await server.api(acme.users.rep!.token, '/v1/me/alerts', { method: 'PUT', json: mine });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(mine);
    expect(await get(acme.users.rep!.token)).toEqual(mine);
    expect(await get(acme.users.rep2!.token)).toEqual(defaults);
  });

  it('refuses a rule that does not exist or a field it does not know, with the path, and keeps what was there', async () => {
    const before = await get(acme.users.manager!.token);
    const bad = await server.api(acme.users.manager!.token, '/v1/me/alerts', { method: 'PUT', json: { emailRules: ['when_it_rains'] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('emailRules');
    const unknown = await server.api(acme.users.manager!.token, '/v1/me/alerts', { method: 'PUT', json: { userId: 'someone_else' } });
    expect(unknown.status).toBe(400);
    expect(await get(acme.users.manager!.token)).toEqual(before);
  });

  // GET /v1/me/alerts/leads: the names behind the muted ids, for the dashboard's My alerts.
  it('names the muted leads of the caller’s own workspace only: one deleted since or another workspace’s by id alone', async () => {
    const globex = await makeWorkspace(server, 'Globex');
    const create = async (ws: TestWorkspace, email: string, name: string) => {
      const res = await server.api(ws.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email, name } });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const kept = await create(acme, 'dana@brightwave.example', 'Dana Reyes');
    const deleted = await create(acme, 'old@brightwave.example', 'Old Lead');
    const theirs = await create(globex, 'secret@globex-lead.example', 'Not Yours');
    expect((await server.api(acme.users.manager!.token, `/v1/contacts/${deleted}`, { method: 'DELETE' })).status).toBe(204);
    const mutedContacts = [theirs, kept, deleted];
    expect((await server.api(acme.users.rep2!.token, '/v1/me/alerts', { method: 'PUT', json: { emailRules: [], morningDigest: false, mutedRules: [], mutedContacts } })).status).toBe(200);
    const res = await server.api(acme.users.rep2!.token, '/v1/me/alerts/leads');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      leads: [
        { id: theirs, name: null, email: null },
        { id: kept, name: 'Dana Reyes', email: 'dana@brightwave.example' },
        { id: deleted, name: null, email: null },
      ],
    });
    // Someone who muted nothing gets an empty list.
    expect(await (await server.api(acme.users.admin!.token, '/v1/me/alerts/leads')).json()).toEqual({ leads: [] });
  });
});
