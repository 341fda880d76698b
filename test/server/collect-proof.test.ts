import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import { writeInWorkspace } from '../../server/store/db';
import { activities, contacts, visitorEvents, visitors, workspaces } from '../../server/store/schema';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { signToken } from '../../server/tracking/tokens';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// Creating a lead or tying a visitor to a contact by email needs proof the batch came from the site: an allowed
// Origin, or the visitor proof t.js gets from GET /v1/collect/proof. Anonymous page views need neither.

const NOW = '2026-01-19T15:00:00.000Z';
const SITE = 'https://www.acme.example';
const NEEDS_PROOF = {
  error: {
    code: 'forbidden',
    message:
      'identifying a visitor by email needs proof that the batch comes from the site: send it from one of the site origins, or with the proof t.js gets from GET /v1/collect/proof',
  },
};

describe.each(STORE_KINDS)('proof of the site on /v1/collect on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let n = 0;
  const uid = (name: string) => `${name}_${kind}_${++n}`;
  const db = () => server.store.db;

  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    for (const [ws, origin] of [
      [acme, SITE],
      [globex, 'https://www.globex.example'],
    ] as const) {
      await writeInWorkspace(db(), ws.id, async (tx) => {
        const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, ws.id));
        const tracking = { ...trackingPolicyOf(row!.settings), mode: 'legitimate_interest' as const, createLeadsFromForms: true, siteOrigins: [origin] };
        await tx.update(workspaces).set({ settings: { ...row!.settings, tracking } }).where(eq(workspaces.id, ws.id));
      });
    }
  }, 60_000);
  beforeEach(() => server.clock.set(NOW));

  const post = (body: unknown, origin: string | null = null) =>
    fetch(`${server.url}/v1/collect`, { method: 'POST', headers: { 'content-type': 'text/plain', ...(origin ? { origin } : {}) }, body: JSON.stringify(body) });
  const view = (path = '/') => ({ id: uid('e'), type: 'page_view', url: `${SITE}${path}`, at: NOW });
  const form = (email: string) => ({ id: uid('e'), type: 'form_submit', url: `${SITE}/demo`, at: NOW, email });
  const batch = (visitorId: string, events: unknown[], extra: Record<string, unknown> = {}) => ({ siteKey: acme.siteKey, visitorId, events, ...extra });
  const getProof = (visitorId: string, origin: string | null = SITE, siteKey = acme.siteKey) =>
    fetch(`${server.url}/v1/collect/proof?k=${siteKey}&v=${visitorId}`, { headers: origin ? { origin } : {} });
  const proofFor = async (visitorId: string, siteKey = acme.siteKey, origin = SITE) => {
    const res = await getProof(visitorId, origin, siteKey);
    expect(res.status).toBe(200);
    return ((await res.json()) as { proof: string }).proof;
  };
  const totals = async () => ({
    events: (await db().select({ n: count() }).from(visitorEvents))[0]!.n,
    activities: (await db().select({ n: count() }).from(activities))[0]!.n,
    contacts: (await db().select({ n: count() }).from(contacts))[0]!.n,
    identified: (await db().select({ n: count() }).from(visitors).where(eq(visitors.workspaceId, acme.id)))[0]!.n,
  });
  async function newContact(email: string): Promise<Contact> {
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email } });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }

  it('refuses a batch that names a visitor by email without an Origin or a proof, and stores nothing of it', async () => {
    const ada = await newContact(`${uid('ada')}@buyer.example`);
    const before = await totals();
    for (const events of [
      [view(), form(`${uid('new')}@prospect.example`)],
      [form(ada.email)],
      [{ id: uid('e'), type: 'identify', url: `${SITE}/`, at: NOW, email: ada.email }],
    ]) {
      const res = await post(batch(uid('visitor'), events));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(NEEDS_PROOF);
    }
    expect(await totals()).toEqual(before);
  });

  it('still takes anonymous page views without an Origin, and a signed tracked-link token is its own proof', async () => {
    const visitor = uid('visitor');
    expect(await (await post(batch(visitor, [view('/'), view('/pricing')]))).json()).toEqual({ stored: 2, duplicates: 0, ignored: 0 });
    const bea = await newContact(`${uid('bea')}@buyer.example`);
    const token = await signToken(db(), { kind: 'identify', workspaceId: acme.id, contactId: bea.id, issuedAt: new Date(NOW) }, new Date(NOW));
    const res = await post(batch(visitor, [{ id: uid('e'), type: 'identify', url: `${SITE}/pricing`, at: NOW, token }]));
    expect(res.status).toBe(200);
    const [row] = await db().select().from(visitors).where(and(eq(visitors.workspaceId, acme.id), eq(visitors.visitorId, visitor)));
    expect(row!.contactId).toBe(bea.id);
  });

  it('identifies by email from an allowed Origin, as t.js does', async () => {
    const email = `${uid('origin')}@prospect.example`;
    expect((await post(batch(uid('visitor'), [form(email)]), SITE)).status).toBe(200);
    const [lead] = await db().select().from(contacts).where(and(eq(contacts.workspaceId, acme.id), eq(contacts.email, email)));
    expect(lead).toMatchObject({ source: 'website', stage: 'lead' });
  });

  it('gives a visitor proof only to a page of the site, for 12 hours, and takes it without an Origin', async () => {
    const visitor = uid('visitor');
    const res = await getProof(visitor);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { proof: string; expiresAt: string };
    expect(body.expiresAt).toBe('2026-01-20T03:00:00.000Z');
    expect(body.proof).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);

    const email = `${uid('proved')}@prospect.example`;
    expect((await post(batch(visitor, [view(), form(email)], { proof: body.proof }))).status).toBe(200);
    const [lead] = await db().select().from(contacts).where(and(eq(contacts.workspaceId, acme.id), eq(contacts.email, email)));
    expect(lead).toMatchObject({ source: 'website' });
    expect((await db().select().from(activities).where(eq(activities.contactId, lead!.id))).map((a) => a.type).sort()).toEqual(['form_submit', 'page_view']);
  });

  it('refuses a proof of another visitor, of another site, edited, or older than 12 hours', async () => {
    const visitor = uid('visitor');
    const mine = await proofFor(visitor);
    const before = await totals();
    const email = `${uid('forged')}@prospect.example`;
    const otherVisitor = await proofFor(uid('visitor'));
    const otherSite = await proofFor(visitor, globex.siteKey, 'https://www.globex.example');
    const edited = `${mine.slice(0, -2)}${mine.endsWith('AA') ? 'AQ' : 'AA'}`;
    for (const proof of [otherVisitor, otherSite, edited]) {
      const res = await post(batch(visitor, [form(email)], { proof }));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(NEEDS_PROOF);
    }
    server.clock.advance(12 * 3600_000 + 1000);
    const late = await post(batch(visitor, [{ ...form(email), at: server.clock.now().toISOString() }], { proof: mine }));
    expect(late.status).toBe(403);
    expect(await totals()).toEqual(before);
  });

  it('refuses a proof to a page elsewhere or to no page, for an unknown key, or for a bad visitor id', async () => {
    for (const origin of [null, 'https://evil.example', 'https://www.globex.example']) {
      const res = await getProof(uid('visitor'), origin);
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(await res.json()).toEqual({
        error: { code: 'forbidden', message: "a visitor proof is given only to a page on one of this site's origins; a marketer can add them in the tracking settings" },
      });
    }
    expect((await getProof(uid('visitor'), SITE, 'site_nobody_has_this')).status).toBe(404);
    const bad = await getProof('no', SITE);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'v', message: 'must be 8 to 64 letters, digits, "_" or "-"' }]);
    expect((await post(batch(uid('visitor'), [view()], { proof: 'not a proof' }))).status).toBe(400);
  });
});
