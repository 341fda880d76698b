import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity } from '../../lib/core/model/activity';
import type { Contact } from '../../lib/core/model/contact';
import type { EmailRegistrationResponse } from '../../lib/core/model/tracking';
import { addUser, createWorkspace } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { silentLogger } from '../../server/http/logger';
import { startServer } from '../../server/serve';
import { STORE_KINDS, freshPostgresDatabase, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

const NOW = '2026-01-19T15:00:00.000Z';
/** The longest any test waits for something to arrive: far above the 2 s promise, so a slow machine does not fail it. */
const WAIT_MS = 10_000;

interface Frame {
  event: string | null;
  data: string | null;
  comments: string[];
}

/** Reads a /v1/stream response frame by frame (fetch and a reader, as the side panel does). */
function openStream(baseUrl: string, token: string | null) {
  const abort = new AbortController();
  const frames: Frame[] = [];
  let ended = false;
  let status = 0;
  const ready = (async () => {
    const res = await fetch(`${baseUrl}/v1/stream`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: abort.signal });
    status = res.status;
    if (!res.ok || !res.body) {
      ended = true;
      return;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const lines = buffer.slice(0, cut).split('\n');
            buffer = buffer.slice(cut + 2);
            const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
            frames.push({ event: field('event'), data: field('data'), comments: lines.filter((l) => l.startsWith(':')).map((l) => l.slice(1).trim()) });
          }
        }
      } catch {
        // aborted by the test
      } finally {
        ended = true;
      }
    })();
  })();

  async function until<T>(find: () => T | undefined, what: string): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS} ms for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    get status() {
      return status;
    },
    get ended() {
      return ended;
    },
    activities: () => frames.filter((f) => f.event === 'activity').map((f) => Activity.parse(JSON.parse(f.data!))),
    /** Resolves once the server said the stream is open: it is subscribed from then on. */
    connected: async () => {
      await ready;
      return until(() => frames.find((f) => f.comments.includes('connected')), 'the connected comment');
    },
    activity: (match: (a: Activity) => boolean, what: string) =>
      until(() => frames.filter((f) => f.event === 'activity').map((f) => Activity.parse(JSON.parse(f.data!))).find(match), what),
    comment: (text: string) => until(() => frames.find((f) => f.comments.includes(text)), `the comment "${text}"`),
    end: () => until(() => (ended ? true : undefined), 'the stream to end'),
    close: () => abort.abort(),
  };
}

