import { gzipSync } from 'node:zlib';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentItem } from '../../lib/core/model/content';
import type { CollectResult, TrackingMode } from '../../lib/core/model/tracking';
import { writeInWorkspace, type Tx } from '../../server/store/db';
import { activities, contacts, trackedEmails, visitorEvents, visitors, workspaces } from '../../server/store/schema';
import { activityIdOf } from '../../server/tracking/collect';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { signToken } from '../../server/tracking/tokens';
import { STORE_KINDS, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

const NOW = '2026-01-19T15:00:00.000Z';
const SITE = 'https://www.acme.example';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const WEBSITE = { label: 'human', reason: 'seen on your website' };

interface Ev {
  id: string;
  type: 'page_view' | 'content_download' | 'form_submit' | 'identify';
  url: string;
  at: string;
  title?: string;
  email?: string;
  token?: string;
  contentId?: string;
  leadType?: string;
}

describe.each(STORE_KINDS)('POST /v1/collect on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let guide: ContentItem;
  let n = 0;
  const db = () => server.store.db;
  const uid = (name: string) => `${name}_${kind}_${++n}`;

  beforeAll(async () => {
    server = await startTestServer(kind, { now: NOW });
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    const res = await server.api(acme.users.marketing!.token, '/v1/content', {
      method: 'POST',
      json: { title: 'Cadence guide', url: `${SITE}/files/cadence-guide.pdf`, kind: 'ebook', journeyStage: 'consideration' },
    });
    guide = (await res.json()) as ContentItem;
  }, 60_000);
  afterAll(() => server?.close());
  beforeEach(async () => {
    server.clock.set(NOW);
    await setTracking(acme, { mode: 'legitimate_interest', createLeadsFromForms: true, siteOrigins: [SITE] });
  });

  async function setTracking(ws: TestWorkspace, change: { mode?: TrackingMode; createLeadsFromForms?: boolean; siteOrigins?: string[] }) {
    await writeInWorkspace(db(), ws.id, async (tx) => {
      const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, ws.id));
      await tx
        .update(workspaces)
        .set({ settings: { ...row!.settings, tracking: { ...trackingPolicyOf(row!.settings), ...change } } })
        .where(eq(workspaces.id, ws.id));
    });
  }

  /**
   * Sends a batch the way t.js's beacon does: text/plain, from the site's page. Without a `sentAt`, the batch leaves
   * when its last event happened (the server clock moves there), as t.js flushes within seconds.
   */
  function send(body: unknown, options: { origin?: string | null; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
    const origin = options.origin === undefined ? SITE : options.origin;
    const b = body as { events?: { at?: string }[]; sentAt?: string };
    if (typeof body === 'object' && b.sentAt === undefined && Array.isArray(b.events)) {
      const last = Math.max(...b.events.map((e) => Date.parse(e.at ?? '')).filter((t) => !Number.isNaN(t)));
      if (last > server.clock.now().getTime()) server.clock.set(new Date(last).toISOString());
    }
    return fetch(`${server.url}/v1/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...(origin ? { origin } : {}), ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: options.signal,
    });
  }
  const batch = (visitorId: string, events: Ev[], extra: Record<string, unknown> = {}) => ({ siteKey: acme.siteKey, visitorId, events, ...extra });
  const view = (path: string, seconds: number, extra: Partial<Ev> = {}): Ev => ({ id: uid('e'), type: 'page_view', url: `${SITE}${path}`, at: at(seconds), ...extra });
  const form = (email: string, seconds: number, extra: Partial<Ev> = {}): Ev => ({ id: uid('e'), type: 'form_submit', url: `${SITE}/demo`, at: at(seconds), email, ...extra });

  async function accepted(res: Response): Promise<CollectResult> {
    expect(res.status).toBe(200);
    return (await res.json()) as CollectResult;
  }
  async function newContact(email: string, optedOut = false): Promise<Contact> {
    const res = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email, ownerId: acme.users.rep!.id } });
    expect(res.status).toBe(201);
    const contact = (await res.json()) as Contact;
    if (optedOut) await db().update(contacts).set({ optedOut: true }).where(eq(contacts.id, contact.id));
    return contact;
  }
  async function shown(contactId: string) {
    const rows = await db().select().from(activities).where(eq(activities.contactId, contactId)).orderBy(asc(activities.at), asc(activities.type));
    return rows.map((r) => ({ type: r.type, at: r.at.toISOString(), url: r.url, label: r.trustLabel, reason: r.trustReason }));
  }
  async function kept(visitorId: string) {
    const rows = await db()
      .select()
      .from(visitorEvents)
      .where(and(eq(visitorEvents.workspaceId, acme.id), eq(visitorEvents.visitorId, visitorId)))
      .orderBy(asc(visitorEvents.at));
    return rows.map((r) => ({ type: r.type, at: r.at.toISOString(), url: r.url }));
  }
  const totals = async () => ({
    events: (await db().select({ n: count() }).from(visitorEvents))[0]!.n,
    activities: (await db().select({ n: count() }).from(activities))[0]!.n,
    contacts: (await db().select({ n: count() }).from(contacts))[0]!.n,
  });
  const contactByEmail = async (email: string) => (await db().select().from(contacts).where(and(eq(contacts.workspaceId, acme.id), eq(contacts.email, email))))[0];

  describe('storing and deduplicating', () => {
    it('keeps an anonymous visitor events apart, with CORS for the site', async () => {
      const visitor = uid('visitor');
      const res = await send(batch(visitor, [view('/', 0, { title: 'Acme' }), view('/pricing', 20)]));
      expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(res.headers.get('vary')).toContain('Origin');
      expect(await accepted(res)).toEqual({ stored: 2, duplicates: 0, ignored: 0 });
      expect(await kept(visitor)).toEqual([
        { type: 'page_view', at: at(0), url: `${SITE}/` },
        { type: 'page_view', at: at(20), url: `${SITE}/pricing` },
      ]);
      const [row] = await db().select().from(visitors).where(and(eq(visitors.workspaceId, acme.id), eq(visitors.visitorId, visitor)));
      expect(row).toMatchObject({ contactId: null, firstSeen: new Date(NOW) });
    });

    it('stores a replayed batch once, and an event repeated inside a batch once', async () => {
      const visitor = uid('visitor');
      const twice = view('/pricing', 5);
      const body = batch(visitor, [view('/', 0), twice, twice]);
      expect(await accepted(await send(body))).toEqual({ stored: 2, duplicates: 1, ignored: 0 });
      const before = await totals();
      expect(await accepted(await send(body))).toEqual({ stored: 0, duplicates: 3, ignored: 0 });
      expect(await totals()).toEqual(before);
      expect(await kept(visitor)).toHaveLength(2);
    });

    it('moves event times by the visitor clock skew, never past now, and drops the identification parameter', async () => {
      const visitor = uid('visitor');
      // The visitor's clock is an hour slow: the batch says it left at 14:00 when it is 15:00.
      const slow = batch(visitor, [view('/a?ls_id=abc.def&x=1', -3600 - 30), view('/b', -3600 + 86_400)], { sentAt: at(-3600) });
      expect(await accepted(await send(slow))).toEqual({ stored: 2, duplicates: 0, ignored: 0 });
      expect(await kept(visitor)).toEqual([
        { type: 'page_view', at: at(-30), url: `${SITE}/a?x=1` },
        { type: 'page_view', at: at(0), url: `${SITE}/b` },
      ]);
    });

    it('takes events with no Origin (a server sending them), and refuses a page on another origin', async () => {
      expect(await accepted(await send(batch(uid('visitor'), [view('/', 0)]), { origin: null }))).toMatchObject({ stored: 1 });
      const before = await totals();
      const foreign = await send(batch(uid('visitor'), [view('/', 0)]), { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      expect(await foreign.json()).toEqual({
        error: { code: 'forbidden', message: "https://evil.example is not one of this site's origins; a marketer can add it in the tracking settings" },
      });
      // Globex's origins are not Acme's.
      await setTracking(globex, { siteOrigins: ['https://www.globex.example'] });
      expect((await send(batch(uid('visitor'), [view('/', 0)]), { origin: 'https://www.globex.example' })).status).toBe(403);
      expect(await totals()).toEqual(before);
    });

    it('answers preflights for site origins only', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/v1/collect`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      const ours = await preflight(SITE);
      expect(ours.status).toBe(204);
      expect(ours.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(ours.headers.get('access-control-allow-methods')).toBe('POST');
      const theirs = await preflight('https://evil.example');
      expect(theirs.status).toBe(204);
      expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('keeps a library item id only when it is the workspace item', async () => {
      const visitor = uid('visitor');
      await send(
        batch(visitor, [
          { id: uid('e'), type: 'content_download', url: guide.url, at: at(0), contentId: guide.id },
          { id: uid('e'), type: 'content_download', url: `${SITE}/x.pdf`, at: at(1), contentId: 'k_not_ours' },
        ]),
      );
      const rows = await db().select().from(visitorEvents).where(eq(visitorEvents.visitorId, visitor)).orderBy(asc(visitorEvents.at));
      expect(rows.map((r) => r.contentId)).toEqual([guide.id, null]);
    });
  });

  describe('identifying a visitor', () => {
    it('puts the anonymous history on a known contact when they send a form, and later visits straight on it', async () => {
      const ada = await newContact(`${uid('ada')}@buyer.example`);
      const visitor = uid('visitor');
      await send(batch(visitor, [view('/', 0), view('/pricing', 30)]));
      await send(batch(visitor, [{ id: uid('e'), type: 'content_download', url: guide.url, at: at(60), contentId: guide.id }]));
      expect(await shown(ada.id)).toEqual([]);

      const identify = batch(visitor, [view('/demo', 90), form(ada.email.toUpperCase(), 120)]);
      expect(await accepted(await send(identify))).toEqual({ stored: 2, duplicates: 0, ignored: 0 });
      const history = [
        { type: 'page_view', at: at(0), url: `${SITE}/`, ...WEBSITE },
        { type: 'page_view', at: at(30), url: `${SITE}/pricing`, ...WEBSITE },
        { type: 'content_download', at: at(60), url: guide.url, ...WEBSITE },
        { type: 'page_view', at: at(90), url: `${SITE}/demo`, ...WEBSITE },
        { type: 'form_submit', at: at(120), url: `${SITE}/demo`, ...WEBSITE },
      ];
      expect(await shown(ada.id)).toEqual(history);
      // A replay of the identifying batch changes nothing.
      expect(await accepted(await send(identify))).toEqual({ stored: 0, duplicates: 2, ignored: 0 });
      expect(await shown(ada.id)).toEqual(history);

      server.clock.set(at(600));
      await send(batch(visitor, [view('/pricing', 600)]));
      expect(await shown(ada.id)).toEqual([...history, { type: 'page_view', at: at(600), url: `${SITE}/pricing`, ...WEBSITE }]);
      // Ada's rep sees it in the timeline, as the API serves it.
      const timeline = await (await server.api(acme.users.rep!.token, `/v1/contacts/${ada.id}/timeline`)).json();
      // Her six activities, and her creation as a lead.
      expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual(['activity', 'activity', 'activity', 'activity', 'activity', 'activity', 'stage']);
      expect(timeline.items[0].activity).toMatchObject({ type: 'page_view', url: `${SITE}/pricing`, trust: WEBSITE, contactId: ada.id });
    });

    it('creates a lead (source website, the form lead type) for an unknown address when the policy allows', async () => {
      const visitor = uid('visitor');
      const email = `${uid('new')}@prospect.example`;
      await send(batch(visitor, [view('/', 0)]));
      await send(batch(visitor, [form(email, 40, { leadType: 'demo_request' })]));
      const lead = await contactByEmail(email);
      expect(lead).toMatchObject({ stage: 'lead', source: 'website', leadType: 'demo_request', ownerId: null, optedOut: false });
      expect((await shown(lead!.id)).map((a) => a.type)).toEqual(['page_view', 'form_submit']);
    });

    it('creates no lead when the policy says not to, and keeps the visit anonymous', async () => {
      await setTracking(acme, { createLeadsFromForms: false });
      const visitor = uid('visitor');
      const email = `${uid('nolead')}@prospect.example`;
      expect(await accepted(await send(batch(visitor, [view('/', 0), form(email, 40)])))).toEqual({ stored: 2, duplicates: 0, ignored: 0 });
      expect(await contactByEmail(email)).toBeUndefined();
      expect(await kept(visitor)).toHaveLength(2);
    });

    it('never makes a colleague (an address on the workspace domains) a lead', async () => {
      const email = `${uid('colleague')}@acme.example`;
      await send(batch(uid('visitor'), [form(email, 0)]));
      expect(await contactByEmail(email)).toBeUndefined();
    });

    it('identifies from a tracked link token, but not from another workspace token', async () => {
      const bea = await newContact(`${uid('bea')}@buyer.example`);
      const visitor = uid('visitor');
      await send(batch(visitor, [view('/', 0)]));
      const theirs = await signToken(db(), { kind: 'identify', workspaceId: globex.id, contactId: bea.id, issuedAt: new Date(NOW) }, new Date(NOW));
      await send(batch(visitor, [{ id: uid('e'), type: 'identify', url: `${SITE}/pricing`, at: at(5), token: theirs }]));
      expect(await shown(bea.id)).toEqual([]);

      const token = await signToken(db(), { kind: 'identify', workspaceId: acme.id, contactId: bea.id, issuedAt: new Date(NOW) }, new Date(NOW));
      await send(batch(visitor, [{ id: uid('e'), type: 'identify', url: `${SITE}/pricing`, at: at(10), token }, view('/pricing', 10)]));
      expect(await shown(bea.id)).toEqual([
        { type: 'page_view', at: at(0), url: `${SITE}/`, ...WEBSITE },
        { type: 'page_view', at: at(10), url: `${SITE}/pricing`, ...WEBSITE },
      ]);
    });

    it('records nothing for an opted-out contact, and forgets what it kept about them anonymously', async () => {
      const cy = await newContact(`${uid('cy')}@buyer.example`, true);
      const visitor = uid('visitor');
      await send(batch(visitor, [view('/', 0), view('/pricing', 10)]));
      expect(await accepted(await send(batch(visitor, [form(cy.email, 20)])))).toEqual({ stored: 0, duplicates: 0, ignored: 1 });
      expect(await kept(visitor)).toEqual([]);
      expect(await accepted(await send(batch(visitor, [view('/again', 30)])))).toEqual({ stored: 0, duplicates: 0, ignored: 1 });
      expect(await kept(visitor)).toEqual([]);
      expect(await shown(cy.id)).toEqual([]);
    });

    it('gives the same activity id to an event however often it is merged', () => {
      expect(activityIdOf('ws_a', 'e1')).toBe(activityIdOf('ws_a', 'e1'));
      expect(activityIdOf('ws_a', 'e1')).not.toBe(activityIdOf('ws_b', 'e1'));
      expect(activityIdOf('ws_a', 'e1')).toMatch(/^w_[A-Za-z0-9_-]{24}$/);
    });
  });

  // PostgreSQL only: PGlite has one connection, so nothing there runs beside an open transaction. Declared only on
  // PostgreSQL rather than skipped on PGlite: there is nothing to run there, not something left undone.
  if (kind === 'postgres') describe('concurrent writes', () => {
    /** Runs `hold` in a transaction left open until the returned release() is called. */
    async function holdOpen(hold: (tx: Tx) => Promise<unknown>) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));
      const done = db().transaction(async (tx) => {
        await hold(tx);
        opened();
        await released;
      });
      await isOpen;
      return async () => {
        release();
        await done;
      };
    }
    /** Until some statement of this database waits on a lock (the batch reached the row another transaction holds). */
    async function someoneWaits() {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
        const waiting = (await db().execute(
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )) as unknown as { rows: { n: number }[] };
        if (waiting.rows[0]!.n > 0) return;
      }
      throw new Error('no statement came to wait on the lock');
    }

    it('stores an anonymous batch while another write holds the workspace lock', async () => {
      const release = await holdOpen((tx) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${acme.id}))`));
      try {
        const res = await send(batch(uid('visitor'), [view('/', 0), view('/pricing', 5)]), { signal: AbortSignal.timeout(3_000) });
        expect(await accepted(res)).toEqual({ stored: 2, duplicates: 0, ignored: 0 });
      } finally {
        await release();
      }
    });

    it('puts a page view on the contact when the visitor is identified while the batch waits for their row', async () => {
      const ada = await newContact(`${uid('ada')}@buyer.example`);
      const visitor = uid('visitor');
      await send(batch(visitor, [view('/', 0)]));
      const release = await holdOpen((tx) =>
        tx
          .update(visitors)
          .set({ contactId: ada.id, identifiedAt: new Date(NOW) })
          .where(and(eq(visitors.workspaceId, acme.id), eq(visitors.visitorId, visitor))),
      );
      const pending = send(batch(visitor, [view('/pricing', 30)]));
      await someoneWaits();
      await release();
      expect(await accepted(await pending)).toEqual({ stored: 1, duplicates: 0, ignored: 0 });
      expect(await shown(ada.id)).toEqual([{ type: 'page_view', at: at(30), url: `${SITE}/pricing`, ...WEBSITE }]);
    });
  });

  describe('privacy', () => {
    it('stores nothing with tracking off, under Global Privacy Control, or under consent mode without consent', async () => {
      const before = await totals();
      await setTracking(acme, { mode: 'off' });
      expect(await accepted(await send(batch(uid('visitor'), [view('/', 0), form(`${uid('x')}@p.example`, 1)])))).toEqual({ stored: 0, duplicates: 0, ignored: 2 });
      await setTracking(acme, { mode: 'legitimate_interest' });
      expect(await accepted(await send(batch(uid('visitor'), [view('/', 0)]), { headers: { 'sec-gpc': '1' } }))).toEqual({ stored: 0, duplicates: 0, ignored: 1 });
      await setTracking(acme, { mode: 'consent' });
      expect(await accepted(await send(batch(uid('visitor'), [view('/', 0)])))).toEqual({ stored: 0, duplicates: 0, ignored: 1 });
      expect(await totals()).toEqual(before);
      expect(await accepted(await send(batch(uid('visitor'), [view('/', 0)], { consent: true })))).toEqual({ stored: 1, duplicates: 0, ignored: 0 });
    });
  });

  describe('bad batches', () => {
    it('refuses oversized and malformed batches with a clear 4xx and stores nothing', async () => {
      const before = await totals();
      const visitor = uid('visitor');
      const many = batch(visitor, Array.from({ length: 101 }, (_, i) => view(`/p${i}`, i)));
      const tooMany = await send(many);
      expect(tooMany.status).toBe(400);
      expect(await tooMany.json()).toEqual({
        error: { code: 'bad_request', message: 'batch is not valid: events: at most 100 events a batch', issues: [{ path: 'events', message: 'at most 100 events a batch' }] },
      });

      const big = batch(visitor, Array.from({ length: 40 }, (_, i) => view(`/p${i}?q=${'x'.repeat(1800)}`, i)));
      expect(JSON.stringify(big).length).toBeGreaterThan(64 * 1024);
      const tooBig = await send(big);
      expect(tooBig.status).toBe(413);
      expect(await tooBig.json()).toEqual({ error: { code: 'payload_too_large', message: 'the request body must be at most 64 KB' } });

      const notJson = await send('{"siteKey":');
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toEqual({ error: { code: 'bad_request', message: 'batch must be JSON' } });

      const badEvent = await send(batch(visitor, [view('/', 0), { id: uid('e'), type: 'page_view', url: 'javascript:alert(1)', at: 'yesterday' } as Ev]));
      expect(badEvent.status).toBe(400);
      const body = (await badEvent.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toEqual(['events.1.url', 'events.1.at']);

      const nul = await send(batch(visitor, [view('/', 0, { title: 'a\u0000b' })]));
      expect(nul.status).toBe(400);
      expect(await nul.json()).toMatchObject({ error: { issues: [{ path: 'events.0.title', message: 'must not contain the NUL character' }] } });

      const extra = await send({ ...batch(visitor, [view('/', 0)]), cookies: 'x' });
      expect(extra.status).toBe(400);
      const identifyNobody = await send(batch(visitor, [{ id: uid('e'), type: 'identify', url: `${SITE}/`, at: at(0) }]));
      expect(identifyNobody.status).toBe(400);
      expect(await totals()).toEqual(before);
      expect(await kept(visitor)).toEqual([]);
    });

    it('answers an unknown site key with 404', async () => {
      const res = await send({ ...batch(uid('visitor'), [view('/', 0)]), siteKey: 'site_nobody_has_this' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no site has this key: copy the snippet from the tracking settings again' } });
    });

    it('never asks for a token, and leaves the rest of /v1 behind authentication', async () => {
      expect((await send(batch(uid('visitor'), [view('/', 0)]))).status).toBe(200);
      expect((await fetch(`${server.url}/v1/collect`)).status).toBe(401);
      expect((await fetch(`${server.url}/v1/emails`, { method: 'POST', body: '{}' })).status).toBe(401);
    });
  });

  describe('GET /t.js', () => {
    it('serves the snippet with the site settings, cached for an hour and revalidated by ETag, under 3 KB gzipped', async () => {
      const res = await fetch(`${server.url}/t.js?k=${acme.siteKey}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
      const script = await res.text();
      expect(script).toContain(`{"k":"${acme.siteKey}","e":"${server.url}/v1/collect","m":"legitimate_interest"}`);
      expect(gzipSync(script, { level: 9 }).length).toBeLessThan(3 * 1024);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const again = await fetch(`${server.url}/t.js?k=${acme.siteKey}`, { headers: { 'if-none-match': res.headers.get('etag')! } });
      expect(again.status).toBe(304);
      const plain = await fetch(`${server.url}/t.js?k=${acme.siteKey}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('etag')).not.toBe(res.headers.get('etag'));
      expect(await plain.text()).toBe(script);

      // Plain ES2017: a parser held to 2017 accepts it (no optional chaining, no optional catch binding, no spread).
      const [lint] = await new ESLint({ overrideConfigFile: true, overrideConfig: { languageOptions: { ecmaVersion: 2017, sourceType: 'script' } } }).lintText(script);
      expect(lint!.messages.filter((m) => m.fatal)).toEqual([]);
    });

    it('serves a script that does nothing for tracking off, and 404 for an unknown key', async () => {
      await setTracking(acme, { mode: 'off' });
      const off = await fetch(`${server.url}/t.js?k=${acme.siteKey}`);
      expect(off.status).toBe(200);
      expect(await off.text()).toBe('/* Leadside: no tracking on this site */\n');
      const unknown = await fetch(`${server.url}/t.js?k=site_unknown_key`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await fetch(`${server.url}/t.js`)).status).toBe(404);
    });
  });
});

describe('rate limits of the public tracking routes', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('limits batches per site key and requests per address; an over-limit pixel is still a GIF that records nothing', async () => {
    server = await startTestServer('pglite', { now: NOW, limits: { perSiteKey: 2, perIp: 6 } });
    const ws = await makeWorkspace(server, 'Limited');
    const contact = await writeInWorkspace(server.store.db, ws.id, async (tx) => {
      const [row] = await tx
        .insert(contacts)
        .values({ id: 'c_limited', workspaceId: ws.id, email: 'lead@limited-buyer.example', stage: 'lead', createdAt: new Date(NOW), updatedAt: new Date(NOW) })
        .returning();
      return row!;
    });
    const body = (id: string) => JSON.stringify({ siteKey: ws.siteKey, visitorId: 'visitor_limited', events: [{ id, type: 'page_view', url: 'https://limited.example/', at: NOW }] });
    const post = (id: string) => fetch(`${server.url}/v1/collect`, { method: 'POST', body: body(id) });
    expect((await post('e1')).status).toBe(200);
    expect((await post('e2')).status).toBe(200);
    const overSite = await post('e3');
    expect(overSite.status).toBe(429);
    expect(Number(overSite.headers.get('retry-after'))).toBeGreaterThan(0);

    const click = await signToken(server.store.db, { kind: 'click', workspaceId: ws.id, contactId: contact.id, emailId: null, url: 'https://news.example/', contentId: null }, new Date(NOW));
    await server.store.db
      .insert(trackedEmails)
      .values({ id: 'em_limited', workspaceId: ws.id, contactId: contact.id, userId: ws.users.rep!.id, sentAt: new Date(NOW), linkCount: 1, createdAt: new Date(NOW) });
    const open = await signToken(server.store.db, { kind: 'open', workspaceId: ws.id, contactId: contact.id, emailId: 'em_limited' }, new Date(NOW));
    // Three batches so far from this address; three more requests reach the limit of six.
    expect((await fetch(`${server.url}/c/${click}`, { redirect: 'manual' })).status).toBe(302);
    expect((await fetch(`${server.url}/c/${click}`, { redirect: 'manual' })).status).toBe(302);
    expect((await fetch(`${server.url}/t.js?k=${ws.siteKey}`)).status).toBe(200);
    const overIp = await fetch(`${server.url}/c/${click}`, { redirect: 'manual' });
    expect(overIp.status).toBe(429);
    expect(overIp.headers.get('location')).toBeNull();
    const pixel = await fetch(`${server.url}/o/${open}`);
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    const clicks = await server.store.db.select().from(activities).where(eq(activities.contactId, contact.id));
    expect(clicks.map((a) => a.type)).toEqual(['email_click', 'email_click']);
  }, 60_000);
});
