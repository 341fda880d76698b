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
});
