import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncPage } from '../../lib/core/model/sync';
import type { TrustLabel } from '../../lib/core/model/vocabulary';
import { insertContact } from '../../server/domain/contacts/create';
import { deleteContact } from '../../server/domain/contacts/delete';
import { reassignContact } from '../../server/domain/contacts/owners';
import { enterScope } from '../../server/domain/scope/entries';
import { HISTORY_ACTIVITY_CAP } from '../../server/domain/sync/history';
import { isCaughtUp as isCaughtUpAt, syncHead } from '../../server/domain/sync/caught-up';
import { decodeSyncCursor } from '../../server/domain/sync/cursor';
import { writeInWorkspace } from '../../server/store/db';
import { activities, attempts, contacts, content, scopeExits, workspaces } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestUser, type TestWorkspace } from './harness';
import { DAY_MS, MINUTE_MS } from '../../lib/core/time-units';

const START = '2026-01-19T15:00:00.000Z';
const NOT_OURS = { path: 'cursor', message: 'is not a cursor this server gave' };

/** What a pull that finds nothing answers, whatever the cursor. */
const emptyPage = (cursor: string) => ({
  contacts: [],
  activities: [],
  attempts: [],
  questions: [],
  stageChanges: [],
  content: [],
  answers: [],
  people: [],
  settings: null,
  removed: { contacts: [], content: [] },
  cursor,
  more: false,
});

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();
const cursorFor = (version: number) => Buffer.from(JSON.stringify({ v: version })).toString('base64url');
/** A last page's cursor: at `version`, caught up until `lapseMinute` (0: no lookup can lapse). */
const lastPageCursor = (version: number, lapseMinute = 0) => Buffer.from(JSON.stringify({ v: version, l: lapseMinute })).toString('base64url');

