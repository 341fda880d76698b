import { and, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse } from '../../lib/core/model/api';
import { AuditPage } from '../../lib/core/model/audit';
import { ImportProgressLine, ImportReport } from '../../lib/core/model/imports';
import { contacts, stageChanges } from '../../server/store/schema';
import { makeWorkspace, STORE_KINDS, startTestServer, type TestServer, type TestWorkspace } from './harness';

// CSV import and export over real HTTP: a real-world file (BOM, ";", CRLF, a quoted field with a separator and a line
// break), the all-or-nothing rule and its "import the good rows" choice, update or skip, the stage history, the audit
// event, 50,000 rows with progress, and an export that imports back.

describe.each(STORE_KINDS)('CSV import and export on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let globex: TestWorkspace;

  beforeAll(async () => {
    server = await startTestServer(kind);
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);
  afterAll(() => server?.close());

  const importCsv = (csv: string, query = '', who = 'marketing', ws = () => acme) =>
    server.api(ws().users[who]!.token, `/v1/imports/contacts${query}`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
  const dryRun = async (csv: string, query = '') => {
    const res = await importCsv(csv, `?dryRun=true${query}`);
    expect(res.status).toBe(200);
    return ImportReport.parse(await res.json());
  };
  /** A real run's NDJSON lines: progress, then the report. */
  const run = async (csv: string, query = '', who = 'marketing') => {
    const res = await importCsv(csv, `?${query}`, who);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => ImportProgressLine.parse(JSON.parse(l)));
    const last = lines.at(-1)!;
    if (last.type !== 'done') throw new Error(`the import ended with ${JSON.stringify(last)}`);
    return { report: last.report, progress: lines.filter((l) => l.type === 'progress') };
  };
  const lookup = async (email: string, ws = () => acme) => {
    const res = await server.api(ws().users.manager!.token, `/v1/contacts/lookup?email=${encodeURIComponent(email)}`);
    expect(res.status).toBe(200);
    return LookupResponse.parse(await res.json());
  };

  const realWorld = [
    '\uFEFFE-mail;Full Name;Company;Lifecycle Stage;Owner;Notes',
    'ann@initech.example;"Lee, Ann";Initech;MQL;rep@acme.example;"called twice;\r\nwants a demo"',
    'ben@initech.example;Ben Ode;;lead;;',
    '',
  ].join('\r\n');

  it('plans a real-world file in a dry run (BOM, ";", CRLF, quoted separators and line breaks) and changes nothing', async () => {
    const report = await dryRun(realWorld);
    expect(report.headers).toEqual(['E-mail', 'Full Name', 'Company', 'Lifecycle Stage', 'Owner', 'Notes']);
    expect(report.mapping).toEqual({ email: 'E-mail', name: 'Full Name', company: 'Company', stage: 'Lifecycle Stage', ownerEmail: 'Owner' });
    expect(report.counts).toEqual({ rows: 2, create: 2, update: 0, skip: 0, bad: 0 });
    expect(report.rows.map((r) => [r.row, r.email, r.action])).toEqual([
      [2, 'ann@initech.example', 'create'],
      [3, 'ben@initech.example', 'create'],
    ]);
    expect((await lookup('ann@initech.example')).unknown).toEqual(['ann@initech.example']);
  });

  it('imports it: fields, owner by email, the company by domain, the stage history by the importer', async () => {
    const { report, progress } = await run(realWorld);
    expect(report).toMatchObject({ dryRun: false, imported: true, counts: { rows: 2, create: 2, update: 0, skip: 0, bad: 0 } });
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 2, total: 2 });
    const [ann] = (await lookup('ann@initech.example')).contacts;
    expect(ann!.contact).toMatchObject({ name: 'Lee, Ann', company: 'Initech', stage: 'mql', source: 'import', ownerId: acme.users.rep!.id });
    const [ben] = (await lookup('ben@initech.example')).contacts;
    expect(ben!.contact).toMatchObject({ name: 'Ben Ode', company: 'Initech', stage: 'lead', ownerId: null });
    const history = await server.store.db.select().from(stageChanges).where(eq(stageChanges.contactId, ann!.contact.id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStage: null, toStage: 'mql', actorKind: 'import', actorId: acme.users.marketing!.id, reason: 'import' });
    expect(history[0]!.at.toISOString()).toBe(server.clock.now().toISOString());
    // Another workspace never sees them.
    expect((await lookup('ann@initech.example', () => globex)).contacts).toEqual([]);
  });

  it('records one audit event per import with its counts', async () => {
    const res = await server.api(acme.users.admin!.token, '/v1/audit?action=contact');
    const page = AuditPage.parse(await res.json());
    const imports = page.events.filter((e) => e.action === 'contact.import');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ target: { kind: 'workspace', id: acme.id }, actor: { kind: 'user', userId: acme.users.marketing!.id } });
    expect(imports[0]!.changes).toMatchObject({ created: { before: null, after: 2 }, updated: { before: null, after: 0 }, bad: { before: null, after: 0 } });
  });

  const withBadEmail = 'email,name\ncara@hooli.example,Cara\nnot-an-email,Dee\ndan@hooli.example,Dan\n';

  it('refuses a file with a bad email whole, with a precise 400 and the report, and imports nothing', async () => {
    const res = await importCsv(withBadEmail);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; issues: unknown[]; report: unknown } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBe(
      '1 of 3 rows are not valid, so nothing was imported (choose to import the good rows to skip them): row 3: email: must be an email address ("not-an-email")',
    );
    expect(body.error.issues).toEqual([{ path: 'row 3', message: 'email: must be an email address ("not-an-email")' }]);
    const report = ImportReport.parse(body.error.report);
    expect(report).toMatchObject({ imported: false, counts: { rows: 3, create: 2, bad: 1 } });
    expect((await lookup('cara@hooli.example')).unknown).toEqual(['cara@hooli.example']);
  });

  it('imports only the good rows when the person chooses to', async () => {
    const { report } = await run(withBadEmail, 'goodRows=true');
    expect(report.counts).toEqual({ rows: 3, create: 2, update: 0, skip: 0, bad: 1 });
    expect(report.rows[0]).toEqual({ row: 3, email: 'not-an-email', action: 'bad', reasons: ['email: must be an email address ("not-an-email")'], contactId: null });
    expect((await lookup('cara@hooli.example,dan@hooli.example')).contacts).toHaveLength(2);
  });

  it('skips or updates an address that is already a contact, as chosen; a new stage is a move by the import', async () => {
    const csv = 'email,title,stage\nann@initech.example,CTO,sql\n';
    const skipped = await run(csv, 'duplicates=skip');
    const annId = (await lookup('ann@initech.example')).contacts[0]!.contact.id;
    expect(skipped.report.rows).toEqual([{ row: 2, email: 'ann@initech.example', action: 'skip', reasons: [`already a contact (${annId})`], contactId: annId }]);
    expect((await lookup('ann@initech.example')).contacts[0]!.contact).toMatchObject({ title: null, stage: 'mql' });

    const updated = await run(csv, 'duplicates=update');
    expect(updated.report.counts).toMatchObject({ update: 1, create: 0 });
    // The row's fields change; the ones it leaves empty (name, company, owner) stay.
    expect((await lookup('ann@initech.example')).contacts[0]!.contact).toMatchObject({ title: 'CTO', stage: 'sql', name: 'Lee, Ann', ownerId: acme.users.rep!.id });
    const moves = await server.store.db.select().from(stageChanges).where(and(eq(stageChanges.contactId, annId), eq(stageChanges.toStage, 'sql')));
    expect(moves).toMatchObject([{ fromStage: 'mql', actorKind: 'import', actorId: acme.users.marketing!.id, reason: 'import' }]);
  });

  it('refuses bad options and mappings precisely, and reps', async () => {
    const bad = async (query: string, message: string) => {
      const res = await importCsv(realWorld, query);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    };
    await bad('?duplicates=merge', 'duplicates: must be update or skip');
    await bad(`?mapping=${encodeURIComponent('{"email":"Mail"}')}`, 'mapping.email: no column "Mail" in the header (E-mail, Full Name, Company, Lifecycle Stage, Owner, Notes)');
    await bad(`?mapping=${encodeURIComponent('{"name":"Full Name"}')}`, 'mapping.email: no column is mapped to email');
    await bad(`?mapping=${encodeURIComponent('{"email":"E-mail","notes":"Notes"}')}`, 'mapping');
    const empty = await importCsv('');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('the file is empty: the first line must name the columns');
    expect((await importCsv(realWorld, '?dryRun=true', 'rep')).status).toBe(403);
    expect((await server.api(acme.users.rep!.token, '/v1/exports/contacts.csv')).status).toBe(403);
  });

  it('exports contacts for a filter with score, owner and cadence, formula-safe, and the file imports back', async () => {
    await run('email,name,company\nevil@umbrella.example,"=HYPERLINK(""http://x"")",@Umbrella\n');
    const res = await server.api(acme.users.manager!.token, '/v1/exports/contacts.csv?stage=mql,sql');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.email)).toEqual(['ann@initech.example']);
    expect(parsed.data[0]).toMatchObject({ stage: 'sql', ownerEmail: 'rep@acme.example', title: 'CTO', cadenceStatus: expect.any(String), score: expect.any(String) });

    const all = Papa.parse<Record<string, string>>(await (await server.api(acme.users.manager!.token, '/v1/exports/contacts.csv')).text(), { header: true, skipEmptyLines: true });
    const evil = all.data.find((r) => r.email === 'evil@umbrella.example')!;
    expect(evil).toMatchObject({ name: `'=HYPERLINK("http://x")`, company: "'@Umbrella" });
    const byOwner = await (await server.api(acme.users.manager!.token, '/v1/exports/contacts.csv?ownerEmail=rep@acme.example')).text();
    expect(Papa.parse(byOwner, { header: true, skipEmptyLines: true }).data).toHaveLength(1);

    // The export's columns are the import's fields: it reads back with no mapping, every address already there.
    const back = await dryRun(Papa.unparse(all.data), '&duplicates=skip');
    expect(back.counts).toMatchObject({ rows: all.data.length, skip: all.data.length, bad: 0 });

    const attempts = await server.api(acme.users.manager!.token, '/v1/exports/attempts.csv');
    expect((await attempts.text()).split('\r\n')[0]).toBe('contactId,contactEmail,id,userEmail,channel,outcome,note,at,undoneAt');
    expect((await server.api(acme.users.manager!.token, '/v1/exports/people.csv')).status).toBe(404);
    expect((await server.api(acme.users.manager!.token, '/v1/exports/contacts.csv?stage=won')).status).toBe(400);
  });

  it('imports 50,000 rows streamed, with progress, in one transaction', async () => {
    const lines = ['email,name,company,stage'];
    for (let i = 0; i < 50_000; i++) lines.push(`bulk${i}@bulk${i % 500}.example,Person ${i},"Bulk ${i % 500}, Inc",lead`);
    const { report, progress } = await run(lines.join('\r\n'));
    expect(report.counts).toEqual({ rows: 50_000, create: 50_000, update: 0, skip: 0, bad: 0 });
    expect(report.truncated).toBe(true);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 50_000, total: 50_000 });
    const rows = await server.store.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, acme.id));
    expect(rows.length).toBeGreaterThanOrEqual(50_000);
    expect((await lookup('bulk49999@bulk499.example')).contacts[0]!.contact).toMatchObject({ name: 'Person 49999', company: 'Bulk 499, Inc' });
  }, 600_000);
});
