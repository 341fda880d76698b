import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli';
import { silentLogger } from '../../server/http/logger';
import { STORE_KINDS, freshPostgresDatabase, type StoreKind } from './harness';

// `contacts import` and `contacts export` from the CLI: the same domain as the route, on both stores.

describe.each(STORE_KINDS)('contacts import and export from the CLI on %s', (kind: StoreKind) => {
  const folder = mkdtempSync(join(tmpdir(), 'leadside-cli-csv-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('imports a file as a manager (dry run, refusal, good rows) and exports it back', async () => {
    const place = kind === 'postgres' ? { args: [], env: { DATABASE_URL: await freshPostgresDatabase() } } : { args: ['--data-dir', join(folder, 'data')], env: {} };
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, ...place.args], (l) => out.push(l), { env: place.env, err: (l) => err.push(l), log: silentLogger, now: () => new Date('2026-01-19T15:00:00Z') });
      return { code, out, err };
    };
    const ws = await run(['workspace', 'add', '--name', 'Acme']);
    const workspaceId = /^workspace (ws_\S+)/.exec(ws.out[0] ?? '')![1]!;
    expect((await run(['user', 'add', '--workspace', workspaceId, '--email', 'mia@acme.example', '--name', 'Mia', '--role', 'manager'])).code).toBe(0);
    expect((await run(['user', 'add', '--workspace', workspaceId, '--email', 'rob@acme.example', '--name', 'Rob', '--role', 'rep'])).code).toBe(0);
    const file = join(folder, `leads-${kind}.csv`);
    writeFileSync(file, '\uFEFFEmail;Name;Owner\r\nann@initech.example;"Lee; Ann";rob@acme.example\r\nbad-address;Bee;\r\n');

    const dry = await run(['contacts', 'import', file, '--workspace', workspaceId, '--as', 'mia@acme.example', '--dry-run']);
    expect(dry).toEqual({ code: 0, err: [], out: ['2 rows: 1 would be created, 0 updated, 0 skipped, 1 bad', 'row 3  bad  bad-address  email: must be an email address ("bad-address")'] });

    const refused = await run(['contacts', 'import', file, '--workspace', workspaceId, '--as', 'mia@acme.example']);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual(['1 of 2 rows are not valid, so nothing was imported (choose to import the good rows to skip them): row 3: email: must be an email address ("bad-address")']);

    const asRep = await run(['contacts', 'import', file, '--workspace', workspaceId, '--as', 'rob@acme.example']);
    expect(asRep).toMatchObject({ code: 1, err: [`rob@acme.example is not an active manager, marketer or admin of workspace ${workspaceId}`] });
    expect((await run(['contacts', 'import', file, '--workspace', workspaceId])).code).toBe(2);

    const good = await run(['contacts', 'import', file, '--workspace', workspaceId, '--as', 'mia@acme.example', '--good-rows']);
    expect(good.out[0]).toBe('2 rows: 1 were created, 0 updated, 0 skipped, 1 bad');

    const exported = join(folder, `out-${kind}.csv`);
    expect((await run(['contacts', 'export', 'contacts', '--workspace', workspaceId, '--owner', 'rob@acme.example', '--out', exported])).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(exported, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toEqual([expect.objectContaining({ email: 'ann@initech.example', name: 'Lee; Ann', ownerEmail: 'rob@acme.example', stage: 'lead', source: 'import' })]);
    const audit = await run(['audit', 'list', '--workspace', workspaceId]);
    expect(audit.out.filter((l) => l.includes('contact.import'))).toEqual([expect.stringContaining('by cli  bad: null → 1; created: null → 1')]);
  }, 120_000);
});
