import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

describe.each(STORE_KINDS)('rate and size limits on %s', (kind) => {
  let acme: TestWorkspace;

  const server = serverForSuite(kind, { limits: { perToken: 3, perIp: 8 } });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);

  it('answers 429 with Retry-After once a token spends its minute, and lets it back in after', async () => {
    server.clock.set('2026-01-19T15:00:10Z');
    const token = acme.users.rep!.token;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.api(token, '/v1/me')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    server.clock.advance(10_000);
    const limited = await server.api(token, '/v1/me');
    // The window opened at :10 with the first request and lasts a minute; at :20 that is 50 s to wait.
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'too many requests: try again in 50 s' } });
    // Another token is counted apart.
    expect((await server.api(acme.users.rep2!.token, '/v1/me')).status).toBe(200);
    server.clock.advance(50_000);
    expect((await server.api(token, '/v1/me')).status).toBe(200);
  });

  it('limits an address however many tokens it tries', async () => {
    server.clock.set('2026-01-19T16:00:00Z');
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await server.api(`lsk_guess_${i}`, '/v1/me')).status);
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
  });

  it('refuses a body over 1 MB with 413 before reading it', async () => {
    server.clock.set('2026-01-19T17:00:00Z');
    const res = await server.api(acme.users.manager!.token, '/v1/mutations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [], pad: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: 'the request body must be at most 1024 KB' } });
  });
});
