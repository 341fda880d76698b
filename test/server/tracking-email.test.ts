import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LookupResponse } from '../../lib/core/model/api';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentItem } from '../../lib/core/model/content';
import type { EmailRegistrationResponse, TrackedLinkResponse, TrackingMode } from '../../lib/core/model/tracking';
import { addUser, createWorkspace } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { silentLogger } from '../../server/http/logger';
import { startServer, type RunningServer } from '../../server/serve';
import { writeInWorkspace } from '../../server/store/db';
import { activities, contacts, trackedEmails, workspaces } from '../../server/store/schema';
import { PIXEL_GIF } from '../../server/routes/tracking';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { verifyToken } from '../../server/tracking/tokens';
import { STORE_KINDS, makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from './harness';

// User agents as they reach the pixel and the redirect.
const UA = {
  appleMpp: 'Mozilla/5.0',
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  outlook: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  proofpoint: 'Mozilla/5.0 (compatible; Proofpoint URL Defense sandbox)',
};

const SENT = '2026-01-19T15:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(SENT) + seconds * 1000).toISOString();
const SITE = 'https://www.acme.example';

describe.each(STORE_KINDS)('email tracking on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  let whitepaper: ContentItem;
  let made = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { now: SENT });
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    await setTracking(acme, { siteOrigins: [SITE] });
    const res = await server.api(acme.users.marketing!.token, '/v1/content', {
      method: 'POST',
      json: { title: 'The SLA Playbook', url: 'https://cdn.acme.example/sla-playbook.pdf', kind: 'whitepaper', journeyStage: 'consideration' },
    });
    expect(res.status).toBe(201);
    whitepaper = (await res.json()) as ContentItem;
  }, 60_000);
  afterAll(() => server?.close());
  beforeEach(async () => {
    server.clock.set(SENT);
    await setTracking(acme, { mode: 'legitimate_interest', emailOpens: 'per_person', requireOpenConsent: false });
  });

  async function setTracking(
    ws: TestWorkspace,
    change: { mode?: TrackingMode; siteOrigins?: string[]; emailOpens?: 'per_person' | 'aggregate' | 'off'; requireOpenConsent?: boolean },
  ) {
    await writeInWorkspace(server.store.db, ws.id, async (tx) => {
      const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, ws.id));
      const tracking = { ...trackingPolicyOf(row!.settings), ...change };
      await tx.update(workspaces).set({ settings: { ...row!.settings, tracking } }).where(eq(workspaces.id, ws.id));
    });
  }

  async function newContact(ws: TestWorkspace = acme): Promise<Contact> {
    const res = await server.api(ws.users.manager!.token, '/v1/contacts', {
      method: 'POST',
      json: { email: `lead${++made}@buyer${made}.example`, name: `Lead ${made}`, ownerId: ws.users.rep!.id },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }

  async function register(contactId: string, links: string[], extra: Record<string, unknown> = {}, ws = acme, who = 'rep') {
    const res = await server.api(ws.users[who]!.token, '/v1/emails', { method: 'POST', json: { contactId, subject: 'Your SLA questions', links, sentAt: SENT, ...extra } });
    expect(res.status).toBe(201);
    return (await res.json()) as EmailRegistrationResponse;
  }

  /** Fetches a pixel or a link at a moment after sending, as a given client. */
  async function hit(url: string, secondsAfterSending: number, userAgent: string, init: RequestInit = {}) {
    server.clock.set(at(secondsAfterSending));
    return fetch(url, { redirect: 'manual', ...init, headers: { 'user-agent': userAgent, ...(init.headers as Record<string, string>) } });
  }

  async function stored(contactId: string) {
    const rows = await server.store.db.select().from(activities).where(eq(activities.contactId, contactId)).orderBy(asc(activities.at), asc(activities.type));
    return rows.map((r) => ({ type: r.type, at: r.at.toISOString(), label: r.trustLabel, reason: r.trustReason, url: r.url, contentId: r.contentId, emailId: r.emailId }));
  }

  async function expectGif(res: Response) {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toBe('no-store, no-cache, must-revalidate, private, max-age=0');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PIXEL_GIF);
  }

  describe('POST /v1/emails', () => {
    it('stores the email and answers its pixel and one signed redirect per link, in order', async () => {
      const lead = await newContact();
      const links = [`${SITE}/pricing`, whitepaper.url, 'https://news.example/story?id=7'];
      const email = await register(lead.id, links);
      expect(email.tracked).toBe(true);
      expect(email.pixelUrl).toMatch(new RegExp(`^${server.url}/o/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}$`));
      expect(email.links.map((l) => l.url)).toEqual(links);
      for (const link of email.links) expect(link.trackedUrl).toMatch(new RegExp(`^${server.url}/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}$`));
      const [row] = await server.store.db.select().from(trackedEmails).where(eq(trackedEmails.id, email.emailId));
      expect(row).toMatchObject({ workspaceId: acme.id, contactId: lead.id, userId: acme.users.rep!.id, subject: 'Your SLA questions', linkCount: 3 });
      expect(row!.sentAt.toISOString()).toBe(SENT);
      // The pixel is compact: well under 200 characters with a 60-character base.
      expect(email.pixelUrl!.length - server.url.length).toBeLessThan(160);
    });

    it('answers a retry with the same id with the same email, and refuses another rep the id', async () => {
      const lead = await newContact();
      const first = await register(lead.id, [`${SITE}/a`], { id: 'em_client_1' });
      const again = await register(lead.id, [`${SITE}/a`], { id: 'em_client_1' });
      expect(again.emailId).toBe('em_client_1');
      expect(again.pixelUrl).toBe(first.pixelUrl);
      expect(again.links).toEqual(first.links);
      const taken = await server.api(acme.users.rep2!.token, '/v1/emails', { method: 'POST', json: { id: 'em_client_1', contactId: lead.id, sentAt: SENT } });
      expect(taken.status).toBe(409);
      expect((await server.store.db.select().from(trackedEmails).where(eq(trackedEmails.id, 'em_client_1'))).length).toBe(1);
    });

    it("takes another workspace's email id exactly like an unused one, and each pixel records on its own workspace's email", async () => {
      const theirLead = await newContact(globex);
      const theirs = await register(theirLead.id, ['https://globex.example/offer'], { id: 'em_both', subject: 'Globex offer' }, globex);
      const [before] = await server.store.db.select().from(trackedEmails).where(and(eq(trackedEmails.workspaceId, globex.id), eq(trackedEmails.id, 'em_both')));

      const lead = await newContact();
      const res = await server.api(acme.users.rep!.token, '/v1/emails', {
        method: 'POST',
        json: { id: 'em_both', contactId: lead.id, subject: 'Acme questions', links: [`${SITE}/pricing`], sentAt: SENT },
      });
      expect(res.status).toBe(201);
      const ours = (await res.json()) as EmailRegistrationResponse;
      expect(ours).toMatchObject({ emailId: 'em_both', tracked: true });
      expect(ours.pixelUrl).not.toBe(theirs.pixelUrl);
      // A retry answers the same email, as for any id of one's own; another rep of the workspace is refused as before.
      expect((await register(lead.id, [`${SITE}/pricing`], { id: 'em_both', subject: 'Acme questions' })).pixelUrl).toBe(ours.pixelUrl);
      expect((await server.api(acme.users.rep2!.token, '/v1/emails', { method: 'POST', json: { id: 'em_both', contactId: lead.id, sentAt: SENT } })).status).toBe(409);

      const rows = await server.store.db.select().from(trackedEmails).where(eq(trackedEmails.id, 'em_both'));
      expect(rows).toHaveLength(2);
      expect(rows.find((r) => r.workspaceId === globex.id)).toEqual(before);
      expect(rows.find((r) => r.workspaceId === acme.id)).toMatchObject({ contactId: lead.id, subject: 'Acme questions', linkCount: 1 });

      // Each open takes its own email's subject and send time, and a tracked link may name the id within its workspace.
      await hit(ours.pixelUrl!, 86_400, UA.outlook);
      await hit(theirs.pixelUrl!, 86_400, UA.outlook);
      const titles = async (contactId: string) =>
        (await server.store.db.select().from(activities).where(eq(activities.contactId, contactId))).map((a) => [a.title, a.emailId]);
      expect(await titles(lead.id)).toEqual([['Acme questions', 'em_both']]);
      expect(await titles(theirLead.id)).toEqual([['Globex offer', 'em_both']]);
      const link = await server.api(acme.users.rep!.token, '/v1/tracked-links', { method: 'POST', json: { contactId: lead.id, url: `${SITE}/demo`, emailId: 'em_both' } });
      expect(link.status).toBe(201);
    });

    it('keeps the send time at most now, so a fast client clock does not make every open look early', async () => {
      const lead = await newContact();
      const email = await register(lead.id, [], { sentAt: at(3600) });
      const [row] = await server.store.db.select().from(trackedEmails).where(eq(trackedEmails.id, email.emailId));
      expect(row!.sentAt.toISOString()).toBe(SENT);
    });

    it('refuses bad input, other workspaces and strangers, storing nothing', async () => {
      const lead = await newContact();
      const theirs = await newContact(globex);
      const before = (await server.store.db.select().from(trackedEmails)).length;
      const send = (json: unknown, token: string | null = acme.users.rep!.token) => server.api(token, '/v1/emails', { method: 'POST', json });

      const other = await send({ contactId: theirs.id, sentAt: SENT });
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ error: { code: 'not_found', message: `contact ${theirs.id} not found` } });
      const bad = await send({ contactId: lead.id, sentAt: SENT, links: ['javascript:alert(1)'] });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        error: { code: 'bad_request', message: 'email is not valid: links.0: must be an http(s) URL', issues: [{ path: 'links.0', message: 'must be an http(s) URL' }] },
      });
      expect((await send({ contactId: lead.id, sentAt: SENT, bcc: 'x' })).status).toBe(400);
      expect((await send({ contactId: lead.id, sentAt: SENT }, null)).status).toBe(401);
      expect((await server.store.db.select().from(trackedEmails)).length).toBe(before);
    });

    it('gives no pixel and plain links for an opted-out contact or with tracking off', async () => {
      const lead = await newContact();
      await server.store.db.update(contacts).set({ optedOut: true }).where(eq(contacts.id, lead.id));
      const optedOut = await register(lead.id, [`${SITE}/pricing`]);
      expect(optedOut).toMatchObject({ tracked: false, pixelUrl: null, links: [{ url: `${SITE}/pricing`, trackedUrl: `${SITE}/pricing` }] });

      const other = await newContact();
      await setTracking(acme, { mode: 'off' });
      const off = await register(other.id, [`${SITE}/pricing`]);
      expect(off).toMatchObject({ tracked: false, pixelUrl: null, links: [{ url: `${SITE}/pricing`, trackedUrl: `${SITE}/pricing` }] });
    });
  });

  describe('POST /v1/tracked-links', () => {
    const link = (json: unknown, ws = acme) => server.api(ws.users.rep!.token, '/v1/tracked-links', { method: 'POST', json });

    it('signs a URL for a contact, and a library item by id (whose click is a download)', async () => {
      const lead = await newContact();
      const res = await link({ contactId: lead.id, url: 'https://news.example/a' });
      expect(res.status).toBe(201);
      const plain = (await res.json()) as TrackedLinkResponse;
      expect(plain.tracked).toBe(true);
      const go = await hit(plain.url, 7200, UA.chrome);
      expect(go.status).toBe(302);
      expect(go.headers.get('location')).toBe('https://news.example/a');

      const item = (await (await link({ contactId: lead.id, contentId: whitepaper.id })).json()) as TrackedLinkResponse;
      const download = await hit(item.url, 7300, UA.chrome);
      expect(download.headers.get('location')).toBe(whitepaper.url);
      expect(await stored(lead.id)).toEqual([
        { type: 'email_click', at: at(7200), label: 'human', reason: 'clicked by a person', url: 'https://news.example/a', contentId: null, emailId: null },
        { type: 'content_download', at: at(7300), label: 'human', reason: 'clicked by a person', url: whitepaper.url, contentId: whitepaper.id, emailId: null },
        { type: 'email_click', at: at(7300), label: 'human', reason: 'clicked by a person', url: whitepaper.url, contentId: whitepaper.id, emailId: null },
      ]);
    });

    it('answers 404 for another workspace contact, content or email, and 400 for both or neither target', async () => {
      const lead = await newContact();
      const theirs = await newContact(globex);
      const theirEmail = await register(theirs.id, [], {}, globex);
      expect((await link({ contactId: theirs.id, url: 'https://a.example/' })).status).toBe(404);
      expect((await link({ contactId: lead.id, contentId: 'nope' })).status).toBe(404);
      expect((await link({ contactId: lead.id, url: 'https://a.example/', emailId: theirEmail.emailId })).status).toBe(404);
      expect((await link({ contactId: lead.id, url: 'https://a.example/', contentId: whitepaper.id })).status).toBe(400);
      expect((await link({ contactId: lead.id })).status).toBe(400);
    });
  });

  describe('opens and clicks, replayed as real traffic', () => {
    it('labels each open: Apple prefetch at delivery, a gateway 1 s after sending, Gmail an hour later, Outlook the next day', async () => {
      const lead = await newContact();
      const email = await register(lead.id, []);
      const pixel = email.pixelUrl!;
      await expectGif(await hit(pixel, 1, UA.chrome));
      await expectGif(await hit(pixel, 40, UA.appleMpp));
      await expectGif(await hit(pixel, 3600, UA.gmailProxy));
      await expectGif(await hit(pixel, 86_400, UA.outlook));
      const base = { type: 'email_open', url: null, contentId: null, emailId: email.emailId };
      expect(await stored(lead.id)).toEqual([
        { ...base, at: at(1), label: 'machine', reason: 'opened 1 s after sending: an automatic fetch' },
        { ...base, at: at(40), label: 'machine', reason: 'Apple Mail Privacy Protection prefetch' },
        { ...base, at: at(3600), label: 'proxy', reason: 'opened in Gmail (Google image proxy)' },
        { ...base, at: at(86_400), label: 'human', reason: 'opened in a mail client' },
      ]);
      // The subject is the open's title, for the timeline.
      const [row] = await server.store.db.select().from(activities).where(eq(activities.contactId, lead.id)).limit(1);
      expect(row!.title).toBe('Your SLA questions');

      // The lead's picture moves at once: the person's opens count, the machines' are shown apart and score nothing.
      const picture = (await (await server.api(acme.users.rep!.token, `/v1/contacts/lookup?email=${lead.email}`)).json()) as LookupResponse;
      const { summary, score } = picture.contacts[0]!;
      expect({ emailsOpened: summary.emailsOpened, machineOpens: summary.machineOpens }).toEqual({ emailsOpened: 1, machineOpens: 2 });
      expect(score.parts.filter((p) => p.label === 'Opened emails').map((p) => p.count)).toEqual([2]);
    });

    it('labels a scanner clicking every link in seconds as machine (the earlier clicks too), and a person an hour later as human', async () => {
      const lead = await newContact();
      const links = [`${SITE}/pricing`, whitepaper.url, 'https://news.example/story'];
      const email = await register(lead.id, links);
      const [pricing, paper, story] = email.links.map((l) => l.trackedUrl);
      // A gateway walks the links a minute after delivery, posing as Chrome.
      expect((await hit(pricing!, 60, UA.chrome)).status).toBe(302);
      expect((await hit(paper!, 61, UA.chrome)).status).toBe(302);
      expect((await hit(story!, 62, UA.chrome)).status).toBe(302);
      // The person clicks the pricing link an hour later.
      const person = await hit(pricing!, 3660, UA.safari);
      expect(person.status).toBe(302);

      const scanner = { label: 'machine', reason: 'every link clicked within 2 s: a link scanner', emailId: email.emailId };
      expect(await stored(lead.id)).toEqual([
        { ...scanner, type: 'email_click', at: at(60), url: `${SITE}/pricing`, contentId: null },
        { ...scanner, type: 'content_download', at: at(61), url: whitepaper.url, contentId: whitepaper.id },
        { ...scanner, type: 'email_click', at: at(61), url: whitepaper.url, contentId: whitepaper.id },
        { ...scanner, type: 'email_click', at: at(62), url: 'https://news.example/story', contentId: null },
        { type: 'email_click', at: at(3660), label: 'human', reason: 'clicked by a person', url: `${SITE}/pricing`, contentId: null, emailId: email.emailId },
      ]);
      const picture = (await (await server.api(acme.users.rep!.token, `/v1/contacts/lookup?email=${lead.email}`)).json()) as LookupResponse;
      const { summary } = picture.contacts[0]!;
      expect({ linksClicked: summary.linksClicked, machineClicks: summary.machineClicks, downloads: summary.contentDownloaded }).toEqual({
        linksClicked: 1,
        machineClicks: 3,
        downloads: [],
      });

      // The person's click lands on the workspace's own site carrying a signed identification for the website snippet.
      const location = new URL(person.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(`${SITE}/pricing`);
      const claims = await verifyToken(server.store.db, location.searchParams.get('ls_id')!, 'identify', server.clock.now());
      expect(claims).toMatchObject({ kind: 'identify', workspaceId: acme.id, contactId: lead.id });
    });

    it('labels a named scanner at once, and a click within 10 s of delivery as machine', async () => {
      const lead = await newContact();
      const email = await register(lead.id, ['https://news.example/one', 'https://news.example/two']);
      const [one, two] = email.links.map((l) => l.trackedUrl);
      const scanned = await hit(one!, 2, UA.proofpoint);
      expect(scanned.headers.get('location')).toBe('https://news.example/one');
      await hit(two!, 8, UA.chrome);
      expect((await stored(lead.id)).map((a) => [a.label, a.reason])).toEqual([
        ['machine', 'security scanner (Proofpoint)'],
        ['machine', 'clicked 8 s after delivery: a link scanner'],
      ]);
    });

    it('adds no identification off the site, nor for a machine click', async () => {
      const lead = await newContact();
      const email = await register(lead.id, [`${SITE}/demo`, 'https://news.example/x']);
      const early = await hit(email.links[0]!.trackedUrl, 3, UA.chrome);
      expect(early.headers.get('location')).toBe(`${SITE}/demo`);
      const elsewhere = await hit(email.links[1]!.trackedUrl, 900, UA.chrome);
      expect(elsewhere.headers.get('location')).toBe('https://news.example/x');
    });

    it('records nothing for a HEAD (a link checker), yet answers it', async () => {
      const lead = await newContact();
      const email = await register(lead.id, ['https://news.example/x']);
      const head = await hit(email.links[0]!.trackedUrl, 900, UA.chrome, { method: 'HEAD' });
      expect(head.status).toBe(302);
      expect(head.headers.get('location')).toBe('https://news.example/x');
      expect((await hit(email.pixelUrl!, 900, UA.chrome, { method: 'HEAD' })).status).toBe(200);
      expect(await stored(lead.id)).toEqual([]);
    });
  });

  describe('tokens that are not genuine', () => {
    let lead: Contact;
    let email: EmailRegistrationResponse;
    let theirs: EmailRegistrationResponse;
    const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
    const swapPayload = (token: string, edit: (payload: unknown[]) => unknown[]) => {
      const [payload, mac] = token.split('.') as [string, string];
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
      return `${Buffer.from(JSON.stringify(edit(decoded))).toString('base64url')}.${mac}`;
    };

    beforeAll(async () => {
      lead = await newContact();
      email = await register(lead.id, ['https://news.example/real']);
      theirs = await register((await newContact(globex)).id, ['https://globex.example/x'], {}, globex);
    });

    it('answers forged, truncated, edited and other-workspace pixels with the GIF and stores nothing', async () => {
      const open = tokenOf(email.pixelUrl!);
      const forged = `${open.split('.')[0]}.${'A'.repeat(22)}`;
      const truncated = open.slice(0, -5);
      const edited = swapPayload(open, (p) => p.map((v, i) => (i === 5 ? 'em_someone_else' : v)));
      // Globex's genuine token, relabelled as Acme's: Acme has no such key, and Globex's key does not sign it.
      const moved = swapPayload(tokenOf(theirs.pixelUrl!), (p) => p.map((v, i) => (i === 2 ? acme.id : v)));
      for (const token of [forged, truncated, edited, moved, 'nonsense', `${open}x`, '%00']) await expectGif(await hit(`${server.url}/o/${token}`, 900, UA.outlook));
      expect(await stored(lead.id)).toEqual([]);
    });

    it('answers forged, truncated and edited links with 404, never redirecting where the request says', async () => {
      const click = tokenOf(email.links[0]!.trackedUrl);
      const redirectedTo = swapPayload(click, (p) => p.map((v, i) => (i === 6 ? 'https://evil.example/' : v)));
      const moved = swapPayload(tokenOf(theirs.links[0]!.trackedUrl), (p) => p.map((v, i) => (i === 2 ? acme.id : v)));
      const asOpen = tokenOf(email.pixelUrl!);
      for (const token of [redirectedTo, moved, click.slice(0, -1), `${click.split('.')[0]}.${'B'.repeat(22)}`, asOpen, 'x.y']) {
        const res = await hit(`${server.url}/c/${token}`, 900, UA.chrome);
        expect(res.status).toBe(404);
        expect(res.headers.get('location')).toBeNull();
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'link not found' } });
      }
      // A genuine token ignores whatever the query says.
      const res = await hit(`${server.url}/c/${click}?url=https://evil.example/&redirect=https://evil.example/`, 900, UA.chrome);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('https://news.example/real');
      expect((await stored(lead.id)).map((a) => a.url)).toEqual(['https://news.example/real']);
    });
  });

  describe('how opens are recorded (tracking.emailOpens)', () => {
    const emailRow = async (emailId: string) => {
      const [row] = await server.store.db.select().from(trackedEmails).where(and(eq(trackedEmails.workspaceId, acme.id), eq(trackedEmails.id, emailId)));
      return row!;
    };
    const counts = async (emailId: string) => {
      const row = await emailRow(emailId);
      return { opens: row.openCount, machineOpens: row.machineOpenCount };
    };
    const consent = (contactId: string, value: 'granted' | 'denied' | null, who = 'marketing') =>
      server.api(acme.users[who]!.token, `/v1/contacts/${contactId}`, { method: 'PATCH', json: { openTrackingConsent: value } });
    /** A person's open (Outlook, a day later) and Apple's prefetch at delivery. */
    async function openTwice(pixelUrl: string) {
      await expectGif(await hit(pixelUrl, 40, UA.appleMpp));
      await expectGif(await hit(pixelUrl, 86_400, UA.outlook));
    }
    async function pictureOf(lead: Contact) {
      const res = await server.api(acme.users.rep!.token, `/v1/contacts/lookup?email=${lead.email}`);
      return ((await res.json()) as LookupResponse).contacts[0]!;
    }

    it('per person, the default: each open is the contact\'s activity, and the email counts it too', async () => {
      const lead = await newContact();
      const email = await register(lead.id, []);
      await openTwice(email.pixelUrl!);
      expect((await stored(lead.id)).map((a) => [a.type, a.label])).toEqual([
        ['email_open', 'machine'],
        ['email_open', 'human'],
      ]);
      expect(await counts(email.emailId)).toEqual({ opens: 1, machineOpens: 1 });
    });

    it('aggregate: the pixel answers and the email counts its opens, but no open is the contact\'s (timeline, sync, score)', async () => {
      await setTracking(acme, { emailOpens: 'aggregate' });
      const lead = await newContact();
      const email = await register(lead.id, [`${SITE}/pricing`]);
      expect(email.tracked).toBe(true);
      expect(email.pixelUrl).not.toBeNull();
      await openTwice(email.pixelUrl!);
      await expectGif(await hit(email.pixelUrl!, 90_000, UA.gmailProxy));
      expect(await counts(email.emailId)).toEqual({ opens: 2, machineOpens: 1 });
      expect(await stored(lead.id)).toEqual([]);

      const { summary, score } = await pictureOf(lead);
      expect({ emailsOpened: summary.emailsOpened, machineOpens: summary.machineOpens }).toEqual({ emailsOpened: 0, machineOpens: 0 });
      expect(score.parts.filter((p) => p.label === 'Opened emails')).toEqual([]);
      const timeline = (await (await server.api(acme.users.rep!.token, `/v1/contacts/${lead.id}/timeline`)).json()) as { items: { kind: string }[] };
      // Only the lead's creation: no open.
      expect(timeline.items.map((i) => i.kind)).toEqual(['stage']);
      const page = (await (await server.api(acme.users.rep!.token, '/v1/sync')).json()) as { activities: { contactId: string }[] };
      expect(page.activities.filter((a) => a.contactId === lead.id)).toEqual([]);

      // Clicks are something the person does, not a read receipt: they stay per person.
      await hit(email.links[0]!.trackedUrl, 90_100, UA.chrome);
      expect((await stored(lead.id)).map((a) => a.type)).toEqual(['email_click']);
    });

    it('off: a pixel already sent still answers and records nothing, and new emails carry none (their links stay tracked)', async () => {
      const lead = await newContact();
      const before = await register(lead.id, []);
      await setTracking(acme, { emailOpens: 'off' });
      await openTwice(before.pixelUrl!);
      expect(await stored(lead.id)).toEqual([]);
      expect(await counts(before.emailId)).toEqual({ opens: 0, machineOpens: 0 });

      const after = await register(lead.id, [`${SITE}/pricing`]);
      expect(after.tracked).toBe(true);
      expect(after.pixelUrl).toBeNull();
      expect(after.links[0]!.trackedUrl).toMatch(new RegExp(`^${server.url}/c/`));
    });

    it('per person with consent required: only a contact who granted it gets per-person opens, the others count per email', async () => {
      await setTracking(acme, { requireOpenConsent: true });
      const [granted, unknown, denied] = [await newContact(), await newContact(), await newContact()];
      expect((await consent(granted.id, 'granted')).status).toBe(200);
      expect((await consent(denied.id, 'denied')).status).toBe(200);
      for (const lead of [granted, unknown, denied]) {
        const email = await register(lead.id, []);
        await openTwice(email.pixelUrl!);
        expect(await counts(email.emailId)).toEqual({ opens: 1, machineOpens: 1 });
      }
      expect((await stored(granted.id)).map((a) => a.label)).toEqual(['machine', 'human']);
      expect(await stored(unknown.id)).toEqual([]);
      expect(await stored(denied.id)).toEqual([]);
    });

    it('honours a refusal even when the workspace does not require consent', async () => {
      const lead = await newContact();
      await consent(lead.id, 'denied');
      const email = await register(lead.id, []);
      await openTwice(email.pixelUrl!);
      expect(await stored(lead.id)).toEqual([]);
      expect(await counts(email.emailId)).toEqual({ opens: 1, machineOpens: 1 });
    });

    it("records a contact's consent with when it changed, for managers, marketers and admins, and syncs it to the owner", async () => {
      const lead = await newContact();
      expect(lead).toMatchObject({ openTrackingConsent: null, openTrackingConsentAt: null });
      server.clock.set(at(60));
      const res = await consent(lead.id, 'granted');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ openTrackingConsent: 'granted', openTrackingConsentAt: at(60) });
      // Saying it again keeps when it was first given; a change is stamped anew; null forgets both.
      server.clock.set(at(120));
      expect(await (await consent(lead.id, 'granted', 'manager')).json()).toMatchObject({ openTrackingConsent: 'granted', openTrackingConsentAt: at(60) });
      expect(await (await consent(lead.id, 'denied', 'admin')).json()).toMatchObject({ openTrackingConsent: 'denied', openTrackingConsentAt: at(120) });
      const page = (await (await server.api(acme.users.rep!.token, '/v1/sync')).json()) as { contacts: Contact[] };
      expect(page.contacts.find((c) => c.id === lead.id)).toMatchObject({ openTrackingConsent: 'denied', openTrackingConsentAt: at(120) });
      expect(await (await consent(lead.id, null)).json()).toMatchObject({ openTrackingConsent: null, openTrackingConsentAt: null });

      const byRep = await consent(lead.id, 'granted', 'rep');
      expect(byRep.status).toBe(403);
      expect((await byRep.json()).error.message).toBe(`a rep may not change openTrackingConsent of contact ${lead.id}`);
      const bad = await server.api(acme.users.marketing!.token, `/v1/contacts/${lead.id}`, { method: 'PATCH', json: { openTrackingConsent: 'maybe' } });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.issues).toEqual([{ path: 'openTrackingConsent', message: 'must be granted, denied or null' }]);
      const [row] = await server.store.db.select().from(contacts).where(eq(contacts.id, lead.id));
      expect({ consent: row!.openTrackingConsent, at: row!.openTrackingConsentAt }).toEqual({ consent: null, at: null });
    });

    it('reads a workspace stored before these settings existed as per person, without consent required', async () => {
      await writeInWorkspace(server.store.db, acme.id, async (tx) => {
        const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, acme.id));
        const { emailOpens: _opens, requireOpenConsent: _consent, ...older } = row!.settings.tracking as Record<string, unknown>;
        await tx.update(workspaces).set({ settings: { ...row!.settings, tracking: older as never } }).where(eq(workspaces.id, acme.id));
      });
      const settings = (await (await server.api(acme.users.marketing!.token, '/v1/settings')).json()) as { tracking: unknown };
      expect(settings.tracking).toMatchObject({ emailOpens: 'per_person', requireOpenConsent: false });
      const lead = await newContact();
      const email = await register(lead.id, []);
      await openTwice(email.pixelUrl!);
      expect((await stored(lead.id)).map((a) => a.label)).toEqual(['machine', 'human']);
    });
  });

  describe('privacy', () => {
    it('records nothing for an opted-out contact, and its links still redirect (without identification)', async () => {
      const lead = await newContact();
      const email = await register(lead.id, [`${SITE}/pricing`]);
      const optOut = await server.api(acme.users.marketing!.token, `/v1/contacts/${lead.id}`, { method: 'PATCH', json: { optedOut: true } });
      expect(optOut.status).toBe(200);
      await expectGif(await hit(email.pixelUrl!, 3600, UA.outlook));
      const go = await hit(email.links[0]!.trackedUrl, 3700, UA.chrome);
      expect(go.status).toBe(302);
      expect(go.headers.get('location')).toBe(`${SITE}/pricing`);
      expect(await stored(lead.id)).toEqual([]);
    });

    it('records nothing while the workspace has tracking off, and links still redirect', async () => {
      const lead = await newContact();
      const email = await register(lead.id, [`${SITE}/pricing`]);
      await setTracking(acme, { mode: 'off' });
      await expectGif(await hit(email.pixelUrl!, 3600, UA.outlook));
      const go = await hit(email.links[0]!.trackedUrl, 3700, UA.chrome);
      expect(go.headers.get('location')).toBe(`${SITE}/pricing`);
      expect(await stored(lead.id)).toEqual([]);
    });
  });
});