describe.each(STORE_KINDS)('GET /v1/sync on %s', (kind) => {
  let workspaceCount = 0;

  const server = serverForSuite(kind, { now: START });
  beforeEach(() => server.clock.set(START));

  // Fixtures: every test makes its own workspaces, so what a pull returns is exactly what the test put there.

  async function newWorkspace() {
    const n = ++workspaceCount;
    const name = `Sync ${kind} ${n}`;
    const ws = await makeWorkspace(server, name);
    return { ...ws, name, domain: `sync${kind}${n}.example` };
  }
  const db = () => server.store.db;

  async function addContact(ws: TestWorkspace, name: string, owner: TestUser | null) {
    return writeInWorkspace(db(), ws.id, (tx) =>
      insertContact(tx, ws.id, { id: `${name}-${ws.id}`, email: `${name}@lead.example`, name, stage: 'lead', ownerId: owner?.id ?? null }, server.clock.now(), { kind: 'import' }),
    );
  }

  async function addActivity(ws: TestWorkspace, contactId: string, id: string, at: string, label: TrustLabel = 'human') {
    await db()
      .insert(activities)
      .values({
        id,
        workspaceId: ws.id,
        contactId,
        type: 'page_view',
        at: new Date(at),
        url: 'https://www.acme.example/pricing',
        title: 'Pricing',
        trustLabel: label,
        trustReason: label === 'human' ? 'a person browsing' : 'opened 1 s after sending: an automatic fetch',
      });
  }

  async function addAttempt(ws: TestWorkspace, contactId: string, user: TestUser, id: string, at: string) {
    await db().insert(attempts).values({ id, workspaceId: ws.id, contactId, userId: user.id, channel: 'call', outcome: 'no_answer', at: new Date(at) });
  }

  async function addContent(ws: TestWorkspace, id: string) {
    await db()
      .insert(content)
      .values({ id, workspaceId: ws.id, title: `Guide ${id}`, url: `https://www.acme.example/${id}`, kind: 'whitepaper', journeyStage: 'consideration', updatedAt: server.clock.now() });
  }

  /** What the content route does on delete: mark the row, and tell every cache in the workspace to drop it. */
  async function deleteContent(ws: TestWorkspace, id: string) {
    await writeInWorkspace(db(), ws.id, async (tx) => {
      await tx.update(content).set({ deletedAt: server.clock.now() }).where(eq(content.id, id));
      await tx.insert(scopeExits).values({ workspaceId: ws.id, userId: null, kind: 'content', objectId: id });
    });
  }

  async function reassign(ws: TestWorkspace, contactId: string, to: TestUser | null) {
    await writeInWorkspace(db(), ws.id, async (tx) => {
      const [row] = await tx.select().from(contacts).where(eq(contacts.id, contactId));
      await reassignContact(tx, { workspaceId: ws.id, kind: 'user', userId: ws.users.manager!.id }, row!, to?.id ?? null, server.clock.now());
    });
  }

  async function lookUp(ws: TestWorkspace, user: TestUser, contactId: string) {
    await writeInWorkspace(db(), ws.id, (tx) => enterScope(tx, user.id, contactId, server.clock.now()));
  }

  async function pull(user: TestUser, query: { cursor?: string; limit?: number } = {}) {
    const params = new URLSearchParams();
    if (query.cursor !== undefined) params.set('cursor', query.cursor);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const res = await server.api(user.token, `/v1/sync?${params}`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return { page: SyncPage.parse(JSON.parse(text)), bytes: Buffer.byteLength(text, 'utf8') };
  }

  /** Pulls until the server says there is no more, as the extension does; returns every page. */
  async function pullAll(user: TestUser, cursor?: string, limit?: number) {
    const pages: SyncPage[] = [];
    for (let more = true; more; ) {
      const { page } = await pull(user, { cursor, limit });
      pages.push(page);
      ({ cursor, more } = page);
      if (pages.length > 50) throw new Error('sync never ended');
    }
    return pages;
  }

  /** A rep who has pulled everything so far: the cursor they hold. */
  async function caughtUp(user: TestUser) {
    return (await pullAll(user)).at(-1)!.cursor;
  }

  /** Whether a pull from this cursor takes the caught-up path (one statement, no page queries). */
  async function isCaughtUp(user: TestUser, ws: TestWorkspace, cursor: string) {
    void user; // the head and the cursor decide, as the route does with the head read with the caller's token
    return isCaughtUpAt(decodeSyncCursor(cursor)!, await syncHead(db(), ws.id), server.clock.now());
  }

  async function lastDrawnVersion() {
    const [row] = await db().select({ last: sql<string>`last_value` }).from(sql`row_version`);
    return Number(row!.last);
  }

  describe('the first pull', () => {
    let acme: TestWorkspace & { domain: string };
    let globex: TestWorkspace & { domain: string };

    beforeAll(async () => {
      acme = await newWorkspace();
      globex = await newWorkspace();
      const mine = await addContact(acme, 'ann', acme.users.rep!);
      await addContact(acme, 'bob', acme.users.rep!);
      const theirs = await addContact(acme, 'cat', acme.users.rep2!);
      await addContact(acme, 'dan', null);
      const foreign = await addContact(globex, 'eve', globex.users.rep!);
      await addActivity(acme, mine.id, 'act-ann-1', '2026-01-10T10:00:00Z');
      await addActivity(acme, mine.id, 'act-ann-2', '2026-01-11T10:00:00Z', 'machine');
      await addActivity(acme, theirs.id, 'act-cat-1', '2026-01-12T10:00:00Z');
      await addActivity(globex, foreign.id, 'act-eve-1', '2026-01-12T10:00:00Z');
      await addAttempt(acme, mine.id, acme.users.rep!, 'att-ann-1', '2026-01-13T10:00:00Z');
      await addAttempt(acme, theirs.id, acme.users.rep2!, 'att-cat-1', '2026-01-13T10:00:00Z');
      await addContent(acme, 'guide-a');
      await addContent(globex, 'guide-g');
    });

    it("brings exactly the rep's own contacts, their activity and attempts, the library and the settings", async () => {
      const { page } = await pull(acme.users.rep!);
      expect(ids(page.contacts)).toEqual([`ann-${acme.id}`, `bob-${acme.id}`]);
      expect(page.contacts.find((c) => c.name === 'ann')).toMatchObject({ email: 'ann@lead.example', ownerId: acme.users.rep!.id, stage: 'lead', assignedAt: START });
      expect(ids(page.activities)).toEqual(['act-ann-1', 'act-ann-2']);
      expect(page.activities.find((a) => a.id === 'act-ann-2')!.trust).toEqual({ label: 'machine', reason: 'opened 1 s after sending: an automatic fetch' });
      expect(ids(page.attempts)).toEqual(['att-ann-1']);
      expect(page.attempts[0]).toMatchObject({ contactId: `ann-${acme.id}`, userId: acme.users.rep!.id, channel: 'call', outcome: 'no_answer' });
      expect(ids(page.content)).toEqual(['guide-a']);
      // Each contact's stage history: the entry its import made, with no user behind it.
      expect(page.stageChanges.map((s) => [s.contactId, s.from, s.to, s.at, s.actor, s.reason, s.reconstructed])).toEqual(
        [`ann-${acme.id}`, `bob-${acme.id}`].map((id) => [id, null, 'lead', START, { kind: 'import', userId: null, name: null, rule: null }, null, false]),
      );
      expect(page.settings?.calendar.timeZone).toBe('America/New_York');
      expect(page.settings?.domains).toEqual([acme.domain]);
      expect(page.removed).toEqual({ contacts: [], content: [] });
      expect(page.more).toBe(false);
    });

    it("gives the second rep only theirs, and another workspace only its own", async () => {
      const rep2 = (await pull(acme.users.rep2!)).page;
      expect(ids(rep2.contacts)).toEqual([`cat-${acme.id}`]);
      expect(ids(rep2.activities)).toEqual(['act-cat-1']);
      expect(ids(rep2.attempts)).toEqual(['att-cat-1']);
      expect(rep2.stageChanges.map((s) => s.contactId)).toEqual([`cat-${acme.id}`]);
      const other = (await pull(globex.users.rep!)).page;
      expect(ids(other.contacts)).toEqual([`eve-${globex.id}`]);
      expect(ids(other.activities)).toEqual(['act-eve-1']);
      expect(ids(other.content)).toEqual(['guide-g']);
      expect(other.settings?.domains).toEqual([globex.domain]);
      expect(other.stageChanges.map((s) => s.contactId)).toEqual([`eve-${globex.id}`]);
    });

    it('lists rows oldest first, and an empty cursor parameter starts from the beginning too', async () => {
      const { page } = await pull(acme.users.rep!, { cursor: '' });
      for (const rows of [page.contacts, page.activities]) {
        expect(rows.map((r) => r.version)).toEqual([...rows.map((r) => r.version)].sort((a, b) => a - b));
      }
      expect(ids(page.contacts)).toEqual([`ann-${acme.id}`, `bob-${acme.id}`]);
    });

    it('then answers a pull with its cursor in under 300 bytes, settings null, the same cursor, and writes nothing', async () => {
      const { page: first } = await pull(acme.users.rep!);
      const before = await lastDrawnVersion();
      const { page, bytes } = await pull(acme.users.rep!, { cursor: first.cursor });
      expect(page).toEqual(emptyPage(first.cursor));
      expect(bytes).toBeLessThan(300);
      expect(await lastDrawnVersion()).toBe(before);
    });

    it('answers with no more headers than /healthz: no CORS headers, which the extension’s host access makes needless', async () => {
      const { page } = await pull(acme.users.rep!);
      const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
      const sync = await server.api(acme.users.rep!.token, `/v1/sync?cursor=${page.cursor}`, { headers: { origin } });
      const health = await server.api(null, '/healthz', { headers: { origin } });
      const names = (res: Response) => [...res.headers.keys()].filter((n) => n !== 'content-length').sort();
      expect(names(sync).filter((n) => n !== 'x-request-id')).toEqual(names(health).filter((n) => n !== 'x-request-id'));
      expect(sync.headers.get('access-control-allow-origin')).toBeNull();
      // The rest of /v1 still answers the extension's origin.
      const me = await server.api(acme.users.rep!.token, '/v1/me', { headers: { origin } });
      expect(me.headers.get('access-control-allow-origin')).toBe(origin);
    });
  });

  describe('changes after the cursor', () => {
    it('sends only what changed: one new activity is the whole page', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await addActivity(ws, ann.id, 'old-1', '2026-01-10T10:00:00Z');
      const cursor = await caughtUp(ws.users.rep!);
      await addActivity(ws, ann.id, 'new-1', '2026-01-19T14:00:00Z');
      const { page } = await pull(ws.users.rep!, { cursor });
      expect({ ...page, cursor: 'x' }).toEqual({ ...emptyPage('x'), activities: [expect.objectContaining({ id: 'new-1', contactId: ann.id, at: '2026-01-19T14:00:00.000Z' })] });
      expect(page.cursor).not.toBe(cursor);
      expect(await pull(ws.users.rep!, { cursor: page.cursor })).toMatchObject({ page: emptyPage(page.cursor) });
    });

    it("sends nothing for changes outside the rep's scope, and moves their cursor past them to the workspace's head", async () => {
      const ws = await newWorkspace();
      const cat = await addContact(ws, 'cat', ws.users.rep2!);
      const cursor = await caughtUp(ws.users.rep!);
      await addActivity(ws, cat.id, 'cat-1', '2026-01-19T14:00:00Z');
      await addAttempt(ws, cat.id, ws.users.rep2!, 'cat-att', '2026-01-19T14:00:00Z');
      const { page } = await pull(ws.users.rep!, { cursor });
      const head = await syncHead(db(), ws.id);
      expect(page).toEqual(emptyPage(lastPageCursor(head)));
      expect(head).toBeGreaterThan(decodeSyncCursor(cursor)!.version);
      expect(await isCaughtUp(ws.users.rep!, ws, page.cursor)).toBe(true);
      expect((await pull(ws.users.rep!, { cursor: page.cursor })).page).toEqual(emptyPage(page.cursor));
    });

    it('sends a contact again when it changes, and an attempt again when it is undone', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await addAttempt(ws, ann.id, ws.users.rep!, 'att-1', '2026-01-19T14:00:00Z');
      const cursor = await caughtUp(ws.users.rep!);
      await db().update(contacts).set({ stage: 'mql' }).where(eq(contacts.id, ann.id));
      await db().update(attempts).set({ undoneAt: new Date('2026-01-19T14:05:00Z') }).where(eq(attempts.id, 'att-1'));
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(page.contacts.map((c) => [c.id, c.stage])).toEqual([[ann.id, 'mql']]);
      expect(page.attempts.map((a) => [a.id, a.undoneAt])).toEqual([['att-1', '2026-01-19T14:05:00.000Z']]);
      expect(page.activities).toEqual([]);
    });

    it("names the people the page's contacts and attempts name: the owner and who logged, with their display names", async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await addAttempt(ws, ann.id, ws.users.manager!, 'att-people', '2026-01-19T14:00:00Z');
      const { page } = await pull(ws.users.rep!, {});
      expect(page.people).toEqual(
        [
          { id: ws.users.rep!.id, name: `${ws.name} rep` },
          { id: ws.users.manager!.id, name: `${ws.name} manager` },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      const cursor = page.cursor;
      const { page: quiet } = await pull(ws.users.rep!, { cursor });
      expect(quiet.people).toEqual([]);
    });

    it('sends the settings whole once after they change, then null again', async () => {
      const ws = await newWorkspace();
      const cursor = await caughtUp(ws.users.rep!);
      const [row] = await db().select().from(workspaces).where(eq(workspaces.id, ws.id));
      const settings = { ...row!.settings, sla: { mqlsPerRepPerMonth: 42, firstTouchTarget: 0.8 } };
      await db().update(workspaces).set({ settings }).where(eq(workspaces.id, ws.id));
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(page.settings).toEqual(settings);
      expect(page.contacts).toEqual([]);
      expect((await pull(ws.users.rep!, { cursor: page.cursor })).page.settings).toBeNull();
    });

    it('sends new library items, and a deleted one only as its id in removed.content', async () => {
      const ws = await newWorkspace();
      await addContent(ws, 'kept');
      await addContent(ws, 'gone');
      const cursor = await caughtUp(ws.users.rep!);
      await addContent(ws, 'fresh');
      await deleteContent(ws, 'gone');
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(ids(page.content)).toEqual(['fresh']);
      expect(page.removed).toEqual({ contacts: [], content: ['gone'] });
      const fromStart = (await pull(ws.users.rep!)).page;
      expect(ids(fromStart.content)).toEqual(['fresh', 'kept']);
    });

    it('drops from the page a library item added and deleted within it', async () => {
      const ws = await newWorkspace();
      const cursor = await caughtUp(ws.users.rep!);
      await addContent(ws, 'brief');
      await deleteContent(ws, 'brief');
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(page.content).toEqual([]);
      expect(page.removed.content).toEqual(['brief']);
    });
  });

  describe('paging', () => {
    it('splits 25 new contacts into pages of 10, 10 and 5 with no duplicates', async () => {
      const ws = await newWorkspace();
      const cursor = await caughtUp(ws.users.rep!);
      const made: string[] = [];
      for (let i = 0; i < 25; i++) made.push((await addContact(ws, `p${String(i).padStart(2, '0')}`, ws.users.rep!)).id);
      const pages = await pullAll(ws.users.rep!, cursor, 10);
      expect(pages.map((p) => p.contacts.length)).toEqual([10, 10, 5]);
      expect(pages.map((p) => p.more)).toEqual([true, true, false]);
      const got = pages.flatMap((p) => p.contacts.map((c) => c.id));
      expect(new Set(got).size).toBe(25);
      expect(got).toEqual(made);
      expect(new Set(pages.map((p) => p.cursor)).size).toBe(3);
      expect((await pull(ws.users.rep!, { cursor: pages[2]!.cursor })).page).toEqual(emptyPage(pages[2]!.cursor));
    });

    it('pages a first pull of every kind of row, and the pages add up to the one big pull', async () => {
      const ws = await newWorkspace();
      for (let i = 0; i < 4; i++) {
        const c = await addContact(ws, `m${i}`, ws.users.rep!);
        await addActivity(ws, c.id, `m${i}-act`, '2026-01-18T10:00:00Z');
        await addAttempt(ws, c.id, ws.users.rep!, `m${i}-att`, '2026-01-18T11:00:00Z');
      }
      await addContent(ws, 'doc');
      // 1 settings + 4 × (entry, activity, attempt) + 1 content = 14 changes: pages of 5, 5 and 4.
      const pages = await pullAll(ws.users.rep!, undefined, 5);
      expect(pages.map((p) => p.more)).toEqual([true, true, false]);
      const whole = (await pull(ws.users.rep!)).page;
      const union = (pick: (p: SyncPage) => { id: string }[]) => pages.flatMap(pick).map((r) => r.id);
      expect(union((p) => p.contacts).sort()).toEqual(ids(whole.contacts));
      expect(union((p) => p.activities).sort()).toEqual(ids(whole.activities));
      expect(union((p) => p.attempts).sort()).toEqual(ids(whole.attempts));
      expect(union((p) => p.content)).toEqual(['doc']);
      expect(pages.filter((p) => p.settings !== null)).toHaveLength(1);
      expect(whole.activities).toHaveLength(4);
    });

    it("does not count a contact's history toward the limit", async () => {
      const ws = await newWorkspace();
      const cursor = await caughtUp(ws.users.rep!);
      const dan = await addContact(ws, 'dan', null);
      for (let i = 0; i < 5; i++) await addActivity(ws, dan.id, `dan-${i}`, `2026-01-1${i}T10:00:00Z`);
      await addAttempt(ws, dan.id, ws.users.rep2!, 'dan-att', '2026-01-16T10:00:00Z');
      await reassign(ws, dan.id, ws.users.rep!);
      const { page } = await pull(ws.users.rep!, { cursor, limit: 1 });
      expect(ids(page.contacts)).toEqual([dan.id]);
      expect(ids(page.activities)).toEqual(['dan-0', 'dan-1', 'dan-2', 'dan-3', 'dan-4']);
      expect(ids(page.attempts)).toEqual(['dan-att']);
      expect(page.more).toBe(false);
    });
  });

  describe('contacts leaving and entering the scope', () => {
    it('removes a reassigned contact from the old owner and gives the new one its whole history', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await addActivity(ws, ann.id, 'ann-1', '2026-01-10T10:00:00Z');
      await addActivity(ws, ann.id, 'ann-2', '2026-01-11T10:00:00Z', 'proxy');
      await addAttempt(ws, ann.id, ws.users.rep!, 'ann-att', '2026-01-12T10:00:00Z');
      const repCursor = await caughtUp(ws.users.rep!);
      const rep2Cursor = await caughtUp(ws.users.rep2!);
      await reassign(ws, ann.id, ws.users.rep2!);

      const rep = (await pull(ws.users.rep!, { cursor: repCursor })).page;
      expect({ ...rep, cursor: 'x' }).toEqual({ ...emptyPage('x'), removed: { contacts: [ann.id], content: [] } });

      const rep2 = (await pull(ws.users.rep2!, { cursor: rep2Cursor })).page;
      expect(rep2.contacts.map((c) => [c.id, c.ownerId])).toEqual([[ann.id, ws.users.rep2!.id]]);
      expect(ids(rep2.activities)).toEqual(['ann-1', 'ann-2']);
      expect(ids(rep2.attempts)).toEqual(['ann-att']);
      expect(rep2.removed.contacts).toEqual([]);
      expect(Math.max(...rep2.activities.map((a) => a.version))).toBeLessThan(Math.max(...rep2.contacts.map((c) => c.version)));
    });

    it('keeps a contact present that left and came back within one page', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await addActivity(ws, ann.id, 'kp-1', '2026-01-10T10:00:00Z');
      const cursor = await caughtUp(ws.users.rep!);
      await reassign(ws, ann.id, ws.users.rep2!);
      await reassign(ws, ann.id, ws.users.rep!);
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(page.contacts.map((c) => [c.id, c.ownerId])).toEqual([[ann.id, ws.users.rep!.id]]);
      expect(page.removed.contacts).toEqual([]);
      expect(ids(page.activities)).toEqual(['kp-1']);
    });

    it('removes a contact that came and left within one page, with nothing else of it', async () => {
      const ws = await newWorkspace();
      const cursor = await caughtUp(ws.users.rep!);
      const bob = await addContact(ws, 'bob', ws.users.rep!);
      await addActivity(ws, bob.id, 'bob-1', '2026-01-19T10:00:00Z');
      await reassign(ws, bob.id, ws.users.rep2!);
      const { page } = await pull(ws.users.rep!, { cursor });
      expect({ ...page, cursor: 'x' }).toEqual({ ...emptyPage('x'), removed: { contacts: [bob.id], content: [] } });
    });

    it('sends the removal on one page and the return on the next when the limit falls between them', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await addActivity(ws, ann.id, 'rr-1', '2026-01-10T10:00:00Z');
      const cursor = await caughtUp(ws.users.rep!);
      await reassign(ws, ann.id, ws.users.rep2!);
      await addActivity(ws, ann.id, 'rr-away', '2026-01-19T11:00:00Z');
      await reassign(ws, ann.id, ws.users.rep!);
      const pages = await pullAll(ws.users.rep!, cursor, 1);
      expect(pages.map((p) => [p.removed.contacts, ids(p.contacts), ids(p.activities), p.more])).toEqual([
        [[ann.id], [], [], true],
        [[], [ann.id], ['rr-1', 'rr-away'], false],
      ]);
    });

    it('removes a deleted contact from every rep who had it, and never sends it again', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      const keep = await addContact(ws, 'keep', ws.users.rep!);
      await lookUp(ws, ws.users.rep2!, ann.id);
      const repCursor = await caughtUp(ws.users.rep!);
      const rep2Cursor = await caughtUp(ws.users.rep2!);
      await writeInWorkspace(db(), ws.id, (tx) => deleteContact(tx, { workspaceId: ws.id, kind: 'user', userId: ws.users.manager!.id }, ann, server.clock.now()));
      await addActivity(ws, ann.id, 'ann-after', '2026-01-19T14:00:00Z');
      for (const [user, cursor] of [
        [ws.users.rep!, repCursor],
        [ws.users.rep2!, rep2Cursor],
      ] as const) {
        const { page } = await pull(user, { cursor });
        expect({ ...page, cursor: 'x' }).toEqual({ ...emptyPage('x'), removed: { contacts: [ann.id], content: [] } });
      }
      expect(ids((await pull(ws.users.rep!)).page.contacts)).toEqual([keep.id]);
    });
  });

  describe('stage history', () => {
    async function push(user: TestUser, mutation: Record<string, unknown>) {
      const res = await server.api(user.token, '/v1/mutations', { method: 'POST', json: { mutations: [mutation] } });
      expect(await res.json()).toEqual({ results: [{ id: mutation.id, status: 'applied' }] });
    }
    const recycle = (id: string, contactId: string) => ({ id, type: 'contact.recycle', at: START, contactId, reason: 'not the buyer' });

    it("sends a manager's recycle of the rep's lead as one change, with the manager's name, and nothing to another rep", async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      const repCursor = await caughtUp(ws.users.rep!);
      const rep2Cursor = await caughtUp(ws.users.rep2!);
      server.clock.set('2026-01-19T15:10:00.000Z');
      await push(ws.users.manager!, recycle('m-recycle-ann', ann.id));

      const { page } = await pull(ws.users.rep!, { cursor: repCursor });
      expect(page.contacts.map((c) => [c.id, c.stage, c.stageReason])).toEqual([[ann.id, 'recycled', 'not the buyer']]);
      expect(page.stageChanges).toEqual([
        {
          id: expect.stringMatching(/^sc_/),
          contactId: ann.id,
          from: 'lead',
          to: 'recycled',
          at: '2026-01-19T15:10:00.000Z',
          actor: { kind: 'user', userId: ws.users.manager!.id, name: `${ws.name} manager`, rule: null },
          reason: 'not the buyer',
          reasonCode: 'other',
          outcome: null,
          dealValue: null,
          mutationId: 'm-recycle-ann',
          undoes: null,
          reconstructed: false,
          version: expect.any(Number),
        },
      ]);
      // The change and the contact row are one transaction: the page ends at the later of the two.
      expect(page.more).toBe(false);
      expect((await pull(ws.users.rep2!, { cursor: rep2Cursor })).page).toEqual(emptyPage(lastPageCursor(await syncHead(db(), ws.id))));
    });

    it('brings the whole stage history with a contact entering the scope (not counted), and drops it with the contact leaving', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      await push(ws.users.manager!, recycle('m-recycle-1', ann.id));
      const repCursor = await caughtUp(ws.users.rep!);
      const rep2Cursor = await caughtUp(ws.users.rep2!);
      await reassign(ws, ann.id, ws.users.rep2!);

      const rep = (await pull(ws.users.rep!, { cursor: repCursor })).page;
      expect({ ...rep, cursor: 'x' }).toEqual({ ...emptyPage('x'), removed: { contacts: [ann.id], content: [] } });
      const rep2 = (await pull(ws.users.rep2!, { cursor: rep2Cursor, limit: 1 })).page;
      expect(rep2.stageChanges.map((s) => [s.from, s.to, s.actor.kind, s.actor.name])).toEqual([
        [null, 'lead', 'import', null],
        ['lead', 'recycled', 'user', `${ws.name} manager`],
      ]);
      expect(rep2.more).toBe(false);
    });
  });

  describe('caught up (one statement, no page queries)', () => {
    it('still pulls every kind of change in scope made after a caught-up cursor', async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', ws.users.rep!);
      const cat = await addContact(ws, 'cat', ws.users.rep2!);
      const changes: [string, () => Promise<unknown>, (page: SyncPage) => unknown, unknown][] = [
        ['an activity', () => addActivity(ws, ann.id, 'cu-act', '2026-01-19T14:00:00Z'), (p) => ids(p.activities), ['cu-act']],
        ['a manager\'s attempt', () => addAttempt(ws, ann.id, ws.users.manager!, 'cu-att', '2026-01-19T14:00:00Z'), (p) => ids(p.attempts), ['cu-att']],
        ['the contact row', () => db().update(contacts).set({ stage: 'mql' }).where(eq(contacts.id, ann.id)), (p) => ids(p.contacts), [ann.id]],
        ['a content item', () => addContent(ws, 'cu-guide'), (p) => ids(p.content), ['cu-guide']],
        ['the settings', () => db().update(workspaces).set({ name: 'Renamed' }).where(eq(workspaces.id, ws.id)), (p) => p.settings !== null, true],
        ['a lookup', () => lookUp(ws, ws.users.rep!, cat.id), (p) => ids(p.contacts), [cat.id]],
        ['a reassignment away', () => reassign(ws, ann.id, ws.users.rep2!), (p) => p.removed.contacts, [ann.id]],
      ];
      let cursor = await caughtUp(ws.users.rep!);
      for (const [what, change, read, expected] of changes) {
        expect(await isCaughtUp(ws.users.rep!, ws, cursor), what).toBe(true);
        await change();
        expect(await isCaughtUp(ws.users.rep!, ws, cursor), what).toBe(false);
        const { page } = await pull(ws.users.rep!, { cursor });
        expect(read(page), what).toEqual(expected);
        cursor = page.cursor;
      }
      expect((await pull(ws.users.rep!, { cursor })).page).toEqual(emptyPage(cursor));
    });

    it("stays caught up through another workspace's changes", async () => {
      const ws = await newWorkspace();
      const other = await newWorkspace();
      await addContact(ws, 'ann', ws.users.rep!);
      const cursor = await caughtUp(ws.users.rep!);
      const bob = await addContact(other, 'bob', other.users.rep!);
      await addActivity(other, bob.id, 'cu-other', '2026-01-19T14:00:00Z');
      expect(await isCaughtUp(ws.users.rep!, ws, cursor)).toBe(true);
      expect((await pull(ws.users.rep!, { cursor })).page).toEqual(emptyPage(cursor));
    });

    it('leaves the caught-up path when a lookup lapses, so the contact still goes', async () => {
      const ws = await newWorkspace();
      const cat = await addContact(ws, 'cat', ws.users.rep2!);
      await lookUp(ws, ws.users.rep!, cat.id);
      const cursor = await caughtUp(ws.users.rep!);
      expect(await isCaughtUp(ws.users.rep!, ws, cursor)).toBe(true);
      server.clock.advance(31 * DAY_MS);
      expect(await isCaughtUp(ws.users.rep!, ws, cursor)).toBe(false);
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(page.removed.contacts).toEqual([cat.id]);
      expect(await isCaughtUp(ws.users.rep!, ws, page.cursor)).toBe(true);
    });

    it("keeps the workspace's head at its newest version: once for a bulk insert, untouched by a repeated lookup", async () => {
      const ws = await newWorkspace();
      const ann = await addContact(ws, 'ann', null);
      const rows = Array.from({ length: 50 }, (_, i) => ({ id: `head-${i}`, workspaceId: ws.id, contactId: ann.id, type: 'page_view', at: new Date(START), trustLabel: 'human', trustReason: 'a person browsing' }));
      const inserted = await db().insert(activities).values(rows).returning({ version: activities.version });
      expect(await syncHead(db(), ws.id)).toBe(Math.max(...inserted.map((r) => r.version)));
      await lookUp(ws, ws.users.rep!, ann.id);
      const head = await syncHead(db(), ws.id);
      server.clock.advance(DAY_MS);
      await lookUp(ws, ws.users.rep!, ann.id);
      expect(await syncHead(db(), ws.id)).toBe(head);
    });
  });

  describe('looked-up contacts', () => {
    it('come down with their history when looked up, and leave after 30 days', async () => {
      const ws = await newWorkspace();
      const cat = await addContact(ws, 'cat', ws.users.rep2!);
      await addActivity(ws, cat.id, 'lk-1', '2026-01-05T10:00:00Z');
      const cursor = await caughtUp(ws.users.rep!);
      await lookUp(ws, ws.users.rep!, cat.id);
      const { page } = await pull(ws.users.rep!, { cursor });
      expect(page.contacts.map((c) => [c.id, c.ownerId])).toEqual([[cat.id, ws.users.rep2!.id]]);
      expect(ids(page.activities)).toEqual(['lk-1']);

      await addActivity(ws, cat.id, 'lk-2', '2026-01-20T10:00:00Z');
      server.clock.advance(29 * DAY_MS);
      const day29 = (await pull(ws.users.rep!, { cursor: page.cursor })).page;
      expect(ids(day29.activities)).toEqual(['lk-2']);
      expect(day29.removed.contacts).toEqual([]);

      server.clock.set(new Date(Date.parse(START) + 31 * DAY_MS).toISOString());
      const day31 = (await pull(ws.users.rep!, { cursor: day29.cursor })).page;
      expect({ ...day31, cursor: 'x' }).toEqual({ ...emptyPage('x'), removed: { contacts: [cat.id], content: [] } });
      expect((await pull(ws.users.rep!, { cursor: day31.cursor })).page).toEqual(emptyPage(day31.cursor));
      // The owner keeps it: a lookup lapsing touches only the rep who looked it up.
      expect(ids((await pull(ws.users.rep2!)).page.contacts)).toEqual([cat.id]);
    });

    it('stay while looked up again, without being sent again', async () => {
      const ws = await newWorkspace();
      const cat = await addContact(ws, 'cat', null);
      await lookUp(ws, ws.users.rep!, cat.id);
      const cursor = await caughtUp(ws.users.rep!);
      server.clock.advance(20 * DAY_MS);
      await lookUp(ws, ws.users.rep!, cat.id);
      const lookedUpAgain = server.clock.now().getTime();
      expect((await pull(ws.users.rep!, { cursor })).page).toEqual(emptyPage(cursor));
      server.clock.advance(20 * DAY_MS);
      // Past the first lookup's 30 days the pull reads again, finds the contact kept, and is caught up until the second's.
      const { page } = await pull(ws.users.rep!, { cursor });
      expect({ ...page, cursor: 'x' }).toEqual(emptyPage('x'));
      expect(decodeSyncCursor(page.cursor)).toEqual({ version: decodeSyncCursor(cursor)!.version, lapseMinute: Math.floor(lookedUpAgain / MINUTE_MS) + (30 * DAY_MS) / MINUTE_MS });
      expect(await isCaughtUp(ws.users.rep!, ws, page.cursor)).toBe(true);
    });

    it('leave only when the lookup lapses: an owned contact never does', async () => {
      const ws = await newWorkspace();
      const mine = await addContact(ws, 'mine', ws.users.rep!);
      await lookUp(ws, ws.users.rep!, mine.id);
      const cursor = await caughtUp(ws.users.rep!);
      server.clock.advance(400 * DAY_MS);
      expect((await pull(ws.users.rep!, { cursor })).page).toEqual(emptyPage(cursor));
      expect(ids((await pull(ws.users.rep!)).page.contacts)).toEqual([mine.id]);
    });
  });

  it(`sends at most the newest ${HISTORY_ACTIVITY_CAP} activities of a contact entering the scope`, async () => {
    const ws = await newWorkspace();
    const big = await addContact(ws, 'big', null);
    const start = Date.parse('2025-01-01T00:00:00Z');
    const rows = Array.from({ length: HISTORY_ACTIVITY_CAP + 5 }, (_, i) => ({
      id: `big-${String(i).padStart(4, '0')}`,
      workspaceId: ws.id,
      contactId: big.id,
      type: 'page_view',
      at: new Date(start + i * 60_000),
      trustLabel: 'human',
      trustReason: 'a person browsing',
    }));
    for (let i = 0; i < rows.length; i += 500) await db().insert(activities).values(rows.slice(i, i + 500));
    await reassign(ws, big.id, ws.users.rep!);
    const { page } = await pull(ws.users.rep!);
    expect(page.activities).toHaveLength(HISTORY_ACTIVITY_CAP);
    expect(ids(page.activities)[0]).toBe('big-0005');
    expect(ids(page.activities).at(-1)).toBe(`big-${HISTORY_ACTIVITY_CAP + 4}`);
  });

  describe('bad requests', () => {
    let ws: TestWorkspace;
    beforeAll(async () => {
      ws = await newWorkspace();
    });

    it.each([
      ['not base64url', 'not a cursor!'],
      ['not JSON', Buffer.from('v=12').toString('base64url')],
      ['no version', Buffer.from('{"x":12}').toString('base64url')],
      ['a negative version', cursorFor(-1)],
      ['a fractional version', Buffer.from('{"v":1.5}').toString('base64url')],
      ['padding', `${cursorFor(1)}=`],
      ['an extra key', Buffer.from('{"v":1,"u":"me"}').toString('base64url')],
      ['a version this database never drew', cursorFor(9_000_000_000)],
    ])('refuses a cursor with %s: 400 on the cursor', async (_what, cursor) => {
      const before = await lastDrawnVersion();
      const res = await server.api(ws.users.rep!.token, `/v1/sync?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'bad_request', message: 'query is not valid: cursor: is not a cursor this server gave', issues: [NOT_OURS] },
      });
      expect(await lastDrawnVersion()).toBe(before);
    });

    it.each([
      ['0', 'Too small: expected number to be >=1'],
      ['5000', 'limit must be at most 1000'],
      ['abc', 'Invalid input: expected number, received NaN'],
      ['2.5', 'Invalid input: expected int, received number'],
    ])('refuses limit=%s with 400 naming limit', async (limit, message) => {
      const res = await server.api(ws.users.rep!.token, `/v1/sync?limit=${limit}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.issues).toEqual([{ path: 'limit', message }]);
    });

    it('accepts the limits at the edges', async () => {
      for (const limit of [1, 1000]) expect((await pull(ws.users.rep!, { limit })).page.more).toBe(false);
    });

    it('answers 401 without a token', async () => {
      const res = await server.api(null, '/v1/sync');
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    });
  });

  it("never shows another workspace's rows, even to a cursor from the start", async () => {
    const acme = await newWorkspace();
    const globex = await newWorkspace();
    const a = await addContact(acme, 'shared', acme.users.rep!);
    const g = await addContact(globex, 'shared', globex.users.rep!);
    await addActivity(globex, g.id, 'g-act', '2026-01-19T10:00:00Z');
    await addAttempt(globex, g.id, globex.users.rep!, 'g-att', '2026-01-19T10:00:00Z');
    await addContent(globex, 'g-doc');
    await deleteContent(globex, 'g-doc');
    await writeInWorkspace(db(), globex.id, (tx) => deleteContact(tx, { workspaceId: globex.id, kind: 'user', userId: globex.users.manager!.id }, g, server.clock.now()));
    const pages = await pullAll(acme.users.rep!, undefined, 1);
    const seen = JSON.stringify(pages);
    for (const foreign of [g.id, 'g-act', 'g-att', 'g-doc', globex.id]) expect(seen).not.toContain(foreign);
    expect(pages.flatMap((p) => ids(p.contacts))).toEqual([a.id]);
    const [exits] = await db().select({ n: count() }).from(scopeExits).where(eq(scopeExits.workspaceId, acme.id));
    expect(exits!.n).toBe(0);
  });
});
