import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appliedMutations, contacts } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// Found by the fuzz test: PostgreSQL cannot hold NUL in text or jsonb, so a NUL anywhere in a body, a key included,
// must be refused up front with where it was, not fail in the database.

describe.each(STORE_KINDS)('input PostgreSQL cannot hold on %s', (kind) => {
  let acme: TestWorkspace;
  const server = serverForSuite(kind);
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);

  it('refuses a key with NUL with 400 naming where, on a whole body and inside a mutation, and stores nothing', async () => {
    const token = acme.users.manager!.token;
    const before = [(await server.store.db.select({ n: count() }).from(contacts))[0]!.n, (await server.store.db.select({ n: count() }).from(appliedMutations))[0]!.n];
    const created = await server.api(token, '/v1/contacts', { method: 'POST', json: { email: 'nul@buyer.example', 'a\u0000b': 1 } });
    expect(created.status).toBe(400);
    expect(await created.json()).toEqual({
      error: {
        code: 'bad_request',
        message: 'request body is not valid: a key here contains the NUL character',
        issues: [{ path: '', message: 'a key here contains the NUL character' }],
      },
    });
    const pushed = await server.api(token, '/v1/mutations', {
      method: 'POST',
      json: { mutations: [{ id: 'm_nul', type: 'contact.recycle', at: '2026-01-19T15:00:00Z', contactId: 'c_x', reason: 'not now', nested: { 'k\u0000': 'v' } }] },
    });
    expect(pushed.status).toBe(400);
    expect((await pushed.json()).error.issues).toEqual([{ path: 'mutations.0.nested', message: 'a key here contains the NUL character' }]);
    expect([(await server.store.db.select({ n: count() }).from(contacts))[0]!.n, (await server.store.db.select({ n: count() }).from(appliedMutations))[0]!.n]).toEqual(before);
  });
  it('refuses an instant outside 1970 to 9999 (PostgreSQL has no year 0) with 400 naming the field', async () => {
    const token = acme.users.manager!.token;
    const contact = await (await server.api(token, '/v1/contacts', { method: 'POST', json: { email: 'when@buyer.example' } })).json();
    for (const sentAt of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z']) {
      const res = await server.api(token, '/v1/emails', { method: 'POST', json: { contactId: contact.id, links: [], sentAt } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual([{ path: 'sentAt', message: 'must be a date-time from 1970 to 9999' }]);
    }
    const pushed = await server.api(token, '/v1/mutations', {
      method: 'POST',
      json: { mutations: [{ id: 'm_year0', type: 'attempt.log', at: '0000-01-01T00:00:00Z', attempt: { id: 'a_year0', contactId: contact.id, channel: 'call', at: '0000-01-01T00:00:00Z' } }] },
    });
    expect(pushed.status).toBe(200);
    const [result] = (await pushed.json()).results;
    expect(result).toMatchObject({ id: 'm_year0', status: 'rejected', error: { code: 'bad_request' } });
    expect(result.error.issues.map((i: { path: string }) => i.path)).toEqual(['at', 'attempt.at']);
  });
});
