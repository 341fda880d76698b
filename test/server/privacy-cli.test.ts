import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrivacyExport } from '../../lib/core/model/privacy';
import { runCli } from '../../server/cli';
import { silentLogger } from '../../server/http/logger';
import { STORE_KINDS, freshPostgresDatabase, makeWorkspace, startTestServer, type StoreKind } from './harness';

// `privacy export` and `privacy erase` run the route's domain code against the database the server uses.

describe.each(STORE_KINDS)('the privacy CLI on %s', (kind: StoreKind) => {
  const folders: string[] = [];
  afterAll(() => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  async function run(argv: string[], place: { args: string[]; env: Record<string, string> }) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...argv, ...place.args], (l) => out.push(l), { env: place.env, err: (l) => err.push(l), log: silentLogger, now: () => new Date('2026-01-20T10:00:00Z') });
    return { code, out, err };
  }

  it('exports a contact as JSON and CSV, and erases it as a named manager', async () => {
    let place: { args: string[]; env: Record<string, string> };
    let server;
    if (kind === 'postgres') {
      const databaseUrl = await freshPostgresDatabase();
      place = { args: [], env: { DATABASE_URL: databaseUrl } };
      server = await startTestServer(kind, { databaseUrl });
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'leadside-privacy-cli-'));
      folders.push(dataDir);
      place = { args: ['--data-dir', dataDir], env: {} };
      server = await startTestServer(kind, { dataDir });
    }
    const acme = await makeWorkspace(server, 'Acme');
    const created = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: 'dana@brightwave.example', name: '@Dana', ownerId: acme.users.rep!.id } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await server.close();

    const json = await run(['privacy', 'export', '--workspace', acme.id, '--email', 'Dana@Brightwave.example'], place);
    expect(json.code, json.err.join('\n')).toBe(0);
    const doc = PrivacyExport.parse(JSON.parse(json.out.join('\n')));
    expect(doc.data.contact[0]).toMatchObject({ id, name: '@Dana' });
    expect(doc.data.stageChanges).toHaveLength(1);

    const csv = await run(['privacy', 'export', '--workspace', acme.id, '--email', 'dana@brightwave.example', '--format', 'csv'], place);
    expect(csv.code).toBe(0);
    expect(csv.out.join('\n')).toContain(`'@Dana`);
    const badFormat = await run(['privacy', 'export', '--workspace', acme.id, '--email', 'dana@brightwave.example', '--format', 'xml'], place);
    expect(badFormat).toMatchObject({ code: 2, err: ['--format is not valid: must be json or csv'] });

    const asRep = await run(['privacy', 'erase', '--workspace', acme.id, '--email', 'dana@brightwave.example', '--as', acme.users.rep!.email], place);
    expect(asRep.code).toBe(1);
    expect(asRep.err[0]).toContain('must be an active manager or admin');
    const noAs = await run(['privacy', 'erase', '--workspace', acme.id, '--email', 'dana@brightwave.example'], place);
    expect(noAs).toMatchObject({ code: 2, err: ['--as is required'] });

    const erased = await run(['privacy', 'erase', '--workspace', acme.id, '--email', 'dana@brightwave.example', '--as', acme.users.manager!.email], place);
    expect(erased.code, erased.err.join('\n')).toBe(0);
    expect(erased.out).toEqual([`erased contact ${id}: 1 stageChanges, 1 contact, 1 scopeEntries`]);

    const again = await run(['privacy', 'erase', '--workspace', acme.id, '--email', 'dana@brightwave.example', '--as', acme.users.manager!.email], place);
    expect(again).toMatchObject({ code: 1, err: ['contact with the email dana@brightwave.example not found'] });
    const audit = await run(['audit', 'list', '--workspace', acme.id], place);
    expect(audit.out.filter((l) => l.includes(id))).toEqual([expect.stringContaining('contact.erase')]);
  }, 60_000);
});
