import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_KINDS, PrivacyEraseResult, PrivacyExport, PrivacySubject } from '../../lib/core/model/privacy';
import { SyncPage } from '../../lib/core/model/sync';
import { writeInWorkspace } from '../../server/store/db';
import {
  activities,
  alertOutbox,
  alerts,
  appliedMutations,
  attempts,
  auditEvents,
  questions,
  stageChanges,
  suggestedLeads,
  webhookDeliveries,
  webhookEndpoints,
  trackedEmails,
  visitorEvents,
  visitors,
} from '../../server/store/schema';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from './harness';

// A privacy request about one contact: the export holds every kind of row that names them, and the erasure leaves no
// row anywhere that names them beyond the id in a scope exit (what makes each rep's cache drop them) and the one
// `contact.erase` audit event.

const DANA = { email: 'dana@brightwave.example', name: 'Dana Quinnell-Reyes', company: 'Brightwave' };

describe.each(STORE_KINDS)('privacy requests on %s', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-19T15:00:00Z' });
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let danaId: string;
  let bystanderId: string;

  const api = (who: string, path: string, init?: RequestInit & { json?: unknown }) => server.api(acme.users[who]!.token, path, init);
  const erase = (json: unknown, who = 'manager') => api(who, '/v1/privacy/erase', { method: 'POST', json });

  async function createContact(ws: TestWorkspace, json: Record<string, unknown>): Promise<string> {
    const res = await server.api(ws.users.manager!.token, '/v1/contacts', { method: 'POST', json });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  /** Every row of every table in the database, as JSON text with its table's name. */
  async function everyRow(): Promise<{ table: string; row: string }[]> {
    const tables = (await server.store.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as unknown as { rows: { table_name: string }[] };
    const out: { table: string; row: string }[] = [];
    for (const { table_name: table } of tables.rows) {
      const rows = (await server.store.db.execute(sql.raw(`select row_to_json(t)::text as row from "${table}" t`))) as unknown as { rows: { row: string }[] };
      for (const { row } of rows.rows) out.push({ table, row });
    }
    return out;
  }

  async function pullAll(token: string, cursor?: string): Promise<{ pages: SyncPage[]; cursor: string }> {
    const pages: SyncPage[] = [];
    for (let more = true; more; ) {
      const res = await server.api(token, `/v1/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      const page = SyncPage.parse(await res.json());
      pages.push(page);
      ({ cursor, more } = page);
    }
    return { pages, cursor: cursor! };
  }

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    danaId = await createContact(acme, { ...DANA, ownerId: acme.users.rep!.id });
    bystanderId = await createContact(acme, { email: 'sam@elsewhere.example', name: 'Sam Other', ownerId: acme.users.rep!.id });
    await createContact(globex, { email: DANA.email, name: 'Globex Dana' });
    const at = new Date('2026-01-19T14:00:00Z');
    const ws = acme.id;
    const rep = acme.users.rep!.id;
    await writeInWorkspace(server.store.db, ws, async (tx) => {
      await tx.insert(activities).values([
        { id: 'act_dana', workspaceId: ws, contactId: danaId, type: 'page_view', at, url: 'https://acme.example/pricing', trustLabel: 'human', trustReason: 'a person' },
        { id: 'act_sam', workspaceId: ws, contactId: bystanderId, type: 'page_view', at, url: 'https://acme.example/', trustLabel: 'human', trustReason: 'a person' },
      ]);
      // A note a spreadsheet would run as a formula.
      await tx.insert(attempts).values({ id: 'att_dana', workspaceId: ws, contactId: danaId, userId: rep, channel: 'call', outcome: 'no_answer', note: '=HYPERLINK("http://evil.example")', at });
      await tx.insert(stageChanges).values({ workspaceId: ws, id: 'sc_dana_2', contactId: danaId, fromStage: 'lead', toStage: 'mql', at, actorKind: 'user', actorId: rep });
      await tx.insert(questions).values({ workspaceId: ws, id: 'q_dana', contactId: danaId, userId: rep, text: 'Does it work offline?', groupKey: 'does it work offline', stage: 'lead', at });
      await tx.insert(trackedEmails).values({ id: 'em_dana', workspaceId: ws, contactId: danaId, userId: rep, subject: 'Hello Dana', sentAt: at, linkCount: 1, createdAt: at });
      await tx.insert(visitors).values({ workspaceId: ws, visitorId: 'v_dana', contactId: danaId, firstSeen: at, lastSeen: at, identifiedAt: at });
      await tx.insert(visitorEvents).values({ workspaceId: ws, eventId: 'ev_dana', visitorId: 'v_dana', type: 'page_view', at, url: 'https://acme.example/careers', receivedAt: at });
      const alert = { workspaceId: ws, userId: rep, rule: 'key_page', at, deliverAt: at, windowStart: at, state: 'delivered' as const, deliveredAt: at, createdAt: at };
      await tx.insert(alerts).values([
        { ...alert, id: 'al_dana', contactId: danaId, title: 'Dana Quinnell-Reyes viewed Pricing', body: 'Brightwave' },
        { ...alert, id: 'al_digest', contactId: bystanderId, title: '2 leads active', body: 'Dana Quinnell-Reyes and Sam Other', digestOf: { count: 2, contactIds: [bystanderId, danaId] } },
        { ...alert, id: 'al_sam', contactId: bystanderId, title: 'Sam Other viewed Home', body: 'Elsewhere' },
      ]);
      await tx.insert(alertOutbox).values({
        id: 'aob_dana', workspaceId: ws, key: 'email:al_dana', channel: 'email', createdAt: at, nextAttemptAt: at,
        payload: { kind: 'email', to: 'rep@acme.example', subject: 'Dana viewed Pricing', text: `Dana <${DANA.email}> https://x.example/app/?lead=${danaId}` },
      });
      await tx.insert(webhookEndpoints).values({ id: 'whe_acme', workspaceId: ws, url: 'https://hooks.example/in', events: ['lead.created'], secret: 'whsec_dGVzdA==', secretAt: at, createdAt: at });
      await tx.insert(webhookDeliveries).values({
        id: 'msg_dana', workspaceId: ws, endpointId: 'whe_acme', eventKey: `lead.created:${danaId}`, type: 'lead.created', contactId: danaId,
        body: JSON.stringify({ type: 'lead.created', data: { contact: { id: danaId, email: DANA.email } } }), createdAt: at, nextAttemptAt: at,
      });
      await tx.insert(suggestedLeads).values({ id: 'sl_dana', workspaceId: ws, email: DANA.email, name: DANA.name, suggestedBy: rep, suggestedAt: at, status: 'accepted', contactId: danaId });
      await tx.insert(auditEvents).values({ id: 'au_dana', workspaceId: ws, at, actorKind: 'user', actorId: acme.users.manager!.id, action: 'contact.reassign', targetKind: 'contact', targetId: danaId, changes: { ownerId: { before: null, after: rep } } });
      await tx.insert(appliedMutations).values({ userId: rep, id: 'mut_dana', result: { id: 'mut_dana', status: 'rejected', error: { code: 'conflict', message: `contact ${danaId} is not yours` } } });
    });
  }, 60_000);

  it('finds the contact by email or id and counts what is held, for managers and admins only', async () => {
    const res = await api('manager', `/v1/privacy/subject?email=${encodeURIComponent(DANA.email.toUpperCase())}`);
    expect(res.status).toBe(200);
    const subject = PrivacySubject.parse(await res.json());
    expect(subject).toMatchObject({ contactId: danaId, email: DANA.email, name: DANA.name, deleted: false });
    for (const k of PRIVACY_KINDS) expect(subject.counts[k], k).toBeGreaterThan(0);
    expect(subject.counts.alerts).toBe(2);
    expect((await api('admin', `/v1/privacy/subject?contactId=${danaId}`)).status).toBe(200);
    for (const who of ['rep', 'marketing']) expect((await api(who, `/v1/privacy/subject?contactId=${danaId}`)).status, who).toBe(403);
  });

  it('refuses a request that names no one, or both ways, with the field to fix', async () => {
    const none = await api('manager', '/v1/privacy/subject');
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('give exactly one of contactId or email');
    expect((await api('manager', `/v1/privacy/export?email=not-an-email`)).status).toBe(400);
    const format = await api('manager', `/v1/privacy/export?contactId=${danaId}&format=xml`);
    expect(format.status).toBe(400);
    expect(await format.text()).toContain('must be json or csv');
  });

  it('exports every kind of row as JSON', async () => {
    const res = await api('manager', `/v1/privacy/export?email=${encodeURIComponent(DANA.email)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="leadside-privacy-${danaId}.json"`);
    const doc = PrivacyExport.parse(await res.json());
    expect(doc.contactId).toBe(danaId);
    expect(doc.data.contact[0]).toMatchObject({ id: danaId, email: DANA.email, name: DANA.name, company: DANA.company });
    expect(doc.data.activities.map((r) => r.id)).toEqual(['act_dana']);
    expect(doc.data.attempts.map((r) => r.note)).toEqual(['=HYPERLINK("http://evil.example")']);
    expect(doc.data.stageChanges.map((r) => r.toStage)).toContain('mql');
    expect(doc.data.questions.map((r) => r.text)).toEqual(['Does it work offline?']);
    expect(doc.data.trackedEmails.map((r) => r.subject)).toEqual(['Hello Dana']);
    expect(doc.data.visitors.map((r) => r.visitorId)).toEqual(['v_dana']);
    expect(doc.data.visitorEvents.map((r) => r.url)).toEqual(['https://acme.example/careers']);
    expect(doc.data.alerts.map((r) => r.id).sort()).toEqual(['al_dana', 'al_digest']);
    expect(doc.data.alertMessages.map((r) => r.id)).toEqual(['aob_dana']);
    expect(doc.data.webhookDeliveries.map((r) => r.id)).toEqual(['msg_dana']);
    expect(doc.data.suggestedLeads.map((r) => r.id)).toEqual(['sl_dana']);
    expect(doc.data.scopeEntries.map((r) => r.userId)).toEqual([acme.users.rep!.id]);
    expect(doc.data.auditEvents.map((r) => r.id)).toEqual(['au_dana']);
    // A digest that counted Dana among others is listed without its words, which name the others.
    expect(doc.data.alerts.find((r) => r.id === 'al_digest')).toMatchObject({ title: null, body: null, digestOf: { count: 2 } });
    // Nothing about the bystander.
    expect(JSON.stringify(doc)).not.toContain('Sam Other');
  });

  it('exports the same as CSV, a section per kind, with formulas defused', async () => {
    const res = await api('manager', `/v1/privacy/export?contactId=${danaId}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    const sections = text.trim().split('\r\n\r\n');
    expect(sections.map((s) => s.split('\r\n')[0])).toEqual(PRIVACY_KINDS.map((k) => expect.stringMatching(new RegExp(`^${k} \\(\\d+\\)$`))));
    const attemptsSection = sections[PRIVACY_KINDS.indexOf('attempts')]!;
    const parsed = Papa.parse<Record<string, string>>(attemptsSection.split('\r\n').slice(1).join('\r\n'), { header: true });
    expect(parsed.data[0]!.note).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(parsed.data[0]!.id).toBe('att_dana');
  });

  it('erases nothing on a wrong confirmation, and refuses reps and other workspaces', async () => {
    const before = await everyRow();
    const wrong = await erase({ contactId: danaId, confirmEmail: 'dana@other.example' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { issues: [{ path: 'confirmEmail', message: "must be the contact's email address, typed again" }] } });
    const missing = await erase({ contactId: danaId });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('confirmEmail');
    expect((await erase({ contactId: danaId, confirmEmail: DANA.email }, 'rep')).status).toBe(403);
    expect((await erase({ contactId: danaId, confirmEmail: DANA.email }, 'marketing')).status).toBe(403);
    const other = await server.api(globex.users.manager!.token, '/v1/privacy/erase', { method: 'POST', json: { contactId: danaId, confirmEmail: DANA.email } });
    expect(other.status).toBe(404);
    expect((await server.api(globex.users.manager!.token, `/v1/privacy/export?contactId=${danaId}`)).status).toBe(404);
    expect(await everyRow()).toEqual(before);
  });

  it('erases every row that names the contact; the audit keeps only the erasure; the rep’s sync drops them', async () => {
    const { pages, cursor } = await pullAll(acme.users.rep!.token);
    expect(pages.flatMap((p) => p.contacts.map((c) => c.id))).toContain(danaId);

    server.clock.advance(60_000);
    const res = await erase({ email: DANA.email, confirmEmail: DANA.email.toUpperCase() });
    expect(res.status, await res.clone().text()).toBe(200);
    const result = PrivacyEraseResult.parse(await res.json());
    expect(result.removed).toMatchObject({ contact: 1, activities: 1, attempts: 1, questions: 1, trackedEmails: 1, visitors: 1, visitorEvents: 1, alerts: 2, alertMessages: 1, webhookDeliveries: 1, suggestedLeads: 1, scopeEntries: 1, mutationAnswers: 1 });

    // Globex's own contact with the same address is another person's record in another workspace: it stays.
    const rows = (await everyRow()).filter((r) => !r.row.includes(globex.id));
    const naming = (needle: string) => rows.filter((r) => r.row.includes(needle));
    expect(naming(DANA.email), 'rows holding the address').toEqual([]);
    expect(naming('Quinnell'), 'rows holding the name').toEqual([]);
    const byId = naming(danaId);
    expect(byId.map((r) => r.table).sort()).toEqual(['audit_events', 'scope_exits']);
    expect(JSON.parse(byId.find((r) => r.table === 'audit_events')!.row)).toMatchObject({ action: 'contact.erase', target_id: danaId, actor_id: acme.users.manager!.id });

    const audit = (await (await api('admin', '/v1/audit?action=contact')).json()) as { events: { action: string; target: { id: string }; changes: object }[] };
    expect(audit.events.filter((e) => e.target.id === danaId)).toEqual([
      expect.objectContaining({ action: 'contact.erase', changes: { erased: { before: false, after: true } } }),
    ]);

    const after = await pullAll(acme.users.rep!.token, cursor);
    expect(after.pages.flatMap((p) => p.removed.contacts)).toEqual([danaId]);

    // The bystander and the other workspace's Dana are untouched.
    expect(naming('Sam Other').map((r) => r.table).sort()).toEqual(['alerts', 'contacts']);
    expect((await server.api(globex.users.manager!.token, `/v1/privacy/subject?email=${encodeURIComponent(DANA.email)}`)).status).toBe(200);
  });

  it('answers 404 when the same contact is erased again', async () => {
    expect((await erase({ contactId: danaId, confirmEmail: DANA.email })).status).toBe(404);
    expect((await erase({ email: DANA.email, confirmEmail: DANA.email })).status).toBe(404);
  });
});
