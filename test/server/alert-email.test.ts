import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertPreferences } from '../../lib/core/model/alerts';
import { alertOutbox } from '../../server/store/schema';
import { deliveredAlert, recordingLog, testSmtpServer } from './alert-delivery-support';
import { freshPostgresDatabase, makeWorkspace, STORE_KINDS, startTestServer, type TestServer, type TestWorkspace } from './harness';

// Alerts by email over a real SMTP server the test starts: instant emails for the rules a person chose, the one-click
// unsubscribe (RFC 8058), retries with backoff when the mail server refuses, and the morning digest once a day.

const PUBLIC_URL = 'https://leadside.example.com';

/** A header as it was sent (mailparser reads List-* headers into its own shape). */
function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}
// Monday 2026-01-19, 10:00 in New York.
const MONDAY_10_ET = '2026-01-19T15:00:00Z';

describe.each(STORE_KINDS)('alerts by email on %s', (kind) => {
  let smtp: Awaited<ReturnType<typeof testSmtpServer>>;
  let server: TestServer;
  let acme: TestWorkspace;
  const recorded = recordingLog();
  const dana = { id: '', email: 'dana@brightwave.example', name: 'Dana Reyes', company: 'Brightwave' };

  beforeAll(async () => {
    smtp = await testSmtpServer();
    server = await startTestServer(kind, { now: MONDAY_10_ET, smtpUrl: smtp.url, publicUrl: PUBLIC_URL, log: recorded.log });
    acme = await makeWorkspace(server, 'Acme');
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', {
      method: 'POST',
      json: { email: dana.email, name: dana.name, company: dana.company, ownerId: acme.users.rep!.id },
    });
    dana.id = ((await res.json()) as { id: string }).id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const setPreferences = async (who: string, prefs: Partial<AlertPreferences>) => {
    const res = await server.api(acme.users[who]!.token, '/v1/me/alerts', { method: 'PUT', json: AlertPreferences.parse(prefs) });
    expect(res.status).toBe(200);
  };
  const preferences = async (who: string) => AlertPreferences.parse(await (await server.api(acme.users[who]!.token, '/v1/me/alerts')).json());
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);

  it('sends one email per alert of a chosen rule, with who, what, the lead link and a one-click unsubscribe', async () => {
    await setPreferences('rep', { emailRules: ['key_page'] });
    const keyPage = deliveredAlert(acme, dana, 'key_page', MONDAY_10_ET, { title: 'Dana Reyes viewed Pricing', body: 'Viewed Pricing · Brightwave' });
    await server.alertChannels.delivered([keyPage, deliveredAlert(acme, dana, 'active_now', MONDAY_10_ET)]);
    // Handed over again (a retry upstream): still one email.
    await server.alertChannels.delivered([keyPage]);
    await server.alertChannels.runDue();

    const mails = mailsTo(acme.users.rep!.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Dana Reyes viewed Pricing');
    expect(mail.from?.value).toEqual([{ name: 'Leadside', address: 'alerts@leadside.example.com' }]);
    expect(mail.text).toContain('Viewed Pricing · Brightwave');
    expect(mail.text).toContain('Dana Reyes <dana@brightwave.example> · Brightwave');
    expect(mail.text).toContain(`Open the lead: ${PUBLIC_URL}/app/?lead=${dana.id}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/app/?lead=${dana.id}"`);
    const unsubscribe = header(mail, 'list-unsubscribe');
    expect(unsubscribe).toMatch(new RegExp(`^<${PUBLIC_URL}/v1/alerts/unsubscribe\\?token=[A-Za-z0-9_.-]+>$`));
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`Stop these emails: ${unsubscribe.slice(1, -1)}`);
  });

  it('sends nothing to a person who chose no email, and says once at start when SMTP is not set', async () => {
    await server.alertChannels.delivered([deliveredAlert(acme, dana, 'key_page', MONDAY_10_ET, { userKey: 'rep2' })]);
    await server.alertChannels.runDue();
    expect(mailsTo(acme.users.rep2!.email)).toHaveLength(0);

    const bare = recordingLog();
    const noSmtp = await startTestServer(kind, { log: bare.log });
    try {
      expect(bare.lines.filter((l) => l.msg === 'alerts by email are off: set SMTP_URL')).toHaveLength(1);
      const other = await makeWorkspace(noSmtp, 'Other');
      await noSmtp.api(other.users.rep!.token, '/v1/me/alerts', { method: 'PUT', json: { emailRules: ['key_page'] } });
      // Keeps working: the hand-over is accepted and nothing is queued for a mail server it does not have.
      await noSmtp.alertChannels.delivered([deliveredAlert(other, dana, 'key_page', MONDAY_10_ET)]);
      expect(await noSmtp.store.db.select().from(alertOutbox)).toHaveLength(0);
    } finally {
      await noSmtp.close();
    }
  }, 60_000);

  it('unsubscribes from one rule by the signed link: GET asks, POST (one-click) removes it, a tampered link changes nothing', async () => {
    await setPreferences('rep', { emailRules: ['key_page', 'reply'], morningDigest: true });
    const link = header(mailsTo(acme.users.rep!.email)[0]!, 'list-unsubscribe').slice(1, -1);
    const path = link.slice(PUBLIC_URL.length);
    const token = new URL(link).searchParams.get('token')!;
    const oneClick = { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } };

    const asked = await server.api(null, path);
    expect(asked.status).toBe(200);
    const page = await asked.text();
    expect(page).toContain('<button type="submit" autofocus>Unsubscribe</button>');
    expect(page).toContain('name="List-Unsubscribe" value="One-Click"');
    expect((await preferences('rep')).emailRules).toEqual(['key_page', 'reply']);

    // The MAC's first and last characters changed (the last one only in bits base64url leaves unused, once), then
    // the payload re-signed by nobody: refused, nothing changed.
    const mac = token.split('.')[1]!;
    const tampered = `${token.split('.')[0]}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    // 16 bytes are 22 characters, the last carrying 2 bits: its other 4 may be set and decode to the same bytes.
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = `${token.split('.')[0]}.${mac.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(mac.at(-1)!) | 1]}`;
    expect(Buffer.from(respelled.split('.')[1]!, 'base64url').equals(Buffer.from(mac, 'base64url'))).toBe(true);
    const otherRule = `${Buffer.from(JSON.stringify([1, acme.id, acme.users.rep!.id, 'reply'])).toString('base64url')}.${mac}`;
    const someoneElse = `${Buffer.from(JSON.stringify([1, acme.id, acme.users.rep2!.id, 'key_page'])).toString('base64url')}.${mac}`;
    for (const bad of [tampered, ...(respelled === token ? [] : [respelled]), otherRule, someoneElse]) {
      const res = await server.api(null, `/v1/alerts/unsubscribe?token=${bad}`, oneClick);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('this unsubscribe link is not valid: it was changed or made up');
    }
    const malformed = await server.api(null, '/v1/alerts/unsubscribe?token=not-a-token', oneClick);
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('token: must be the token of an unsubscribe link');
    const noBody = await server.api(null, path, { method: 'POST' });
    expect(noBody.status).toBe(400);
    expect(await noBody.text()).toContain('List-Unsubscribe: must be One-Click');
    expect((await preferences('rep')).emailRules).toEqual(['key_page', 'reply']);

    const done = await server.api(null, path, oneClick);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(`${acme.users.rep!.email} gets no more emails when a lead views a key page`);
    expect(await preferences('rep')).toMatchObject({ emailRules: ['reply'], morningDigest: true });
    // Again (a mail client retrying): the same answer, nothing else changes.
    expect((await server.api(null, path, oneClick)).status).toBe(200);
    expect((await preferences('rep')).emailRules).toEqual(['reply']);

    const before = mailsTo(acme.users.rep!.email).length;
    await server.alertChannels.delivered([deliveredAlert(acme, dana, 'key_page', MONDAY_10_ET)]);
    await server.alertChannels.runDue();
    expect(mailsTo(acme.users.rep!.email)).toHaveLength(before);
  });

  it('retries a refused email with backoff and sends it once the mail server takes it; the failure is logged', async () => {
    await setPreferences('manager', { emailRules: ['reply'] });
    smtp.refuse(true);
    await server.alertChannels.delivered([deliveredAlert(acme, dana, 'reply', MONDAY_10_ET, { userKey: 'manager', title: 'Dana Reyes replied' })]);
    await server.alertChannels.runDue();
    expect(mailsTo(acme.users.manager!.email)).toHaveLength(0);
    expect(recorded.lines.some((l) => l.level === 'warn' && l.msg === 'alert send failed; will retry' && String(l.fields.err).includes('451'))).toBe(true);

    smtp.refuse(false);
    // Not yet: the first retry waits 30 seconds.
    server.clock.advance(29_000);
    await server.alertChannels.runDue();
    expect(mailsTo(acme.users.manager!.email)).toHaveLength(0);
    server.clock.advance(1_000);
    await server.alertChannels.runDue();
    expect(mailsTo(acme.users.manager!.email).map((m) => m.subject)).toEqual(['Dana Reyes replied']);
    await server.alertChannels.runDue();
    expect(mailsTo(acme.users.manager!.email)).toHaveLength(1);

    // Sent rows hold addresses: the hourly prune removes them 30 days on.
    const queued = await server.store.db.select().from(alertOutbox);
    expect(queued.length).toBeGreaterThan(0);
    server.clock.advance(31 * 24 * 60 * 60_000);
    await server.prune();
    expect(await server.store.db.select().from(alertOutbox)).toHaveLength(0);
  });
});

describe.each(STORE_KINDS)('the morning digest on %s', (kind) => {
  let smtp: Awaited<ReturnType<typeof testSmtpServer>>;
  let store: { databaseUrl?: string; dataDir?: string };
  const folders: string[] = [];

  beforeAll(async () => {
    smtp = await testSmtpServer();
    if (kind === 'postgres') store = { databaseUrl: await freshPostgresDatabase() };
    else {
      const dataDir = mkdtempSync(join(tmpdir(), 'leadside-digest-'));
      folders.push(dataDir);
      store = { dataDir };
    }
  }, 60_000);
  afterAll(async () => {
    await smtp?.close();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('emails the queue at the start of the working day, once that day even across a restart', async () => {
    // Friday 10:00 New York: a lead assigned and never touched, breached by Monday.
    const first = await startTestServer(kind, { ...store, now: '2026-01-16T15:00:00Z', smtpUrl: smtp.url, publicUrl: PUBLIC_URL });
    let ws: TestWorkspace;
    try {
      ws = await makeWorkspace(first, 'Digest');
      const create = (json: object) => first.api(ws.users.manager!.token, '/v1/contacts', { method: 'POST', json });
      const late = (await (await create({ email: 'late@lead.example', name: 'Lee Late', ownerId: ws.users.rep!.id })).json()) as { id: string };
      await create({ email: 'other@lead.example', name: 'Not Mine', ownerId: ws.users.rep2!.id });
      await first.api(ws.users.rep!.token, '/v1/me/alerts', { method: 'PUT', json: { morningDigest: true } });

      // Monday 08:59 New York: the day has not begun.
      first.clock.set('2026-01-19T13:59:00Z');
      expect(await first.alertChannels.planDigests()).toBe(0);
      first.clock.set('2026-01-19T14:00:00Z');
      expect(await first.alertChannels.planDigests()).toBe(1);
      expect(await first.alertChannels.planDigests()).toBe(0);
      await first.alertChannels.runDue();

      const mails = smtp.received.filter((m) => m.subject?.startsWith('Your queue today'));
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.to && !Array.isArray(mail.to) && mail.to.text).toBe(ws.users.rep!.email);
      expect(mail.subject).toBe('Your queue today: 1 breached');
      expect(mail.text).toContain('Breached (1)');
      expect(mail.text).toContain(`- Lee Late <late@lead.example> (was due Fri`);
      expect(mail.text).toContain(`${PUBLIC_URL}/app/?lead=${late.id}`);
      expect(mail.text).not.toContain('Not Mine');
      expect(header(mail, 'list-unsubscribe')).toContain('/v1/alerts/unsubscribe?token=');
    } finally {
      await first.close();
    }

    // A restart later the same morning: the day is done.
    const second = await startTestServer(kind, { ...store, now: '2026-01-19T15:30:00Z', smtpUrl: smtp.url, publicUrl: PUBLIC_URL });
    try {
      expect(await second.alertChannels.planDigests()).toBe(0);
      await second.alertChannels.runDue();
      expect(smtp.received.filter((m) => m.subject?.startsWith('Your queue today'))).toHaveLength(1);
      // Saturday: no working day, no digest. Tuesday 09:00: the next one.
      second.clock.set('2026-01-24T15:00:00Z');
      expect(await second.alertChannels.planDigests()).toBe(0);
      second.clock.set('2026-01-20T14:00:00Z');
      expect(await second.alertChannels.planDigests()).toBe(1);
    } finally {
      await second.close();
    }
  }, 60_000);
});
