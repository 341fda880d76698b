import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { SyncPage } from '../../lib/core/model/sync';
import type { EmailRegistrationResponse } from '../../lib/core/model/tracking';
import type { AlertChannels, DeliveredAlert } from '../../server/alerts/channels';
import { alerts } from '../../server/store/schema';
import { alertStream, until } from './alert-stream-support';
import { STORE_KINDS, freshPostgresDatabase, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

// Monday 2026-01-19 10:00 in New York (the workspace's zone, working 09:00–17:00 Mon–Fri).
const NOW = '2026-01-19T15:00:00.000Z';
const SITE = 'https://www.acme.example';
/** Channels that keep what they were handed, to check each alert is handed over once. */
function recordingChannels(): AlertChannels & { handed: DeliveredAlert[] } {
  const handed: DeliveredAlert[] = [];
  return { handed, delivered: async (batch) => void handed.push(...batch), close: async () => {} };
}

describe.each(STORE_KINDS)('alerts on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let rep: ReturnType<typeof alertStream>;
  let rep2: ReturnType<typeof alertStream>;
  let n = 0;
  const uid = (name: string) => `${name}_${kind}_${++n}`;
  const channels = recordingChannels();

  beforeAll(async () => {
    server = await startTestServer(kind, { now: NOW, alertChannels: channels });
    acme = await makeWorkspace(server, 'Acme');
    const settings = await (await server.api(acme.users.admin!.token, '/v1/settings')).json();
    const saved = await server.api(acme.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...settings, tracking: { ...settings.tracking, siteOrigins: [SITE] }, alerts: { ...settings.alerts, digestAbove: 50 } } });
    // No digests here: the test clock stands still, so every alert of the suite falls within one minute.
    expect(saved.status).toBe(200);
    rep = alertStream(server.url, acme.users.rep!.token);
    rep2 = alertStream(server.url, acme.users.rep2!.token);
    await Promise.all([rep.connected(), rep2.connected()]);
  }, 60_000);
  afterAll(async () => {
    rep?.close();
    rep2?.close();
    await server?.close();
  });

  async function leadOf(email: string, ownerKey = 'rep', name = 'Dana Reyes'): Promise<Contact> {
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email, name, company: 'Brightwave', ownerId: acme.users[ownerKey]!.id } });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }
  const event = (type: string, path: string, extra: Record<string, unknown> = {}, secondsAgo = 0) => ({
    id: uid('e'),
    type,
    url: `${SITE}${path}`,
    at: new Date(server.clock.now().getTime() - secondsAgo * 1000).toISOString(),
    ...extra,
  });
  /** What t.js sends: the visitor's events, from the site's page. */
  async function collect(visitorId: string, events: unknown[]) {
    const res = await fetch(`${server.url}/v1/collect`, { method: 'POST', headers: { origin: SITE }, body: JSON.stringify({ siteKey: acme.siteKey, visitorId, events }) });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  /** A visit by the lead: a form with their address identifies the visitor, so it lands on the lead. */
  const visit = (lead: Contact, visitorId: string, path = '/blog') =>
    collect(visitorId, [event('page_view', path, { title: path === '/pricing' ? 'Pricing' : 'Blog' }, 1), event('form_submit', '/contact', { email: lead.email })]);
  /**
   * Alerts are decided in the order ingests commit: once a later lead's alert has arrived, everything ingested before
   * it has been decided. So "nothing" is checked after a marker's alert, never after a wait.
   */
  async function everythingBeforeDecided(): Promise<void> {
    const marker = await leadOf(`${uid('marker')}@buyer.example`, 'rep', 'Marker');
    await visit(marker, uid('v'));
    await rep.next((a) => a.contactId === marker.id, "the marker's alert");
    await server.alerts.settled();
  }
  const stored = (contactId: string) => server.store.db.select().from(alerts).where(and(eq(alerts.workspaceId, acme.id), eq(alerts.contactId, contactId)));
  async function sync(token: string, cursor?: string): Promise<SyncPage> {
    const res = await server.api(token, `/v1/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    return (await res.json()) as SyncPage;
  }

  it('an event ingested through /v1/collect makes exactly one alert for the owner, over the stream and in sync', async () => {
    const before = await sync(acme.users.rep!.token);
    const dana = await leadOf(`${uid('dana')}@buyer.example`);
    await visit(dana, uid('v'));
    const alert = await rep.next((a) => a.contactId === dana.id, "Dana's alert");
    expect(alert).toMatchObject({ userId: acme.users.rep!.id, rule: 'active_now', title: 'Dana Reyes is on the site now', body: 'Viewed Blog · Brightwave', deliverAt: NOW, digestOf: null });
    await everythingBeforeDecided();
    expect(rep.about(dana.id)).toHaveLength(1);
    expect(rep2.about(dana.id)).toEqual([]);
    expect(await stored(dana.id)).toHaveLength(1);
    expect(channels.handed.filter((d) => d.contact.id === dana.id).map((d) => d.alert)).toEqual([alert]);

    // The sync page since the cursor carries the same alert (same id), and the next page does not repeat it.
    const page = await sync(acme.users.rep!.token, before.cursor);
    expect((page.alerts ?? []).filter((a) => a.contactId === dana.id)).toEqual([alert]);
    const again = await sync(acme.users.rep!.token, page.cursor);
    expect((again.alerts ?? []).filter((a) => a.contactId === dana.id)).toEqual([]);
    // A colleague's sync never carries someone else's alert.
    expect(((await sync(acme.users.rep2!.token)).alerts ?? []).filter((a) => a.contactId === dana.id)).toEqual([]);
  }, 30_000);

  it('a machine open alerts nobody; a person’s open does', async () => {
    const eve = await leadOf(`${uid('eve')}@buyer.example`, 'rep', 'Eve Stone');
    const reg = await server.api(acme.users.rep!.token, '/v1/emails', { method: 'POST', json: { contactId: eve.id, sentAt: NOW } });
    const { pixelUrl } = (await reg.json()) as EmailRegistrationResponse;
    // Fetched the moment it was sent: an automatic fetch, not a reader.
    expect((await fetch(pixelUrl!)).status).toBe(200);
    await everythingBeforeDecided();
    expect(rep.about(eve.id)).toEqual([]);
    expect(await stored(eve.id)).toEqual([]);

    server.clock.set('2026-01-19T16:00:00.000Z');
    try {
      await fetch(pixelUrl!, { headers: { 'user-agent': 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)' } });
      const opened = await rep.next((a) => a.contactId === eve.id, "Eve's open");
      expect(opened).toMatchObject({ rule: 'email_engaged', title: 'Eve Stone opened your email' });
    } finally {
      server.clock.set(NOW);
    }
  }, 30_000);

  it('a burst of 30 page views is one alert', async () => {
    const fay = await leadOf(`${uid('fay')}@buyer.example`);
    const visitor = uid('v');
    await visit(fay, visitor);
    for (let i = 0; i < 30; i++) await collect(visitor, [event('page_view', `/blog/${i}`)]);
    await everythingBeforeDecided();
    expect(rep.about(fay.id).map((a) => a.rule)).toEqual(['active_now']);
    expect(await stored(fay.id)).toHaveLength(1);
  }, 30_000);

  it('a muted rule or a muted lead alerts nobody', async () => {
    const gus = await leadOf(`${uid('gus')}@buyer.example`, 'rep2', 'Gus');
    const hal = await leadOf(`${uid('hal')}@buyer.example`, 'rep2', 'Hal');
    const mute = (json: unknown) => server.api(acme.users.rep2!.token, '/v1/me/alerts', { method: 'PUT', json });
    expect((await mute({ mutedRules: ['active_now'] })).status).toBe(200);
    await visit(gus, uid('v'));
    expect((await mute({ mutedContacts: [hal.id] })).status).toBe(200);
    await visit(hal, uid('v'));
    await everythingBeforeDecided();
    expect(rep2.received.filter((a) => a.contactId === gus.id || a.contactId === hal.id)).toEqual([]);
    expect([...(await stored(gus.id)), ...(await stored(hal.id))]).toEqual([]);
    expect((await mute({})).status).toBe(200);
  }, 30_000);

  it('held in quiet hours, then delivered at the working moment; "on the site now" is dropped by then', async () => {
    const ivy = await leadOf(`${uid('ivy')}@buyer.example`, 'rep', 'Ivy Park');
    // Friday 17:30 in New York: after hours.
    server.clock.set('2026-01-23T22:30:00.000Z');
    try {
      await visit(ivy, uid('v'), '/pricing');
      const held = await until(async () => {
        const rows = await stored(ivy.id);
        return rows.length === 2 ? rows : undefined;
      }, "Ivy's held alerts");
      expect(held.map((r) => [r.rule, r.state, r.deliverAt.toISOString()]).sort()).toEqual([
        ['active_now', 'held', '2026-01-26T14:00:00.000Z'],
        ['key_page', 'held', '2026-01-26T14:00:00.000Z'],
      ]);
      await server.alerts.tick();
      expect(rep.about(ivy.id)).toEqual([]);

      // Monday 09:00: the minute check delivers what still holds.
      server.clock.set('2026-01-26T14:00:00.000Z');
      await server.alerts.tick();
      const delivered = await rep.next((a) => a.contactId === ivy.id, "Ivy's pricing view");
      expect(delivered).toMatchObject({ rule: 'key_page', title: 'Ivy Park viewed Pricing', deliverAt: '2026-01-26T14:00:00.000Z', at: '2026-01-23T22:29:59.000Z' });
      expect((await stored(ivy.id)).map((r) => [r.rule, r.state]).sort()).toEqual([
        ['active_now', 'dropped'],
        ['key_page', 'delivered'],
      ]);
      await everythingBeforeDecided();
      expect(rep.about(ivy.id)).toHaveLength(1);
    } finally {
      server.clock.set(NOW);
    }
  }, 30_000);

  it('a first touch about to breach alerts its owner once, from the minute check', async () => {
    // Assigned at 10:00 Monday: the default policy's first touch is due 4 business hours later, at 14:00.
    const jo = await leadOf(`${uid('jo')}@buyer.example`, 'rep', 'Jo Lin');
    server.clock.set('2026-01-19T18:35:00.000Z');
    try {
      await server.alerts.tick();
      await server.alerts.tick();
      const due = await rep.next((a) => a.contactId === jo.id, "Jo's first touch");
      expect(due).toMatchObject({ rule: 'sla_due_soon', title: 'First touch for Jo Lin is due in 25 min', body: 'Due at 14:00 · Brightwave' });
      expect(rep.about(jo.id)).toHaveLength(1);
    } finally {
      server.clock.set(NOW);
    }
  }, 30_000);
});

describe('alerts across processes on postgres', () => {
  it('two API processes on one database make and hand over exactly one alert', async () => {
    const databaseUrl = await freshPostgresDatabase();
    const channels = [recordingChannels(), recordingChannels()];
    const first = await startTestServer('postgres', { now: NOW, databaseUrl, alertChannels: channels[0] });
    const second = await startTestServer('postgres', { now: NOW, databaseUrl, alertChannels: channels[1] });
    const acme = await makeWorkspace(first, 'Acme');
    const watching = alertStream(first.url, acme.users.rep!.token);
    try {
      const settings = await (await first.api(acme.users.admin!.token, '/v1/settings')).json();
      await first.api(acme.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...settings, tracking: { ...settings.tracking, siteOrigins: [SITE] } } });
      const res = await second.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: 'kim@buyer.example', name: 'Kim', ownerId: acme.users.rep!.id } });
      const kim = (await res.json()) as Contact;
      await watching.connected();
      const events = [
        { id: 'e_kim_1', type: 'page_view', url: `${SITE}/pricing`, at: NOW, title: 'Pricing' },
        { id: 'e_kim_2', type: 'form_submit', url: `${SITE}/contact`, at: NOW, email: kim.email },
      ];
      const sent = await fetch(`${second.url}/v1/collect`, { method: 'POST', headers: { origin: SITE }, body: JSON.stringify({ siteKey: acme.siteKey, visitorId: 'visitor_kim', events }) });
      expect(sent.status, await sent.clone().text()).toBe(200);
      await until(() => (watching.about(kim.id).length === 2 ? true : undefined), "Kim's two alerts");
      // Both processes decided and delivered; the window key and the workspace lock leave one of each.
      await Promise.all([first.alerts.settled(), second.alerts.settled()]);
      await Promise.all([first.alerts.tick(), second.alerts.tick()]);
      const rows = await first.store.db.select().from(alerts).where(eq(alerts.contactId, kim.id));
      expect(rows.map((r) => [r.rule, r.state]).sort()).toEqual([
        ['active_now', 'delivered'],
        ['key_page', 'delivered'],
      ]);
      expect(watching.about(kim.id).map((a) => a.rule).sort()).toEqual(['active_now', 'key_page']);
      // Handed to email and chat once each, by whichever process delivered it.
      const handed = channels.flatMap((c) => c.handed).filter((d) => d.contact.id === kim.id);
      expect(handed.map((d) => d.alert.id).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(handed[0]).toMatchObject({ workspaceId: acme.id, recipient: { id: acme.users.rep!.id, email: acme.users.rep!.email }, contact: { email: 'kim@buyer.example', name: 'Kim' } });
    } finally {
      watching.close();
      await second.close();
      await first.close();
    }
  }, 60_000);
});

describe.each(STORE_KINDS)('alert digests on %s', (kind) => {
  it('past three alerts within a minute, the rest come as one digest', async () => {
    const server = await startTestServer(kind, { now: NOW });
    const acme = await makeWorkspace(server, 'Acme');
    const watching = alertStream(server.url, acme.users.rep!.token);
    try {
      const settings = await (await server.api(acme.users.admin!.token, '/v1/settings')).json();
      await server.api(acme.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...settings, tracking: { ...settings.tracking, siteOrigins: [SITE] } } });
      await watching.connected();
      const leads: Contact[] = [];
      for (const name of ['Ann', 'Ben', 'Cal', 'Dee', 'Eli']) {
        const res = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: `${name.toLowerCase()}@buyer.example`, name, ownerId: acme.users.rep!.id } });
        leads.push((await res.json()) as Contact);
      }
      // Five leads on the site within the same minute.
      for (const [i, lead] of leads.entries()) {
        const events = [{ id: `e_digest_${i}`, type: 'form_submit', url: `${SITE}/contact`, at: NOW, email: lead.email }];
        const sent = await fetch(`${server.url}/v1/collect`, { method: 'POST', headers: { origin: SITE }, body: JSON.stringify({ siteKey: acme.siteKey, visitorId: `visitor_digest_${i}`, events }) });
        expect(sent.status).toBe(200);
      }
      const digest = await watching.next((a) => a.digestOf !== null, 'the digest');
      expect(digest).toMatchObject({ title: '2 alerts · Dee and Eli', body: 'Dee is on the site now · Eli is on the site now', digestOf: { count: 2, contactIds: [leads[3]!.id, leads[4]!.id] } });
      expect(watching.received.filter((a) => a.digestOf === null).map((a) => a.contactId)).toEqual(leads.slice(0, 3).map((l) => l.id));
    } finally {
      watching.close();
      await server.close();
    }
  }, 60_000);
});
