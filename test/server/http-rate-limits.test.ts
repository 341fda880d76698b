import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/serve';
import { silentLogger } from '../../server/http/logger';
import { STORE_KINDS, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

const statuses = async (n: number, call: () => Promise<Response>) => {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) seen.push((await call()).status);
  return seen;
};

describe.each(STORE_KINDS)('rate limits behind a load balancer, across processes and by cost on %s', (kind) => {
  describe('per client address behind TRUST_PROXY', () => {
    let server: TestServer;
    let acme: TestWorkspace;
    beforeAll(async () => {
      server = await startTestServer(kind, { trustProxy: true, limits: { perIp: 5 } });
      acme = await makeWorkspace(server, 'Acme');
    }, 60_000);
    afterAll(() => server?.close());

    it('counts each forwarded client apart on /v1, so one flood of bad tokens limits only its sender', async () => {
      // Every request comes from the balancer's address (127.0.0.1); the balancer appends the client's.
      const from = (client: string, token: string) => server.api(token, '/v1/me', { headers: { 'x-forwarded-for': `10.9.9.9, ${client}` } });
      expect(await statuses(6, () => from('203.0.113.5', 'lsk_guessing'))).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await from('198.51.100.7', acme.users.rep!.token)).status).toBe(200);
      // A client cannot dodge the limit by writing its own entries in front: only the last one counts.
      expect((await server.api('lsk_guessing', '/v1/me', { headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.5' } })).status).toBe(429);
    });
  });

  describe('a per-process share (API_PROCESSES)', () => {
    let server: TestServer;
    let acme: TestWorkspace;
    beforeAll(async () => {
      // Three processes share 9 requests a minute per token and 12 batches per site key: 3 and 4 each.
      server = await startTestServer(kind, { apiProcesses: 3, limits: { perToken: 9, perSiteKey: 12 } });
      acme = await makeWorkspace(server, 'Acme');
    }, 60_000);
    afterAll(() => server?.close());

    it('divides each limit by the number of processes', async () => {
      expect(await statuses(4, () => server.api(acme.users.rep!.token, '/v1/me'))).toEqual([200, 200, 200, 429]);
      const batch = (i: number) =>
        JSON.stringify({ siteKey: acme.siteKey, visitorId: 'visitor_share', events: [{ id: `e${i}`, type: 'page_view', url: 'https://acme.example/', at: '2026-01-19T15:00:00Z' }] });
      let i = 0;
      expect(await statuses(5, () => fetch(`${server.url}/v1/collect`, { method: 'POST', body: batch(++i) }))).toEqual([200, 200, 200, 200, 429]);
    });
  });

  describe('weighed by cost', () => {
    let server: TestServer;
    let acme: TestWorkspace;
    beforeAll(async () => {
      server = await startTestServer(kind, { limits: { perToken: 30, perIp: 1000 } });
      acme = await makeWorkspace(server, 'Acme');
    }, 60_000);
    afterAll(() => server?.close());

    it('counts a 100-mutation batch as 21 requests and a 50-address lookup as 11', async () => {
      server.clock.set('2026-01-19T15:00:00Z');
      const rep = acme.users.rep!.token;
      // Malformed items are refused one by one: the batch still costs what applying it would.
      const pushed = await server.api(rep, '/v1/mutations', { method: 'POST', json: { mutations: Array.from({ length: 100 }, (_, i) => ({ id: `m_small_${i}` })) } });
      expect(pushed.status).toBe(200);
      // 21 spent: nine plain requests are left of the 30.
      expect(await statuses(10, () => server.api(rep, '/v1/me'))).toEqual([...Array(9).fill(200), 429]);

      server.clock.advance(60_000);
      const emails = Array.from({ length: 50 }, (_, i) => `nobody${i}@buyer.example`).join(',');
      expect((await server.api(rep, `/v1/contacts/lookup?email=${emails}`)).status).toBe(200);
      expect((await server.api(rep, `/v1/contacts/lookup?email=${emails}`)).status).toBe(200);
      // 22 spent: eight are left.
      expect(await statuses(9, () => server.api(rep, '/v1/me'))).toEqual([...Array(8).fill(200), 429]);
    });

    it('takes a costly request while any of the minute is left, then nothing more until the next', async () => {
      server.clock.set('2026-01-19T16:00:00Z');
      const manager = acme.users.manager!.token;
      expect(await statuses(29, () => server.api(manager, '/v1/me'))).toEqual(Array(29).fill(200));
      const big = await server.api(manager, '/v1/mutations', { method: 'POST', json: { mutations: Array.from({ length: 500 }, (_, i) => ({ id: `m_big_${i}` })) } });
      expect(big.status).toBe(200);
      const after = await server.api(manager, '/v1/mutations', { method: 'POST', json: { mutations: [{ id: 'm_after' }] } });
      expect(after.status).toBe(429);
      expect(after.headers.get('retry-after')).toBe('60');
    });
  });
});

describe('rate limit settings', () => {
  it('refuses an API_PROCESSES that is not a whole number of at least 1, saying so', async () => {
    for (const apiProcesses of [0, 1.5, -2]) {
      await expect(startServer({ port: 0, host: '127.0.0.1', store: { memory: true }, log: silentLogger, apiProcesses })).rejects.toThrow(
        'API_PROCESSES must be a whole number of at least 1',
      );
    }
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a balancer adds it', async () => {
    const server = await startTestServer('pglite', { limits: { perIp: 3 } });
    try {
      const from = (client: string) => server.api('lsk_guessing', '/v1/me', { headers: { 'x-forwarded-for': client } });
      expect([(await from('203.0.113.5')).status, (await from('198.51.100.7')).status, (await from('192.0.2.1')).status, (await from('192.0.2.2')).status]).toEqual([
        401, 401, 401, 429,
      ]);
    } finally {
      await server.close();
    }
    // A server of its own: opening PGlite and migrating it takes seconds on a loaded machine.
  }, 60_000);
});
