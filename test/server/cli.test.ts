import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli';
import { DEMO_EXTENSION_ID } from '../../server/seed/demo-extension';
import type { RunningServer } from '../../server/serve';
import { silentLogger } from '../../server/http/logger';
import { STORE_KINDS, freshPostgresDatabase, startTestServer, type StoreKind } from './harness';

const TOKEN = /^lsk_[A-Za-z0-9_-]{43}$/;
const SIGN_IN_LINE = /^ {2}(?:rep|manager|marketing|admin)\s+.+?\s(http:\/\/\S+\/signin\/lsl_\S+)$/;
const EXTENSION_LINE = new RegExp(`^ {2}(?:rep|manager|marketing|admin)\\s+.+?\\s(chrome-extension://${DEMO_EXTENSION_ID}/options\\.html#code=lse_[A-Za-z0-9_-]{43}&server=\\S+)$`);
const CREDENTIAL_LINE = /^ {2}(rep|manager|marketing|admin)\s+.+?\s(\S+@northwind\.example)\s+(lsk_\S+)$/;

/** A CLI run with its output captured line by line. */
interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** An empty database for the CLI: a PGlite folder, or a fresh PostgreSQL database named by DATABASE_URL. */
interface Place {
  args: string[];
  env: Record<string, string | undefined>;
  /** Starts the test server on the same database. */
  server: () => ReturnType<typeof startTestServer>;
}

