import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS_FILE, demoSignIn } from '../../server/seed/credentials';
import { STORE_KINDS, serverForSuite } from './harness';

describe.each(STORE_KINDS)('the demo tokens kept across starts on %s', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-19T15:00:00Z' });
  const folder = mkdtempSync(join(tmpdir(), 'leadside-demo-tokens-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const tokensOf = async () => {
    const signIn = await demoSignIn(server.store.db, server.clock.now(), folder);
    if (signIn.kind === 'absent') throw new Error('no demo workspace');
    return Object.fromEntries(signIn.demo.credentials.map((c) => [c.email, c.token]));
  };

  it('prints the same working tokens at the next start, kept owner-only in the folder', async () => {
    const first = await tokensOf();
    expect(Object.keys(first)).toHaveLength(6);
    expect(await tokensOf()).toEqual(first);
    expect(JSON.parse(readFileSync(join(folder, DEMO_TOKENS_FILE), 'utf8'))).toEqual(first);
    expect(statSync(join(folder, DEMO_TOKENS_FILE)).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('replaces a kept token that was revoked, and only that one', async () => {
    const before = await tokensOf();
    const [email, token] = Object.entries(before)[0]!;
    const revoke = await server.api(token, '/v1/me/tokens');
    const [current] = ((await revoke.json()) as { tokens: { id: string; name: string }[] }).tokens;
    expect((await server.api(token, `/v1/me/tokens/${current!.id}`, { method: 'DELETE' })).status).toBe(204);
    const after = await tokensOf();
    expect(after[email]).not.toBe(token);
    expect((await server.api(after[email]!, '/v1/me')).status).toBe(200);
    expect(Object.entries(after).filter(([e]) => e !== email)).toEqual(Object.entries(before).filter(([e]) => e !== email));
  }, 60_000);
});
