import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { EmailRegistrationResponse } from '../../lib/core/model/tracking';
import { testSmtpServer } from './alert-delivery-support';
import { alertStream, until } from './alert-stream-support';
import { STORE_KINDS, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

// The whole path, engine and channels together: a page view ingested through /v1/collect becomes exactly one alert
// for the lead's owner, over the stream and as one email through a real SMTP server started here; a machine open
// becomes neither. Monday 2026-01-19 10:00 in New York (working hours).
const NOW = '2026-01-19T15:00:00.000Z';
const SITE = 'https://www.acme.example';

describe.each(STORE_KINDS)('alerts by email, from an ingested event, on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let smtp: Awaited<ReturnType<typeof testSmtpServer>>;
  let stream: ReturnType<typeof alertStream>;
  let n = 0;
  const uid = (name: string) => `${name}_${kind}_${++n}`;

  beforeAll(async () => {
    smtp = await testSmtpServer();
    server = await startTestServer(kind, { now: NOW, smtpUrl: smtp.url, alertsFrom: 'Leadside <alerts@acme.example>' });
    acme = await makeWorkspace(server, 'Acme');
    const settings = await (await server.api(acme.users.admin!.token, '/v1/settings')).json();
    const saved = await server.api(acme.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...settings, tracking: { ...settings.tracking, siteOrigins: [SITE] }, alerts: { ...settings.alerts, digestAbove: 50 } } });
    // No digest: the test clock stands still, so every alert here falls within one minute.
    expect(saved.status).toBe(200);
    const prefs = await server.api(acme.users.rep!.token, '/v1/me/alerts', { method: 'PUT', json: { emailRules: ['key_page', 'email_engaged'] } });
    expect(prefs.status).toBe(200);
    stream = alertStream(server.url, acme.users.rep!.token);
    await stream.connected();
  }, 60_000);
  afterAll(async () => {
    stream?.close();
    await server?.close();
    await smtp?.close();
  });

  async function leadOf(name: string): Promise<Contact> {
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: `${uid('lead')}@buyer.example`, name, ownerId: acme.users.rep!.id } });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }
  async function viewPricing(lead: Contact) {
    const at = (s: number) => new Date(server.clock.now().getTime() - s * 1000).toISOString();
    const events = [
      { id: uid('e'), type: 'page_view', url: `${SITE}/pricing`, title: 'Pricing', at: at(2) },
      { id: uid('e'), type: 'form_submit', url: `${SITE}/contact`, email: lead.email, at: at(1) },
    ];
    const res = await fetch(`${server.url}/v1/collect`, { method: 'POST', headers: { origin: SITE }, body: JSON.stringify({ siteKey: acme.siteKey, visitorId: uid('v'), events }) });
    expect(res.status).toBe(200);
  }

  it('a pricing view is one key-page alert for the owner, on the stream and as one email; a machine open is neither', async () => {
    const dana = await leadOf('Dana Reyes');
    await viewPricing(dana);
    const keyPage = await stream.next((a) => a.contactId === dana.id && a.rule === 'key_page', "Dana's key-page alert");
    await server.alerts.settled();
    await server.alertChannels.runDue();
    const mails = await until(() => (smtp.received.length > 0 ? smtp.received : undefined), 'the alert email');
    expect(mails.map((m) => [m.to && !Array.isArray(m.to) ? m.to.text : null, m.subject])).toEqual([[acme.users.rep!.email, keyPage.title]]);
    expect(stream.about(dana.id).filter((a) => a.rule === 'key_page')).toHaveLength(1);

    // The same pricing view again within the window: no second alert, no second email.
    await viewPricing(dana);
    // A machine open (the pixel fetched the moment the email was sent) alerts nobody and mails nothing.
    const eve = await leadOf('Eve Stone');
    const reg = await server.api(acme.users.rep!.token, '/v1/emails', { method: 'POST', json: { contactId: eve.id, sentAt: NOW } });
    const { pixelUrl } = (await reg.json()) as EmailRegistrationResponse;
    expect((await fetch(pixelUrl!)).status).toBe(200);
    // Decided in ingest order: once a later lead's alert arrived, everything before it was decided.
    const marker = await leadOf('Marker');
    await viewPricing(marker);
    await stream.next((a) => a.contactId === marker.id && a.rule === 'key_page', "the marker's alert");
    await server.alerts.settled();
    await server.alertChannels.runDue();
    await until(() => (smtp.received.length >= 2 ? true : undefined), "the marker's email");
    expect(stream.about(eve.id)).toEqual([]);
    expect(stream.about(dana.id).filter((a) => a.rule === 'key_page')).toHaveLength(1);
    expect(smtp.received.map((m) => m.subject)).toEqual([keyPage.title, expect.stringContaining('Marker')]);
  }, 60_000);
});
