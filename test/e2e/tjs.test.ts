import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentItem } from '../../lib/core/model/content';
import { insertContact } from '../../server/domain/contacts/create';
import { silentLogger } from '../../server/http/logger';
import { startServer, type RunningServer } from '../../server/serve';
import { writeInWorkspace } from '../../server/store/db';
import { activities, contacts, visitorEvents, visitors, workspaces } from '../../server/store/schema';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { signToken } from '../../server/tracking/tokens';
import { makeWorkspace, type TestWorkspace } from '../server/harness';

// t.js in real Chromium on a page of a local "company website", reporting to a real API on another origin.

const WAIT_MS = 10_000;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS} ms for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('t.js in Chromium', () => {
  let api: RunningServer;
  let site: Server;
  let siteOrigin: string;
  let browser: Browser;
  let acme: TestWorkspace;
  let guide: ContentItem;
  let ada: Contact;

  let stripper: Server;
  let stripperUrl: string;

  const page = (body: string, scriptBase = api.url) => `<!doctype html><html><head><title>Acme</title>
<script async src="${scriptBase}/t.js?k=${acme.siteKey}"></script></head><body>${body}</body></html>`;
  const home = () => `<h1>Acme</h1>
<a id="guide" href="/files/cadence-guide.pdf" data-leadside-content="${guide.id}">Get the cadence guide</a>
<form id="demo" action="/thanks" method="post" data-leadside-lead-type="demo_request">
  <input type="email" name="work_email"><button type="submit">Book a demo</button>
</form>`;

  beforeAll(async () => {
    api = await startServer({ port: 0, host: '127.0.0.1', store: { memory: true }, log: silentLogger });
    acme = await makeWorkspace(api, 'Acme');
    site = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.endsWith('.pdf')) {
        // No content: the browser stays on the page, as with a download.
        res.writeHead(204).end();
      } else if (path === '/thanks') {
        req.resume();
        req.on('end', () => res.writeHead(200, { 'content-type': 'text/html' }).end(page('<h1>Thanks</h1>')));
      } else if (path === '/stripped') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(page(home(), stripperUrl));
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end(page(home()));
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
    // Between the page and the API, as a privacy tool that strips Origin would be: batches arrive without one. It
    // serves t.js with itself as the endpoint. (Chromium puts Origin back on requests a test intercepts.)
    stripper = createServer((req, res) => {
      const headers = { ...req.headers, 'accept-encoding': 'identity', host: new URL(api.url).host };
      if (req.method === 'POST') delete headers.origin;
      const upstream = httpRequest(`${api.url}${req.url}`, { method: req.method, headers }, (answer) => {
        if (!req.url?.startsWith('/t.js')) {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const script = Buffer.concat(chunks).toString().replace(`"e":"${api.url}/v1/collect"`, `"e":"${stripperUrl}/v1/collect"`);
          res.writeHead(answer.statusCode!, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(script);
        });
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => stripper.listen(0, '127.0.0.1', resolve));
    stripperUrl = `http://127.0.0.1:${(stripper.address() as AddressInfo).port}`;

    await writeInWorkspace(api.store.db, acme.id, async (tx) => {
      const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, acme.id));
      await tx
        .update(workspaces)
        .set({ settings: { ...row!.settings, tracking: { ...trackingPolicyOf(row!.settings), siteOrigins: [siteOrigin] } } })
        .where(eq(workspaces.id, acme.id));
    });
    const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    const made = await fetch(`${api.url}/v1/content`, {
      method: 'POST',
      headers: auth(acme.users.marketing!.token),
      body: JSON.stringify({ title: 'Cadence guide', url: `${siteOrigin}/files/cadence-guide.pdf`, kind: 'ebook', journeyStage: 'consideration' }),
    });
    guide = (await made.json()) as ContentItem;
    const lead = await fetch(`${api.url}/v1/contacts`, {
      method: 'POST',
      headers: auth(acme.users.manager!.token),
      body: JSON.stringify({ email: 'ada@buyer.example', name: 'Ada', ownerId: acme.users.rep!.id }),
    });
    ada = (await lead.json()) as Contact;

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (stripper ? stripper.close(() => resolve()) : resolve()));
    await api?.close();
  });

  const activitiesOf = async (contactId: string) =>
    (await api.store.db.select().from(activities).where(eq(activities.contactId, contactId)).orderBy(asc(activities.at), asc(activities.type))).map((a) => ({
      type: a.type,
      url: a.url,
      contentId: a.contentId,
      trust: a.trustLabel,
    }));

  it('reports a page view, an SPA route, a download and a form that identifies, which then show on the contact', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${siteOrigin}/`);
    await tab.waitForFunction(() => (window as unknown as { leadside?: unknown }).leadside !== undefined);
    await tab.evaluate(() => history.pushState({}, '', '/pricing'));
    await tab.click('#guide');
    await tab.fill('input[name=work_email]', 'Ada@Buyer.example');
    await Promise.all([tab.waitForURL(`${siteOrigin}/thanks`), tab.click('button[type=submit]')]);

    const expected = [
      { type: 'page_view', url: `${siteOrigin}/`, contentId: null, trust: 'human' },
      { type: 'page_view', url: `${siteOrigin}/pricing`, contentId: null, trust: 'human' },
      { type: 'content_download', url: `${siteOrigin}/files/cadence-guide.pdf`, contentId: guide.id, trust: 'human' },
      { type: 'form_submit', url: `${siteOrigin}/pricing`, contentId: null, trust: 'human' },
    ];
    const shown = await eventually(() => activitiesOf(ada.id), (rows) => rows.length >= 4, "Ada's website activity");
    // Events made within one millisecond of each other may sort either way; compare as sets, then the count.
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(shown).toHaveLength(4);

    // The rep sees it through the API, in Ada's timeline.
    const timeline = await (await fetch(`${api.url}/v1/contacts/${ada.id}/timeline`, { headers: { authorization: `Bearer ${acme.users.rep!.token}` } })).json();
    const items = timeline.items as { kind: string; activity?: { type: string }; stageChange?: { from: string | null; to: string; actor: { kind: string } } }[];
    expect(items.flatMap((i) => (i.kind === 'activity' ? [i.activity!.type] : [])).sort()).toEqual(['content_download', 'form_submit', 'page_view', 'page_view']);
    // Her history: the manager added her as a lead; what she did on the site did not make her qualify as an MQL.
    expect(items.flatMap((i) => (i.kind === 'stage' ? [i.stageChange] : []))).toEqual([
      expect.objectContaining({ from: null, to: 'lead', actor: expect.objectContaining({ kind: 'user', name: 'Acme manager' }) }),
    ]);

    // The thanks page (a new page load) is a page view straight on Ada: the visitor id stayed.
    const visitorId = await tab.evaluate(() => localStorage.getItem('ls_vid'));
    expect(visitorId).toMatch(/^[0-9a-f]{32}$/);
    await tab.close();
    const [visitor] = await api.store.db.select().from(visitors).where(and(eq(visitors.workspaceId, acme.id), eq(visitors.visitorId, visitorId!)));
    expect(visitor!.contactId).toBe(ada.id);
    await eventually(() => activitiesOf(ada.id), (rows) => rows.some((r) => r.url === `${siteOrigin}/thanks`), 'the thanks page view');
    await context.close();
  }, 30_000);

  it('names a visitor by email with its proof when a beacon leaves without an Origin', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${siteOrigin}/stripped`);
    const kept = await tab.waitForFunction(() => localStorage.getItem('ls_proof'));
    const [visitorId, , proof] = String(await kept.jsonValue()).split('~');
    expect(visitorId).toBe(await tab.evaluate(() => localStorage.getItem('ls_vid')));
    expect(proof).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    await tab.fill('input[name=work_email]', 'cy@newbuyer.example');
    await Promise.all([tab.waitForURL(`${siteOrigin}/thanks`), tab.click('button[type=submit]')]);
    const lead = await eventually(
      async () => (await api.store.db.select().from(contacts).where(and(eq(contacts.workspaceId, acme.id), eq(contacts.email, 'cy@newbuyer.example'))))[0],
      (row) => row !== undefined,
      'the lead from the form',
    );
    expect(lead).toMatchObject({ source: 'website', leadType: 'demo_request' });
    await tab.close();
    await context.close();
  }, 30_000);

  it('identifies a visitor from a tracked link parameter, and takes it out of the address bar', async () => {
    const bea = await writeInWorkspace(api.store.db, acme.id, (tx) =>
      insertContact(tx, acme.id, { id: 'c_bea', email: 'bea@buyer.example', stage: 'lead' }, new Date(), { kind: 'import' }),
    );
    const token = await signToken(api.store.db, { kind: 'identify', workspaceId: acme.id, contactId: bea.id, issuedAt: new Date() }, new Date());
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${siteOrigin}/pricing?plan=team&ls_id=${token}`);
    await tab.waitForFunction(() => (window as unknown as { leadside?: unknown }).leadside !== undefined);
    expect(tab.url()).toBe(`${siteOrigin}/pricing?plan=team`);
    // Hiding the page is the moment t.js sends what it has.
    await tab.close({ runBeforeUnload: true });
    const shown = await eventually(() => activitiesOf(bea.id), (rows) => rows.length >= 1, "Bea's page view");
    expect(shown).toEqual([{ type: 'page_view', url: `${siteOrigin}/pricing?plan=team`, contentId: null, trust: 'human' }]);
    await context.close();
  }, 30_000);

  it('does nothing at all under Global Privacy Control', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const tab = await context.newPage();
    const requests: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    const before = (await api.store.db.select().from(visitorEvents)).length;
    await tab.goto(`${siteOrigin}/`);
    await tab.waitForLoadState('load');
    await tab.click('#guide');
    expect(await tab.evaluate(() => (window as unknown as { leadside?: unknown }).leadside)).toBeUndefined();
    expect(await tab.evaluate(() => localStorage.getItem('ls_vid'))).toBeNull();
    await tab.close({ runBeforeUnload: true });
    await context.close();
    expect(requests.filter((u) => u.includes('/v1/collect'))).toEqual([]);
    expect((await api.store.db.select().from(visitorEvents)).length).toBe(before);
  }, 30_000);
});
