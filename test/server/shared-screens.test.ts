import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { AuditPage } from '../../lib/core/model/audit';
import type { SlaReport } from '../../lib/core/model/reports';
import type { NewSharedScreen, SharedScreen } from '../../lib/core/model/sessions';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const NOW = '2026-01-19T15:00:00.000Z';
const EARLIER = '2026-01-19T14:00:00.000Z';
const DAY = 24 * 60 * 60_000;
const secretOf = (url: string) => new URL(url).pathname.slice('/shared/'.length);

describe.each(STORE_KINDS)('shared screens on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const server = serverForSuite(kind, { now: NOW });
  const make = async (token: string, json: unknown) => server.api(token, '/v1/shared-screens', { method: 'POST', json });
  const open = (secret: string, query = '') => fetch(`${server.url}/v1/shared/${secret}/sla${query}`);

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex', 'Europe/London');
    // An MQL the rep handed back with a reason in words that names someone: the shared screen must not show it.
    // An hour before now, so the report's period (which ends now, exclusive) holds it.
    server.clock.set(EARLIER);
    const manager = acme.users.manager!.token;
    const contact = (await (
      await server.api(manager, '/v1/contacts', { method: 'POST', json: { email: 'dana@buyer.example', name: 'Dana Reyes', ownerId: acme.users.rep!.id, stage: 'mql' } })
    ).json()) as Contact;
    const recycle = await server.api(acme.users.rep!.token, '/v1/mutations', {
      method: 'POST',
      json: { mutations: [{ id: 'm_recycle', type: 'contact.recycle', at: EARLIER, contactId: contact.id, reasonCode: 'other', reason: 'Ask her boss, lee@buyer.example' }] },
    });
    expect(recycle.status).toBe(200);
    expect(await recycle.json()).toEqual({ results: [{ id: 'm_recycle', status: 'applied' }] });
    server.clock.set(NOW);
  }, 60_000);

  it('lets managers and admins make one, shown with its URL once, listed and recorded without it', async () => {
    const res = await make(acme.users.manager!.token, { name: ' Weekly SLA meeting ' });
    expect(res.status).toBe(201);
    const screen = (await res.json()) as NewSharedScreen;
    expect(screen).toEqual({
      id: expect.stringMatching(/^shs_/),
      name: 'Weekly SLA meeting',
      url: expect.stringMatching(new RegExp(`^${server.publicUrl}/shared/lsv_[A-Za-z0-9_-]{43}$`)),
      createdAt: NOW,
      createdBy: acme.users.manager!.id,
      expiresAt: null,
      revokedAt: null,
    });
    const { url, ...listed } = screen;
    const list = (await (await server.api(acme.users.admin!.token, '/v1/shared-screens')).json()) as { sharedScreens: SharedScreen[] };
    expect(list.sharedScreens).toEqual([listed]);
    expect((await (await server.api(globex.users.manager!.token, '/v1/shared-screens')).json()).sharedScreens).toEqual([]);
    const audit = (await (await server.api(acme.users.admin!.token, '/v1/audit?action=shared_screen')).json()) as AuditPage;
    expect(audit.events.map((e) => [e.action, e.target.id, e.changes])).toEqual([
      ['shared_screen.create', screen.id, { name: { before: null, after: 'Weekly SLA meeting' } }],
    ]);
    expect(JSON.stringify(audit)).not.toContain(secretOf(url));
  });

  it('refuses other roles and bad input, precisely', async () => {
    for (const role of ['rep', 'marketing']) {
      const res = await make(acme.users[role]!.token, { name: 'Mine' });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: `only manager, admin may do this; you are ${role}` } });
    }
    const empty = await make(acme.users.manager!.token, { name: '  ', expiresInDays: 0, colour: 'red' });
    expect(empty.status).toBe(400);
    const issues = ((await empty.json()) as { error: { issues: { path: string; message: string }[] } }).error.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['', 'expiresInDays', 'name']);
    expect(issues.find((i) => i.path === 'name')!.message).toBe('must not be empty');
    expect(issues.find((i) => i.path === 'expiresInDays')!.message).toBe('must be a whole number of days from 1 to 366');
    for (const expiresInDays of [1.5, 367, '7']) {
      const res = await make(acme.users.manager!.token, { name: 'Odd', expiresInDays });
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('shared screen is not valid: expiresInDays: must be a whole number of days from 1 to 366');
    }
  });

  it('answers the SLA report without sign-in, with names and counts and nothing else personal', async () => {
    const screen = (await (await make(acme.users.manager!.token, { name: 'Team screen' })).json()) as NewSharedScreen;
    const res = await open(secretOf(screen.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const shared = (await res.json()) as SlaReport;
    const report = (await (await server.api(acme.users.manager!.token, '/v1/reports/sla')).json()) as SlaReport;
    // The signed-in report carries the words the rep typed; the shared one counts them as `other`, without them.
    expect(report.marketing.quality.reasons.recycled).toEqual([{ code: null, text: 'ask her boss, lee@buyer.example', count: 1 }]);
    expect(shared.marketing.quality.reasons.recycled).toEqual([{ code: 'other', text: null, count: 1 }]);
    expect(JSON.stringify(shared)).not.toMatch(/@|buyer\.example|Dana/);
    // Everything else is the report itself: the same figures, the reps by name.
    expect(shared.sales).toEqual(report.sales);
    expect(shared.marketing.delivered).toBe(1);
    expect(shared.reps.map((r) => r.name)).toEqual(report.reps.map((r) => r.name));
    expect(shared.reps.map((r) => r.name)).toContain('Acme rep');
    expect({ ...shared, marketing: null, reps: null, weekly: null }).toEqual({ ...report, marketing: null, reps: null, weekly: null });
    // The same periods as the report, and the same refusals.
    expect((await open(secretOf(screen.url), '?from=2026-01-12T00:00:00Z&to=2026-01-19T00:00:00Z')).status).toBe(200);
    expect((await open(secretOf(screen.url), '?from=yesterday')).status).toBe(400);
  });

  it('refuses a link nobody made (404), and one revoked or expired (410)', async () => {
    const forged = await open('lsv_forgedforgedforgedforgedforgedforgedforge');
    expect(forged.status).toBe(404);
    expect(await forged.json()).toEqual({ error: { code: 'not_found', message: 'this shared screen link is not one we made: check that it was copied whole' } });

    const screen = (await (await make(acme.users.admin!.token, { name: 'Lobby' })).json()) as NewSharedScreen;
    expect((await server.api(globex.users.admin!.token, `/v1/shared-screens/${screen.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await server.api(acme.users.rep!.token, `/v1/shared-screens/${screen.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await open(secretOf(screen.url))).status).toBe(200);
    server.clock.advance(60_000);
    try {
      expect((await server.api(acme.users.manager!.token, `/v1/shared-screens/${screen.id}`, { method: 'DELETE' })).status).toBe(204);
      const revoked = await open(secretOf(screen.url));
      expect(revoked.status).toBe(410);
      expect(await revoked.json()).toEqual({ error: { code: 'gone', message: 'this shared screen was revoked on 2026-01-19 15:01 UTC: ask for a new link' } });
      // Revoking again changes nothing, and is recorded once.
      expect((await server.api(acme.users.manager!.token, `/v1/shared-screens/${screen.id}`, { method: 'DELETE' })).status).toBe(204);
      const audit = (await (await server.api(acme.users.admin!.token, `/v1/audit?action=shared_screen.revoke&targetId=${screen.id}`)).json()) as AuditPage;
      expect(audit.events).toHaveLength(1);
      const listed = (await (await server.api(acme.users.manager!.token, '/v1/shared-screens')).json()) as { sharedScreens: SharedScreen[] };
      expect(listed.sharedScreens.find((s) => s.id === screen.id)!.revokedAt).toBe('2026-01-19T15:01:00.000Z');
      expect((await server.api(acme.users.manager!.token, '/v1/shared-screens/shs_unknown', { method: 'DELETE' })).status).toBe(404);
    } finally {
      server.clock.set(NOW);
    }

    const weekly = (await (await make(acme.users.manager!.token, { name: 'This week only', expiresInDays: 7 })).json()) as NewSharedScreen;
    expect(weekly.expiresAt).toBe('2026-01-26T15:00:00.000Z');
    server.clock.advance(7 * DAY - 60_000);
    try {
      expect((await open(secretOf(weekly.url))).status).toBe(200);
      server.clock.advance(60_000);
      const expired = await open(secretOf(weekly.url));
      expect(expired.status).toBe(410);
      expect(await expired.json()).toEqual({ error: { code: 'gone', message: 'this shared screen expired on 2026-01-26 15:00 UTC: ask for a new link' } });
    } finally {
      server.clock.set(NOW);
    }
  });
});