describe.each(STORE_KINDS)('GET /v1/stream on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const streams: ReturnType<typeof openStream>[] = [];
  const stream = (token: string | null, base = server.url) => {
    const s = openStream(base, token);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { now: NOW });
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await server?.close();
  });

  async function leadOf(ws: TestWorkspace, email: string, ownerKey = 'rep'): Promise<Contact> {
    const res = await server.api(ws.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email, ownerId: ws.users[ownerKey]!.id } });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }
  async function pixelFor(ws: TestWorkspace, contactId: string, base = server): Promise<string> {
    const res = await base.api(ws.users.rep!.token, '/v1/emails', { method: 'POST', json: { contactId, sentAt: NOW } });
    expect(res.status).toBe(201);
    return ((await res.json()) as EmailRegistrationResponse).pixelUrl!;
  }
  const openAnHourLater = (pixel: string) => {
    server.clock.set('2026-01-19T16:00:00.000Z');
    return fetch(pixel, { headers: { 'user-agent': 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)' } });
  };

  it('delivers an open to the contact owner, and nothing to a rep of another workspace or a colleague without it', async () => {
    const ada = await leadOf(acme, 'ada@buyer.example');
    const bea = await leadOf(globex, 'bea@other-buyer.example');
    const owner = stream(acme.users.rep!.token);
    const colleague = stream(acme.users.rep2!.token);
    const stranger = stream(globex.users.rep!.token);
    await Promise.all([owner.connected(), colleague.connected(), stranger.connected()]);

    expect((await openAnHourLater(await pixelFor(acme, ada.id))).status).toBe(200);
    const open = await owner.activity((a) => a.contactId === ada.id, "Ada's open");
    expect(open).toMatchObject({ type: 'email_open', contactId: ada.id, trust: { label: 'human', reason: 'opened in a mail client' } });
    expect(open.version).toBeGreaterThan(0);

    // Then something for Globex's rep: once it has arrived, Acme's (announced earlier) would have too.
    await openAnHourLater(await pixelFor(globex, bea.id));
    await stranger.activity((a) => a.contactId === bea.id, "Bea's open");
    expect(stranger.activities().map((a) => a.contactId)).toEqual([bea.id]);
    expect(owner.activities().map((a) => a.contactId)).toEqual([ada.id]);

    // The colleague has seen nothing of Ada's until they look her up; then her next open reaches them.
    expect(colleague.activities()).toEqual([]);
    expect((await server.api(acme.users.rep2!.token, `/v1/contacts/lookup?email=${ada.email}`)).status).toBe(200);
    await openAnHourLater(await pixelFor(acme, ada.id));
    await colleague.activity((a) => a.contactId === ada.id, "Ada's second open, for the colleague");
  });

  it('delivers website activity once a visitor is identified, history included', async () => {
    const cy = await leadOf(acme, 'cy@buyer.example');
    const owner = stream(acme.users.rep!.token);
    await owner.connected();
    const site = 'https://www.acme.example';
    const event = (id: string, type: string, path: string, extra = {}) => ({ id, type, url: `${site}${path}`, at: NOW, ...extra });
    // A form's email counts only from a page of the site: list it, and send from it.
    const settings = await (await server.api(acme.users.admin!.token, '/v1/settings')).json();
    const saved = await server.api(acme.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...settings, tracking: { ...settings.tracking, siteOrigins: [site] } } });
    expect(saved.status).toBe(200);
    const res = await fetch(`${server.url}/v1/collect`, {
      method: 'POST',
      headers: { origin: site },
      body: JSON.stringify({ siteKey: acme.siteKey, visitorId: `visitor_${kind}_cy`, events: [event(`e1_${kind}`, 'page_view', '/pricing'), event(`e2_${kind}`, 'form_submit', '/demo', { email: cy.email })] }),
    });
    expect(res.status).toBe(200);
    await owner.activity((a) => a.contactId === cy.id && a.type === 'form_submit', 'the form submit');
    await owner.activity((a) => a.contactId === cy.id && a.type === 'page_view', 'the page view before it');
  });

  it('asks for a token', async () => {
    const anonymous = stream(null);
    await anonymous.end();
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /v1/stream across processes on postgres', () => {
  it('delivers an open taken by a second server process to a stream opened on the first', async () => {
    const databaseUrl = await freshPostgresDatabase();
    const first = await startTestServer('postgres', { now: NOW, databaseUrl });
    const second = await startTestServer('postgres', { now: NOW, databaseUrl });
    const acme = await makeWorkspace(first, 'Acme');
    const watching = openStream(first.url, acme.users.rep!.token);
    try {
      const res = await second.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: 'dee@buyer.example', ownerId: acme.users.rep!.id } });
      const dee = (await res.json()) as Contact;
      await watching.connected();
      const reg = await second.api(acme.users.rep!.token, '/v1/emails', { method: 'POST', json: { contactId: dee.id, sentAt: NOW } });
      const { pixelUrl } = (await reg.json()) as EmailRegistrationResponse;
      expect(pixelUrl!.startsWith(second.url)).toBe(true);
      second.clock.set('2026-01-19T16:00:00.000Z');
      await fetch(pixelUrl!, { headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)' } });
      const open = await watching.activity((a) => a.contactId === dee.id, "Dee's open, through the other process");
      expect(open).toMatchObject({ type: 'email_open', trust: { label: 'proxy', reason: 'opened in Gmail (Google image proxy)' } });
    } finally {
      watching.close();
      await second.close();
      await first.close();
    }
  }, 60_000);
});

describe('GET /v1/stream heartbeats and shutdown', () => {
  it('sends heartbeat comments, and ends open streams when the server closes', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', store: { memory: true }, log: silentLogger, streamHeartbeatMs: 50 });
    const ws = await createWorkspace(server.store.db, { name: 'Beats' });
    const { id } = await addUser(server.store.db, { workspaceId: ws.id, email: 'rep@beats.example', name: 'Rep', role: 'rep' });
    const s = openStream(server.url, (await createToken(server.store.db, null, id, { name: 'stream' }, new Date())).secret);
    try {
      await s.connected();
      await s.comment('heartbeat');
      await server.close();
      await s.end();
      expect(s.ended).toBe(true);
    } finally {
      s.close();
    }
  }, 60_000);
});