describe('client addresses behind a load balancer', () => {
  let server: RunningServer | undefined;
  afterAll(() => server?.close());

  it('judges Apple by the forwarded address only when TRUST_PROXY is on', async () => {
    const results: Record<string, string> = {};
    for (const trustProxy of [false, true]) {
      server = await startServer({ port: 0, host: '127.0.0.1', store: { memory: true }, log: silentLogger, trustProxy, now: () => new Date(at(3600)) });
      const ws = await createWorkspace(server.store.db, { name: 'Proxied' });
      const { id: userId } = await addUser(server.store.db, { workspaceId: ws.id, email: 'rep@proxied.example', name: 'Rep', role: 'rep' });
      const token = (await createToken(server.store.db, null, userId, { name: 'test' }, new Date())).secret;
      const contact = await writeInWorkspace(server.store.db, ws.id, async (tx) => {
        const [row] = await tx
          .insert(contacts)
          .values({ id: 'c_proxied', workspaceId: ws.id, email: 'lead@proxied-buyer.example', stage: 'lead', ownerId: userId, createdAt: new Date(SENT), updatedAt: new Date(SENT) })
          .returning();
        return row!;
      });
      const reg = await fetch(`${server.url}/v1/emails`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ contactId: contact.id, sentAt: SENT }),
      });
      const { pixelUrl } = (await reg.json()) as EmailRegistrationResponse;
      // A client-written entry first, then the Apple address our balancer saw.
      await fetch(pixelUrl!, { headers: { 'user-agent': UA.safari, 'x-forwarded-for': '203.0.113.9, 17.58.1.2' } });
      const [row] = await server.store.db.select().from(activities).where(eq(activities.contactId, contact.id));
      results[String(trustProxy)] = row!.trustReason;
      await server.close();
      server = undefined;
    }
    expect(results).toEqual({ false: 'opened in a mail client', true: 'Apple Mail Privacy Protection prefetch' });
  }, 60_000);
});