describe.each(STORE_KINDS)('the CLI on %s', (kind: StoreKind) => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  async function freshPlace(): Promise<Place> {
    if (kind === 'postgres') {
      const databaseUrl = await freshPostgresDatabase();
      return { args: [], env: { DATABASE_URL: databaseUrl }, server: () => startTestServer(kind, { databaseUrl }) };
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'leadside-cli-'));
    folders.push(dataDir);
    return { args: ['--data-dir', dataDir], env: {}, server: () => startTestServer(kind, { dataDir }) };
  }

  /** Runs a command; `whileServing` gets the lines `serve` has printed so far. */
  async function run(
    argv: string[],
    place: Place | null,
    options: { now?: () => Date; whileServing?: (server: RunningServer, out: readonly string[]) => Promise<void> } = {},
  ): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const { whileServing } = options;
    const code = await runCli([...argv, ...(place?.args ?? [])], (line) => out.push(line), {
      env: place?.env ?? {},
      err: (line) => err.push(line),
      log: silentLogger,
      now: options.now,
      whileServing: whileServing && ((server) => whileServing(server, out)),
    });
    return { code, out, err };
  }

  it('adds a workspace and a user, and token create prints only a token that works', async () => {
    const place = await freshPlace();
    const ws = await run(['workspace', 'add', '--name', 'Acme', '--time-zone', 'Europe/London', '--domain', 'acme.example'], place);
    expect(ws.code).toBe(0);
    const workspaceId = /^workspace (ws_\S+) \(site key site_\S+\)$/.exec(ws.out[0] ?? '')?.[1];
    expect(workspaceId).toBeDefined();
    const user = await run(['user', 'add', '--workspace', workspaceId!, '--email', 'Ana@Acme.example', '--name', 'Ana', '--role', 'manager'], place);
    expect(user).toMatchObject({ code: 0, err: [] });
    expect(user.out).toEqual([expect.stringMatching(/^user u_\S+$/)]);

    const token = await run(['token', 'create', '--email', 'ana@acme.example', '--name', 'Ana laptop'], place);
    expect(token.code).toBe(0);
    expect(token.out).toHaveLength(1);
    expect(token.out[0]).toMatch(TOKEN);

    const server = await place.server();
    try {
      const res = await server.api(token.out[0]!, '/v1/me');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { email: 'ana@acme.example', role: 'manager' }, workspace: { id: workspaceId, name: 'Acme' }, calendar: { timeZone: 'Europe/London' } });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('answers usage errors with exit 2 and one line, before opening the database', async () => {
    const untouched = join(tmpdir(), `leadside-cli-untouched-${process.pid}-${kind}`);
    const place: Place = { args: ['--data-dir', untouched], env: {}, server: () => startTestServer(kind, { dataDir: untouched }) };
    expect(await run(['frobnicate'], place)).toEqual({ code: 2, out: [], err: ['unknown command "frobnicate"; run with --help to see the commands'] });
    expect(await run(['token', 'create'], place)).toEqual({ code: 2, out: [], err: ['--email is required'] });
    expect(await run(['token', 'create', '--email', 'ana@acme.example'], place)).toEqual({ code: 2, out: [], err: ['--name is required'] });
    for (const days of ['0', '1.5', 'soon', '3651']) {
      expect(await run(['token', 'create', '--email', 'ana@acme.example', '--name', 'A', '--expires-days', days], place)).toEqual({
        code: 2,
        out: [],
        err: ['--expires-days is not valid: must be a whole number of days from 1 to 3650'],
      });
    }
    expect(await run(['token', 'list'], place)).toEqual({ code: 2, out: [], err: ['--email is required'] });
    expect(await run(['token', 'revoke'], place)).toEqual({ code: 2, out: [], err: ['--id is required'] });
    expect(await run(['tracking-key', 'rotate'], place)).toEqual({ code: 2, out: [], err: ['--workspace is required'] });
    expect(await run(['user', 'add', '--workspace', 'ws_1', '--email', 'x@y.example', '--name', 'X', '--role', 'boss'], place)).toEqual({
      code: 2,
      out: [],
      err: ['--role is not valid: must be one of rep, manager, marketing, admin'],
    });
    expect(await run(['workspace', 'add', '--name', 'Acme', '--time-zone', 'Mars/Olympus'], place)).toEqual({
      code: 2,
      out: [],
      err: ['--time-zone is not valid: must be an IANA time zone such as Europe/London'],
    });
    const unknownFlag = await run(['serve', '--bogus'], place);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toHaveLength(1);
    expect(unknownFlag.err[0]).toContain("Unknown option '--bogus'");
    expect(existsSync(untouched)).toBe(false);
  });

  it('fails with exit 1 and one line for a user, token or workspace it cannot find or add', async () => {
    const place = await freshPlace();
    expect(await run(['token', 'create', '--email', 'nobody@acme.example', '--name', 'A'], place)).toEqual({ code: 1, out: [], err: ['no user with the email nobody@acme.example'] });
    expect(await run(['token', 'list', '--email', 'nobody@acme.example'], place)).toEqual({ code: 1, out: [], err: ['no user with the email nobody@acme.example'] });
    expect(await run(['token', 'revoke', '--id', 'tok_nope'], place)).toEqual({ code: 1, out: [], err: ['no token tok_nope'] });
    expect(await run(['tracking-key', 'rotate', '--workspace', 'ws_missing'], place)).toEqual({ code: 1, out: [], err: ['no workspace ws_missing'] });
    expect(await run(['user', 'add', '--workspace', 'ws_missing', '--email', 'a@acme.example', '--name', 'A', '--role', 'rep'], place)).toEqual({
      code: 1,
      out: [],
      err: ['no workspace ws_missing'],
    });
  }, 60_000);

  it('records what the CLI changes as done by the CLI, and audit list prints it one line an event, a page at a time', async () => {
    const place = await freshPlace();
    const at = (iso: string) => ({ now: () => new Date(iso) });
    const ws = await run(['workspace', 'add', '--name', 'Acme', '--time-zone', 'Europe/London', '--domain', 'acme.example'], place, at('2026-03-04T16:00:00Z'));
    const workspaceId = /^workspace (ws_\S+) /.exec(ws.out[0] ?? '')![1]!;
    const user = await run(['user', 'add', '--workspace', workspaceId, '--email', 'Ana@Acme.example', '--name', 'Ana', '--role', 'admin'], place, at('2026-03-04T16:01:00Z'));
    const userId = /^user (u_\S+)$/.exec(user.out[0] ?? '')![1]!;
    const token = (await run(['token', 'create', '--email', 'ana@acme.example', '--name', 'Ana laptop'], place, at('2026-03-04T16:02:00Z'))).out[0]!;

    const list = await run(['audit', 'list', '--workspace', workspaceId], place);
    expect(list).toMatchObject({ code: 0, err: [] });
    expect(list.out).toEqual([
      expect.stringMatching(new RegExp(`^2026-03-04T16:02:00\\.000Z  token\\.create  user:${userId}  by cli  name: null → "Ana laptop"; tokenId: null → "tok_[A-Za-z0-9_-]+"$`)),
      `2026-03-04T16:01:00.000Z  user.create  user:${userId}  by cli  disabled: null → false; email: null → "ana@acme.example"; name: null → "Ana"; role: null → "admin"`,
      `2026-03-04T16:00:00.000Z  workspace.create  workspace:${workspaceId}  by cli  domains: null → ["acme.example"]; name: null → "Acme"; timeZone: null → "Europe/London"`,
    ]);
    expect(list.out.join('\n')).not.toContain(token);

    const firstPage = await run(['audit', 'list', '--workspace', workspaceId, '--limit', '2'], place);
    expect(firstPage.out.slice(0, 2)).toEqual(list.out.slice(0, 2));
    const more = /^more: --before (\S+)$/.exec(firstPage.out[2] ?? '');
    expect(firstPage.out).toHaveLength(3);
    const secondPage = await run(['audit', 'list', '--workspace', workspaceId, '--limit', '2', '--before', more![1]!], place);
    expect(secondPage).toEqual({ code: 0, err: [], out: [list.out[2]] });

    // The API shows the same events, the CLI as their actor.
    const server = await place.server();
    try {
      const res = await server.api(token, '/v1/audit');
      expect(res.status).toBe(200);
      const { events } = (await res.json()) as { events: { action: string; actor: unknown }[] };
      expect(events.map((e) => e.action)).toEqual(['token.create', 'user.create', 'workspace.create']);
      for (const e of events) expect(e.actor).toEqual({ kind: 'cli', userId: null, name: null, email: null });
    } finally {
      await server.close();
    }

    expect(await run(['audit', 'list', '--workspace', 'ws_missing'], place)).toEqual({ code: 1, out: [], err: ['no workspace ws_missing'] });
  }, 60_000);

  it('answers a bad audit list, retention or SMTP_URL with exit 2 and one line', async () => {
    const untouched = join(tmpdir(), `leadside-cli-audit-untouched-${process.pid}-${kind}`);
    const place: Place = { args: ['--data-dir', untouched], env: {}, server: () => startTestServer(kind, { dataDir: untouched }) };
    expect(await run(['audit', 'list'], place)).toEqual({ code: 2, out: [], err: ['--workspace is required'] });
    expect(await run(['audit', 'list', '--workspace', 'ws_1', '--limit', '0'], place)).toEqual({ code: 2, out: [], err: ['--limit is not valid: limit must be at least 1'] });
    expect(await run(['audit', 'list', '--workspace', 'ws_1', '--before', 'bm90LWEtY3Vyc29y'], place)).toEqual({
      code: 2,
      out: [],
      err: ['--before is not valid: must be the `next` cursor of an earlier page'],
    });
    expect(await run(['serve', '--port', '0'], { ...place, env: { AUDIT_RETENTION_DAYS: 'a year' } })).toEqual({
      code: 2,
      out: [],
      err: ['AUDIT_RETENTION_DAYS is not valid: must be a whole number of days, at least 1'],
    });
    expect(await run(['serve', '--port', '0'], { ...place, env: { SMTP_URL: 'mail.example.com:587' } })).toEqual({
      code: 2,
      out: [],
      err: ['SMTP_URL must start with smtp:// or smtps://, not mail.example.com://'],
    });
    expect(existsSync(untouched)).toBe(false);
  });

  it('serve prunes the audit log after AUDIT_RETENTION_DAYS', async () => {
    const place = await freshPlace();
    const made = await run(['workspace', 'add', '--name', 'Old'], place, { now: () => new Date('2026-01-01T12:00:00Z') });
    const workspaceId = /^workspace (ws_\S+) /.exec(made.out[0] ?? '')![1]!;
    const recent = await run(['workspace', 'add', '--name', 'Recent'], place, { now: () => new Date('2026-02-20T12:00:00Z') });
    const recentId = /^workspace (ws_\S+) /.exec(recent.out[0] ?? '')![1]!;
    const listed = async (id: string) => (await run(['audit', 'list', '--workspace', id], place)).out;
    expect(await listed(workspaceId)).toHaveLength(1);

    const served = await run(['serve', '--port', '0'], { ...place, env: { ...place.env, AUDIT_RETENTION_DAYS: '30' } }, {
      now: () => new Date('2026-03-01T12:00:00Z'),
      whileServing: (server) => server.prune(),
    });
    expect(served.code).toBe(0);
    // 30 days before 2026-03-01 is 2026-01-30: the first workspace's event is older, the second's is not.
    expect(await listed(workspaceId)).toEqual([]);
    expect(await listed(recentId)).toHaveLength(1);
  }, 60_000);

  it('makes named tokens with an expiry, lists them with when they were made, used and expire, and revokes one', async () => {
    const place = await freshPlace();
    const workspaceId = /^workspace (ws_\S+)/.exec((await run(['workspace', 'add', '--name', 'Acme'], place)).out[0] ?? '')?.[1];
    await run(['user', 'add', '--workspace', workspaceId!, '--email', 'ana@acme.example', '--name', 'Ana', '--role', 'rep'], place);
    const at = (iso: string) => ({ now: () => new Date(iso) });
    const laptop = await run(['token', 'create', '--email', 'ana@acme.example', '--name', 'Ana laptop', '--expires-days', '30'], place, at('2026-03-10T15:00:00Z'));
    expect(laptop).toMatchObject({ code: 0, err: [] });
    expect(laptop.out).toEqual([expect.stringMatching(TOKEN)]);
    const ci = await run(['token', 'create', '--email', 'ana@acme.example', '--name', 'CI export job'], place, at('2026-03-11T09:00:00Z'));
    expect(ci.out).toEqual([expect.stringMatching(TOKEN)]);

    const server = await place.server();
    try {
      server.clock.set('2026-03-12T08:00:00Z');
      expect((await server.api(laptop.out[0]!, '/v1/me')).status).toBe(200);
    } finally {
      await server.close();
    }

    const listed = await run(['token', 'list', '--email', 'ana@acme.example'], place, at('2026-03-12T09:00:00Z'));
    expect(listed.code).toBe(0);
    const ids = listed.out.map((line) => /^(tok_\S+) /.exec(line)?.[1]);
    expect(listed.out).toEqual([
      `${ids[0]}  active   created 2026-03-11 09:00 UTC  last used never                 expires never                 CI export job`,
      `${ids[1]}  active   created 2026-03-10 15:00 UTC  last used 2026-03-12 08:00 UTC  expires 2026-04-09 15:00 UTC  Ana laptop`,
    ]);

    expect(await run(['token', 'revoke', '--id', ids[1]!], place, at('2026-03-12T10:00:00Z'))).toEqual({
      code: 0,
      out: [`revoked ${ids[1]} (Ana laptop, ana@acme.example)`],
      err: [],
    });
    expect(await run(['token', 'revoke', '--id', ids[1]!], place, at('2026-03-12T11:00:00Z'))).toEqual({
      code: 0,
      out: [`${ids[1]} (Ana laptop, ana@acme.example) was already revoked on 2026-03-12 10:00 UTC`],
      err: [],
    });
    const after = await run(['token', 'list', '--email', 'ana@acme.example'], place, at('2026-04-20T00:00:00Z'));
    expect(after.out.map((line) => line.split(/\s{2,}/)[1])).toEqual(['active', 'revoked']);
    const again = await place.server();
    try {
      expect((await again.api(laptop.out[0]!, '/v1/me')).status).toBe(401);
      expect((await again.api(ci.out[0]!, '/v1/me')).status).toBe(200);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('signin-link prints one link that signs the user in once, and is in the audit log as the CLI\'s', async () => {
    const place = await freshPlace();
    const ws = await run(['workspace', 'add', '--name', 'Acme'], place);
    const workspaceId = /^workspace (\S+) /.exec(ws.out[0]!)![1]!;
    expect((await run(['user', 'add', '--workspace', workspaceId, '--email', 'maya@acme.example', '--name', 'Maya', '--role', 'manager'], place)).code).toBe(0);
    // The CLI and the server never hold one PGlite folder at once: the link is made first, at the server's clock.
    const made = await run(['signin-link', '--email', 'maya@acme.example'], { ...place, env: { ...place.env, PUBLIC_URL: 'https://leadside.example/' } }, {
      now: () => new Date('2026-01-19T15:00:00Z'),
    });
    expect(made).toMatchObject({ code: 0, err: [] });
    expect(made.out).toEqual([expect.stringMatching(/^https:\/\/leadside\.example\/signin\/lsl_[A-Za-z0-9_-]{43}$/)]);
    expect(await run(['signin-link', '--email', 'nobody@acme.example'], place)).toMatchObject({ code: 1, err: ['no user with the email nobody@acme.example'] });
    expect(await run(['signin-link'], place)).toMatchObject({ code: 2, err: ['--email is required'] });
    const audit = await run(['audit', 'list', '--workspace', workspaceId], place);
    expect(audit.out.filter((line) => line.includes('signin_link'))).toEqual([
      expect.stringMatching(/^2026-01-19T15:00:00\.000Z {2}signin_link\.create {2}user:u_\S+ {2}by cli {2}expiresAt: null → "2026-01-19T15:15:00\.000Z"; linkId: null → "sig_\S+"$/),
    ]);
    const server = await place.server();
    try {
      const path = new URL(made.out[0]!).pathname;
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) statuses.push((await fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual' })).status);
      expect(statuses).toEqual([303, 410]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('tracking-key rotate: new links use the new key, links signed before keep working for 30 days', async () => {
    const place = await freshPlace();
    const workspaceId = /^workspace (ws_\S+)/.exec((await run(['workspace', 'add', '--name', 'Acme'], place)).out[0] ?? '')?.[1];
    const first = await run(['tracking-key', 'rotate', '--workspace', workspaceId!], place, { now: () => new Date('2026-03-10T15:00:00Z') });
    expect(first.code).toBe(0);
    expect(first.out).toEqual([expect.stringMatching(/^tracking key \S+ now signs new pixels and links; there was no key before$/)]);
    const firstKey = /^tracking key (\S+)/.exec(first.out[0]!)![1];
    const second = await run(['tracking-key', 'rotate', '--workspace', workspaceId!], place, { now: () => new Date('2026-03-11T15:00:00Z') });
    expect(second).toMatchObject({ code: 0, err: [] });
    const secondKey = /^tracking key (\S+)/.exec(second.out[0]!)![1];
    expect(secondKey).not.toBe(firstKey);
    expect(second.out).toEqual([
      `tracking key ${secondKey} now signs new pixels and links; links signed with ${firstKey} keep working until 2026-04-10 15:00 UTC`,
    ]);
  }, 60_000);

  it('seeds the demo once: a second seed demo is refused with exit 2', async () => {
    const place = await freshPlace();
    const first = await run(['seed', 'demo'], place);
    expect(first.code).toBe(0);
    expect(first.out[0]).toBe('Demo workspace "Northwind Demo" is ready. Sign in with one of these tokens:');
    expect(first.out.slice(1).map((line) => CREDENTIAL_LINE.exec(line)?.[1])).toEqual(['rep', 'rep', 'rep', 'manager', 'marketing', 'admin']);
    expect(await run(['seed', 'demo'], place)).toEqual({ code: 2, out: [], err: ['the database already has a workspace; seed demo only fills an empty one'] });
  }, 120_000);

  it('serve --demo seeds an empty database, prints a one-click extension link per user, and keeps its tokens across starts in its PGlite folder', async () => {
    const place = await freshPlace();
    const tokensIn = (lines: readonly string[]) => lines.flatMap((line) => CREDENTIAL_LINE.exec(line)?.[3] ?? []);
    const expectWorking = async (server: RunningServer, tokens: readonly string[]) => {
      for (const token of tokens) {
        const res = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
      }
    };

    let firstTokens: string[] = [];
    let firstLinks: string[] = [];
    const firstSignIns: number[] = [];
    let extensionLinks: string[] = [];
    let exchanged: { status: number; email?: string } | null = null;
    const first = await run(['serve', '--demo', '--port', '0'], place, {
      now: () => new Date('2026-03-04T16:20:00Z'),
      whileServing: async (server, out) => {
        firstTokens = tokensIn(out);
        await expectWorking(server, firstTokens);
        firstLinks = out.flatMap((line) => SIGN_IN_LINE.exec(line)?.[1] ?? []);
        extensionLinks = out.flatMap((line) => EXTENSION_LINE.exec(line)?.[1] ?? []);
        // The link carries a one-time code and the server, never a token; the code is exchanged for a token of that user.
        const link = new URL(extensionLinks[0]!);
        const params = new URLSearchParams(link.hash.slice(1));
        expect(params.get('server')).toBe(server.url);
        const res = await fetch(`${server.url}/v1/extension-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: params.get('code') }) });
        exchanged = { status: res.status, email: ((await res.json()) as { user?: { email: string } }).user?.email };
        for (const link of firstLinks) {
          expect(link.startsWith(`${server.url}/signin/`)).toBe(true);
          const res = await fetch(link, { method: 'POST', redirect: 'manual' });
          firstSignIns.push(res.status);
        }
      },
    });
    expect(first.code).toBe(0);
    expect(firstTokens).toHaveLength(6);
    expect(first.out[0]).toBe('Demo workspace "Northwind Demo" is ready. Sign in with one of these tokens:');
    expect(first.out.some((line) => /^Leadside API on http:\/\/127\.0\.0\.1:\d+ \(database: /.test(line))).toBe(true);
    expect(first.out.some((line) => /^Dashboard for managers, marketers and admins: http:\/\/127\.0\.0\.1:\d+\/app\/$/.test(line))).toBe(true);
    expect(first.out.some((line) => line.startsWith('Load the extension: chrome://extensions') && line.includes('.output/chrome-mv3'))).toBe(true);
    // One sign-in link per demo user, each of which signs a browser in as that user.
    const heading = first.out.indexOf('Sign in to the dashboard in a browser (each link works once, within 15 minutes):');
    expect(heading).toBeGreaterThan(0);
    expect(firstLinks).toHaveLength(6);
    expect(firstSignIns).toEqual(firstLinks.map(() => 303));
    expect(extensionLinks).toHaveLength(6);
    for (const link of extensionLinks) expect(firstTokens.some((t) => link.includes(t))).toBe(false);
    expect(exchanged).toEqual({ status: 201, email: 'maya.chen@northwind.example' });

    let freshTokens: string[] = [];
    const second = await run(['serve', '--demo', '--port', '0'], place, {
      whileServing: async (server, out) => {
        freshTokens = tokensIn(out);
        // The tokens work, and so do the old ones: an extension signed in earlier stays signed in.
        await expectWorking(server, [...freshTokens, ...firstTokens]);
      },
    });
    expect(second.code).toBe(0);
    expect(second.out[0]).toBe('Demo workspace "Northwind Demo" found; its tokens (kept from the last start while they work):');
    expect(freshTokens).toHaveLength(6);
    // PGlite: the same tokens as last time, from the data folder. PostgreSQL has no folder: fresh ones.
    if (kind === 'pglite') expect([...freshTokens].sort()).toEqual([...firstTokens].sort());
    else expect(freshTokens.filter((t) => firstTokens.includes(t))).toEqual([]);
  }, 180_000);
});
