import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import { TimelinePage, type LookupResponse } from '../../lib/core/model/api';
import { writeInWorkspace } from '../../server/store/db';
import { activities, attempts, contacts, scopeEntries, scopeExits, stageChanges, users } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// Acme works Mon–Fri 09:00–17:00 America/New_York (EST, UTC−5, in January) under the default policy: first attempt
// within 4 business hours, follow-ups 16, 16, 24, 24 business hours apart, 5 attempts in 14 days.
const FRIDAY_1630_ET = '2026-01-16T21:30:00.000Z';
const MONDAY_0930_ET = '2026-01-19T14:30:00.000Z';
const MONDAY_1100_ET = '2026-01-19T16:00:00.000Z';

describe.each(STORE_KINDS)('contacts API on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const token = (ws: TestWorkspace, who: string) => ws.users[who]!.token;
  const userId = (ws: TestWorkspace, who: string) => ws.users[who]!.id;

  const server = serverForSuite(kind);
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex', 'Europe/London');
  }, 60_000);

  async function create(ws: TestWorkspace, who: string, json: unknown): Promise<Response> {
    return server.api(token(ws, who), '/v1/contacts', { method: 'POST', json });
  }
  async function createContact(ws: TestWorkspace, json: Record<string, unknown>): Promise<Contact> {
    const res = await create(ws, 'manager', json);
    expect(res.status).toBe(201);
    return (await res.json()) as Contact;
  }
  async function patch(who: string, id: string, json: unknown): Promise<Response> {
    return server.api(token(acme, who), `/v1/contacts/${id}`, { method: 'PATCH', json });
  }
  async function lookup(who: string, query: string): Promise<Response> {
    return server.api(token(acme, who), `/v1/contacts/lookup?${query}`);
  }
  const insertActivity = (row: { id: string; contactId: string; type: string; at: string } & Omit<Partial<typeof activities.$inferInsert>, 'at'>) =>
    writeInWorkspace(server.store.db, acme.id, (tx) =>
      tx.insert(activities).values({ trustLabel: 'human', trustReason: 'a person', workspaceId: acme.id, ...row, at: new Date(row.at) }),
    );
  const insertAttempt = (row: { id: string; contactId: string; at: string; userId: string }) =>
    writeInWorkspace(server.store.db, acme.id, (tx) =>
      tx.insert(attempts).values({ ...row, workspaceId: acme.id, channel: 'call', outcome: 'no_answer', at: new Date(row.at) }),
    );
  const scopeOf = async (contactId: string) =>
    (await server.store.db.select().from(scopeEntries).where(eq(scopeEntries.contactId, contactId))).map((r) => r.userId).sort();

  describe('lookup', () => {
    let ada: Contact;
    let bob: Contact;

    beforeAll(async () => {
      // Both assigned on Friday at 16:30 New York time.
      server.clock.set(FRIDAY_1630_ET);
      ada = await createContact(acme, {
        email: 'ada@leadco.example',
        name: 'Ada Lead',
        seniority: 'vp',
        companySize: 200,
        businessModel: 'b2b',
        country: 'US',
        leadType: 'demo_request',
        ownerId: userId(acme, 'rep'),
      });
      bob = await createContact(acme, { email: 'bob@leadco.example', ownerId: userId(acme, 'rep') });
      await createContact(globex, { email: 'gina@globexlead.example' });
      const pricing = { url: 'https://www.leadco.example/pricing', title: 'Pricing' };
      await insertActivity({ id: 'ada_v1', contactId: ada.id, type: 'page_view', at: '2025-12-20T16:00:00Z', ...pricing });
      await insertActivity({ id: 'ada_v2', contactId: ada.id, type: 'page_view', at: MONDAY_1100_ET, ...pricing });
      await insertActivity({ id: 'ada_v3', contactId: ada.id, type: 'page_view', at: MONDAY_1100_ET, ...pricing });
      await insertActivity({ id: 'ada_o1', contactId: ada.id, type: 'email_open', at: MONDAY_1100_ET, emailId: 'em_1' });
      await insertActivity({
        id: 'ada_o2',
        contactId: ada.id,
        type: 'email_open',
        at: '2026-01-19T15:00:00Z',
        emailId: 'em_2',
        trustLabel: 'machine',
        trustReason: 'Apple Mail Privacy Protection prefetch',
      });
      await insertAttempt({ id: 'bob_a1', contactId: bob.id, at: MONDAY_0930_ET, userId: userId(acme, 'rep') });
      server.clock.set(MONDAY_1100_ET);
    });

    it('answers one email with its summary, score and cadence, computed by hand', async () => {
      const res = await lookup('rep', 'email=ada@leadco.example');
      expect(res.status).toBe(200);
      const body = (await res.json()) as LookupResponse;
      expect(body.unknown).toEqual([]);
      expect(body.contacts).toHaveLength(1);
      const entry = body.contacts[0]!;
      expect(entry.contact).toMatchObject({ id: ada.id, email: 'ada@leadco.example', ownerId: userId(acme, 'rep'), assignedAt: FRIDAY_1630_ET });
      expect(entry.summary).toEqual({
        pagesViewed: 3,
        distinctPages: 1,
        topPages: [{ url: 'https://www.leadco.example/pricing', title: 'Pricing', views: 3 }],
        contentDownloaded: [],
        emailsOpened: 1,
        machineOpens: 1,
        linksClicked: 0,
        machineClicks: 0,
        lastSeenAt: MONDAY_1100_ET,
        activeNow: true,
        firstTouch: { at: '2025-12-20T16:00:00.000Z', type: 'page_view', url: 'https://www.leadco.example/pricing' },
        source: 'manual',
      });
      // Fit: VP 20 + 200 people 15 + B2B 10 + US 5 = 50 (grade A from 45). Engagement: pricing 9 + 9 now and 9 × ½
      // from 30 days ago (one half-life) = 22.5; any page 1 + 1 + ½ = 2.5; the human open 1; the machine open nothing.
      // 26 in all, the lost half going to the rule listed first.
      expect(entry.score).toEqual({
        score: 76,
        fit: 50,
        engagement: 26,
        grade: 'A',
        qualifiesAsMql: true,
        parts: [
          { kind: 'engagement', ruleId: 'eng_pricing', label: 'Viewed pricing', count: 3, points: 23 },
          { kind: 'fit', ruleId: 'fit_senior', label: 'Senior buyer', count: 0, points: 20 },
          { kind: 'fit', ruleId: 'fit_size', label: 'Company of 50–5,000', count: 0, points: 15 },
          { kind: 'fit', ruleId: 'fit_b2b', label: 'Sells to businesses', count: 0, points: 10 },
          { kind: 'fit', ruleId: 'fit_country', label: 'Market we serve', count: 0, points: 5 },
          { kind: 'engagement', ruleId: 'eng_page', label: 'Page views', count: 3, points: 2 },
          { kind: 'engagement', ruleId: 'eng_open', label: 'Opened emails', count: 1, points: 1 },
        ],
      });
      // Assigned Friday 16:30: half an hour left on Friday, three and a half on Monday from 09:00 → due Monday 12:30
      // (17:30Z). At Monday 11:00 that is 90 business minutes and 90 wall minutes away.
      expect(entry.cadence).toEqual({
        status: 'first_touch_due',
        policyId: 'default',
        nextDueAt: '2026-01-19T17:30:00.000Z',
        slaDeadline: '2026-01-19T17:30:00.000Z',
        windowEndsAt: '2026-01-30T21:30:00.000Z',
        attemptsDone: 0,
        attemptsPlanned: 5,
        attemptsLeft: 5,
        businessMinutesLeft: 90,
        wallMsLeft: 90 * 60_000,
        firstAttemptAt: null,
        firstTouchMet: null,
        exitReason: null,
        pausedUntil: null,
      });
    });

    it('answers several emails in the order asked, normalised, leaving out colleagues and strangers', async () => {
      const query = [
        'email=BOB@LeadCo.Example',
        'email=nobody@leadco.example,rep2@acme.example',
        'email=ada@leadco.example',
        'email=gina@globexlead.example',
        'email=bob@leadco.example',
      ].join('&');
      const res = await lookup('rep2', query);
      expect(res.status).toBe(200);
      const body = (await res.json()) as LookupResponse;
      expect(body.contacts.map((e) => e.contact.id)).toEqual([bob.id, ada.id]);
      // Another workspace's contact is unknown here, exactly like an address nobody has.
      expect(body.unknown).toEqual(['nobody@leadco.example', 'gina@globexlead.example']);
      // Bob's first attempt came Monday 09:30, inside the SLA; the next is due 16 business hours later: 7.5 h on
      // Monday, 8 on Tuesday, half an hour on Wednesday → Wednesday 09:30 (14:30Z). From Monday 11:00 that is
      // 360 + 480 + 30 = 870 business minutes and 46.5 wall hours.
      const bobEntry = body.contacts[0]!;
      expect(bobEntry.cadence).toMatchObject({
        status: 'on_track',
        nextDueAt: '2026-01-21T14:30:00.000Z',
        attemptsDone: 1,
        attemptsLeft: 4,
        businessMinutesLeft: 870,
        wallMsLeft: 46.5 * 3_600_000,
        firstAttemptAt: MONDAY_0930_ET,
        firstTouchMet: true,
      });
      expect(bobEntry.score).toMatchObject({ score: 0, fit: 0, engagement: 0, grade: 'D', qualifiesAsMql: false, parts: [] });
      expect(bobEntry.summary).toMatchObject({ pagesViewed: 0, lastSeenAt: null, activeNow: false, firstTouch: null });
    });

    it('ignores addresses on the workspace domain and its subdomains entirely', async () => {
      const res = await lookup('rep', 'email=manager@acme.example,someone@eu.acme.example');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ contacts: [], unknown: [] });
    });

    it('puts each contact found in the caller’s sync scope, stamped with the lookup time', async () => {
      const marketingId = userId(acme, 'marketing');
      expect(await scopeOf(bob.id)).not.toContain(marketingId);
      server.clock.set('2026-01-19T16:05:00Z');
      expect((await lookup('marketing', 'email=bob@leadco.example,nobody2@leadco.example')).status).toBe(200);
      const [entry] = await server.store.db
        .select()
        .from(scopeEntries)
        .where(and(eq(scopeEntries.userId, marketingId), eq(scopeEntries.contactId, bob.id)));
      expect(entry?.lookedUpAt?.toISOString()).toBe('2026-01-19T16:05:00.000Z');
      expect(await scopeOf(bob.id)).toEqual([userId(acme, 'rep'), userId(acme, 'rep2'), marketingId].sort());
      server.clock.set(MONDAY_1100_ET);
    });

    it('refuses 51 emails and a malformed one with 400 and the path', async () => {
      const many = Array.from({ length: 51 }, (_, i) => `p${i}@leadco.example`).join(',');
      const tooMany = await lookup('rep', `email=${many}`);
      expect(tooMany.status).toBe(400);
      expect((await tooMany.json()).error.issues).toEqual([{ path: 'email', message: 'at most 50 emails' }]);
      const bad = await lookup('rep', 'email=ok@leadco.example&email=not-an-email');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toEqual({
        code: 'bad_request',
        message: 'query is not valid: email.1: must be an email address',
        issues: [{ path: 'email.1', message: 'must be an email address' }],
      });
      expect((await lookup('rep', '')).status).toBe(400);
    });
  });

  describe('timeline', () => {
    let tim: Contact;
    // Newest first by (at, id, kind): the six items at 10:00 on the 12th sort by id in byte order ("xA" < "x_a"), and
    // items of different kinds that share an id sort stage, then attempt, then activity. Tim's creation on the 11th
    // is his first stage change.
    const EXPECTED = [
      'attempt z9',
      'stage x_e',
      'attempt x_e',
      'activity x_e',
      'activity x_d',
      'attempt x_c',
      'activity x_b',
      'attempt x_a',
      'activity xA',
      'stage created',
      'activity a1',
    ];
    const label = (page: TimelinePage) =>
      page.items.map((i) =>
        i.kind === 'activity' ? `activity ${i.activity.id}` : i.kind === 'attempt' ? `attempt ${i.attempt.id}` : `stage ${i.stageChange.id === 'x_e' ? 'x_e' : 'created'}`,
      );
    const timeline = (who: string, id: string, query = '', ws = acme) => server.api(token(ws, who), `/v1/contacts/${id}/timeline${query}`);

    beforeAll(async () => {
      server.clock.set('2026-01-11T15:00:00Z');
      tim = await createContact(acme, { email: 'tim@leadco.example', ownerId: userId(acme, 'rep'), stage: 'mql' });
      const same = '2026-01-12T10:00:00Z';
      const rep = userId(acme, 'rep');
      await insertActivity({ id: 'a1', contactId: tim.id, type: 'page_view', at: '2026-01-10T10:00:00Z' });
      for (const id of ['x_b', 'x_d', 'x_e', 'xA']) await insertActivity({ id, contactId: tim.id, type: 'email_open', at: same });
      for (const id of ['x_a', 'x_c', 'x_e']) await insertAttempt({ id, contactId: tim.id, at: same, userId: rep });
      await writeInWorkspace(server.store.db, acme.id, (tx) =>
        tx.insert(stageChanges).values({
          workspaceId: acme.id,
          id: 'x_e',
          contactId: tim.id,
          fromStage: 'mql',
          toStage: 'sql',
          at: new Date(same),
          actorKind: 'user',
          actorId: rep,
          mutationId: 'm-accept-tim',
        }),
      );
      await insertAttempt({ id: 'z9', contactId: tim.id, at: '2026-01-14T10:00:00Z', userId: rep });
    });

    it('carries stage changes with who made them, by name, and the creation as the first', async () => {
      const page = (await (await timeline('rep', tim.id)).json()) as TimelinePage;
      const stages = page.items.flatMap((i) => (i.kind === 'stage' ? [i.stageChange] : []));
      expect(stages).toEqual([
        {
          id: 'x_e',
          contactId: tim.id,
          from: 'mql',
          to: 'sql',
          at: '2026-01-12T10:00:00.000Z',
          actor: { kind: 'user', userId: userId(acme, 'rep'), name: 'Acme rep', rule: null },
          reason: null,
          reasonCode: null,
          outcome: null,
          dealValue: null,
          mutationId: 'm-accept-tim',
          reconstructed: false,
          undoes: null,
          version: expect.any(Number),
        },
        {
          id: expect.stringMatching(/^sc_/),
          contactId: tim.id,
          from: null,
          to: 'mql',
          at: '2026-01-11T15:00:00.000Z',
          actor: { kind: 'user', userId: userId(acme, 'manager'), name: 'Acme manager', rule: null },
          reason: null,
          reasonCode: null,
          outcome: null,
          dealValue: null,
          mutationId: null,
          reconstructed: false,
          undoes: null,
          version: expect.any(Number),
        },
      ]);
      expect(TimelinePage.parse(page)).toEqual(page);
    });

    it('gives everything newest first in one page by default', async () => {
      const res = await timeline('rep2', tim.id);
      expect(res.status).toBe(200);
      const page = (await res.json()) as TimelinePage;
      expect(label(page)).toEqual(EXPECTED);
      expect(page.more).toBe(false);
      expect(page.next).toBeNull();
      expect(page.items[0]).toMatchObject({
        kind: 'attempt',
        attempt: { id: 'z9', contactId: tim.id, channel: 'call', at: '2026-01-14T10:00:00.000Z' },
      });
    });

    it.each([1, 2, 3, 4])('pages through items sharing an instant, limit %i, losing and repeating none', async (limit) => {
      const seen: string[] = [];
      let query = `?limit=${limit}`;
      for (let pages = 0; pages < 20; pages++) {
        const res = await timeline('rep', tim.id, query);
        expect(res.status).toBe(200);
        const page = (await res.json()) as TimelinePage;
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...label(page));
        if (!page.more) {
          expect(page.next).toBeNull();
          break;
        }
        query = `?limit=${limit}&before=${page.next}`;
      }
      expect(seen).toEqual(EXPECTED);
    });

    it('answers another workspace’s contact exactly like an unknown one: 404', async () => {
      const other = await timeline('manager', tim.id, '', globex);
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ error: { code: 'not_found', message: `contact ${tim.id} not found` } });
      const unknown = await timeline('manager', 'c_nope');
      expect(unknown.status).toBe(404);
      // Not even shaped like an id (a NUL the database would refuse): still just unknown.
      expect((await timeline('manager', '%00')).status).toBe(404);
      expect((await patch('manager', 'c%00x', { title: 'x' })).status).toBe(404);
    });

    it.each([
      ['?limit=0', 'limit', 'limit must be at least 1'],
      ['?limit=201', 'limit', 'limit must be at most 200'],
      ['?before=not!a!cursor', 'before', 'must be the `next` cursor of an earlier page'],
      ['?before=bm9wZQ', 'before', 'must be the `next` cursor of an earlier page'],
    ])('refuses %s with 400 on %s', async (query, path, message) => {
      const res = await timeline('rep', tim.id, query);
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual([{ path, message }]);
    });
  });

  describe('create', () => {
    beforeAll(() => server.clock.set('2026-01-20T15:00:00Z'));

    it('lets marketing create an unassigned lead with the defaults, and refuses a rep with 403', async () => {
      const res = await create(acme, 'marketing', { email: '  Carol@LeadCo.Example ', name: 'Carol', company: 'LeadCo' });
      expect(res.status).toBe(201);
      const carol = (await res.json()) as Contact;
      expect(carol).toMatchObject({
        email: 'carol@leadco.example',
        name: 'Carol',
        company: 'LeadCo',
        title: null,
        stage: 'lead',
        leadType: null,
        source: 'manual',
        ownerId: null,
        assignedAt: null,
        pauses: [],
        optedOut: false,
        createdAt: '2026-01-20T15:00:00.000Z',
      });
      expect(carol.id).toMatch(/^c_/);
      const rep = await create(acme, 'rep', { email: 'dave@leadco.example' });
      expect(rep.status).toBe(403);
      expect((await rep.json()).error.message).toBe('only manager, marketing, admin may do this; you are rep');
    });

    it('assigns an owner at once: the SLA clock starts and the owner’s scope holds the contact', async () => {
      const details = { ownerId: userId(acme, 'rep2'), stage: 'mql', leadType: 'trial', source: 'event' };
      const res = await create(acme, 'admin', { email: 'erin@leadco.example', ...details });
      expect(res.status).toBe(201);
      const erin = (await res.json()) as Contact;
      expect(erin).toMatchObject({ ...details, assignedAt: '2026-01-20T15:00:00.000Z' });
      expect(await scopeOf(erin.id)).toEqual([userId(acme, 'rep2')]);
    });

    it('answers a duplicate address with 409 naming the existing contact', async () => {
      const first = await createContact(acme, { email: 'fay@leadco.example' });
      const res = await create(acme, 'marketing', { email: 'FAY@leadco.example', name: 'Fay again' });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: { code: 'conflict', message: `fay@leadco.example is already a contact in this workspace (${first.id})`, contactId: first.id },
      });
      // The same address in another workspace is another contact.
      expect((await create(globex, 'manager', { email: 'fay@leadco.example' })).status).toBe(201);
    });

    it.each([
      ['an unknown field', { email: 'g@leadco.example', favouriteColour: 'blue' }, '', 'Unrecognized key: "favouriteColour"'],
      ['a huge name', { email: 'g@leadco.example', name: 'x'.repeat(100_000) }, 'name', 'must be at most 200 characters'],
      ['no email', { name: 'Gus' }, 'email', 'Invalid input: expected string, received undefined'],
      [
        'a stage that needs a reason',
        { email: 'g@leadco.example', stage: 'recycled' },
        'stage',
        'must be one of visitor, lead, mql, sql, opportunity, customer',
      ],
      ['a bad country', { email: 'g@leadco.example', country: 'usa' }, 'country', 'must be an ISO 3166 country code such as US'],
      ['a NUL, which the database cannot store', { email: 'g@leadco.example', company: 'Ac\u0000me' }, 'company', 'must not contain the NUL character'],
      ['a company size past the column', { email: 'g@leadco.example', companySize: 3_000_000_000 }, 'companySize', 'must be at most 10000000'],
    ])('refuses %s with 400 and the path', async (_what, json, path, message) => {
      const res = await create(acme, 'manager', json);
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('bad_request');
      expect(error.issues).toEqual([{ path, message }]);
    });

    it.each([
      ['marketing, who does not work leads', (ws: TestWorkspace) => userId(ws, 'marketing')],
      ['another workspace’s rep', () => userId(globex, 'rep')],
      ['nobody', () => 'u_nobody'],
    ])('refuses an owner who is %s with 400 on ownerId', async (_what, owner) => {
      const ownerId = owner(acme);
      const res = await create(acme, 'manager', { email: 'hal@leadco.example', ownerId });
      expect(res.status).toBe(400);
      const message = `${ownerId} is not an active rep or manager of this workspace`;
      expect((await res.json()).error).toEqual({
        code: 'bad_request',
        message: `request body is not valid: ownerId: ${message}`,
        issues: [{ path: 'ownerId', message }],
      });
      const [stored] = await server.store.db.select().from(contacts).where(eq(contacts.email, 'hal@leadco.example'));
      expect(stored).toBeUndefined();
    });

    it('refuses a disabled rep as owner', async () => {
      const [extra] = await server.store.db
        .insert(users)
        .values({ id: 'u_gone', workspaceId: acme.id, email: 'gone@acme.example', name: 'Gone', role: 'rep', disabled: true })
        .returning();
      const created = await create(acme, 'manager', { email: 'ivy@leadco.example', ownerId: extra!.id });
      expect(created.status).toBe(400);
    });
  });

  describe('patch', () => {
    let jay: Contact;
    beforeAll(async () => {
      server.clock.set('2026-01-21T15:00:00Z');
      jay = await createContact(acme, { email: 'jay@leadco.example', ownerId: userId(acme, 'rep') });
    });

    it('lets a manager reassign: owner and assignment time change, scope rows move', async () => {
      server.clock.set('2026-01-21T16:00:00Z');
      const res = await patch('manager', jay.id, { ownerId: userId(acme, 'rep2') });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: jay.id, ownerId: userId(acme, 'rep2'), assignedAt: '2026-01-21T16:00:00.000Z' });
      const [row] = await server.store.db.select().from(contacts).where(eq(contacts.id, jay.id));
      expect(row?.ownerId).toBe(userId(acme, 'rep2'));
      expect(row?.assignedAt?.toISOString()).toBe('2026-01-21T16:00:00.000Z');
      expect(await scopeOf(jay.id)).toEqual([userId(acme, 'rep2')]);
      const exits = await server.store.db.select().from(scopeExits).where(eq(scopeExits.objectId, jay.id));
      expect(exits.map((e) => e.userId)).toEqual([userId(acme, 'rep')]);
      // Back to the first rep, then unassigned: null takes it out of every owner's scope.
      expect((await patch('admin', jay.id, { ownerId: userId(acme, 'rep') })).status).toBe(200);
      const none = await patch('manager', jay.id, { ownerId: null });
      expect(await none.json()).toMatchObject({ ownerId: null, assignedAt: null });
      expect(await scopeOf(jay.id)).toEqual([]);
      expect((await patch('manager', jay.id, { ownerId: userId(acme, 'rep') })).status).toBe(200);
    });

    it('refuses a rep or marketing reassigning with 403 and changes nothing', async () => {
      const rep = await patch('rep', jay.id, { ownerId: userId(acme, 'rep2') });
      expect(rep.status).toBe(403);
      expect((await rep.json()).error.message).toBe(`a rep may not change ownerId of contact ${jay.id}`);
      const marketing = await patch('marketing', jay.id, { ownerId: userId(acme, 'rep2'), title: 'CTO' });
      expect(marketing.status).toBe(403);
      expect((await marketing.json()).error.message).toBe(`a marketing may not change ownerId of contact ${jay.id}`);
      const [row] = await server.store.db.select().from(contacts).where(eq(contacts.id, jay.id));
      expect(row).toMatchObject({ ownerId: userId(acme, 'rep'), title: null });
    });

    it('lets the owning rep pause their contact, and not rep2', async () => {
      const pauses = [{ from: '2026-01-22T00:00:00Z', to: '2026-01-29T00:00:00Z', reason: 'travelling' }];
      const own = await patch('rep', jay.id, { pauses });
      expect(own.status).toBe(200);
      expect((await own.json()).pauses).toEqual(pauses);
      const other = await patch('rep2', jay.id, { pauses: [] });
      expect(other.status).toBe(403);
      expect((await other.json()).error.message).toBe(`a rep may not change pauses of contact ${jay.id}`);
      const profile = await patch('rep', jay.id, { title: 'CEO' });
      expect(profile.status).toBe(403);
    });

    it('refuses a pause that ends before it starts with 400 and its path', async () => {
      const pauses = [
        { from: '2026-01-22T00:00:00Z', reason: 'open-ended' },
        { from: '2026-02-02T00:00:00Z', to: '2026-02-01T00:00:00Z', reason: 'trip' },
      ];
      const res = await patch('rep', jay.id, { pauses });
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual([{ path: 'pauses.1.to', message: 'a pause must end after it starts' }]);
    });

    it('lets marketing change the profile and the opt-out, and a manager clear a field', async () => {
      server.clock.set('2026-01-21T17:00:00Z');
      const res = await patch('marketing', jay.id, { title: 'Head of Ops', seniority: 'director', companySize: 80, optedOut: true });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        title: 'Head of Ops',
        seniority: 'director',
        companySize: 80,
        optedOut: true,
        updatedAt: '2026-01-21T17:00:00.000Z',
      });
      const cleared = await patch('manager', jay.id, { title: null });
      expect(await cleared.json()).toMatchObject({ title: null, seniority: 'director', optedOut: true });
    });

    it.each([
      ['an unknown field', { nickname: 'J' }, '', 'Unrecognized key: "nickname"'],
      ['nothing to change', {}, '', 'give at least one field to change'],
      [
        'a NUL in a pause reason',
        { pauses: [{ from: '2026-01-22T00:00:00Z', reason: 'trip\u0000' }] },
        'pauses.0.reason',
        'must not contain the NUL character',
      ],
      ['51 pauses', { pauses: Array.from({ length: 51 }, () => ({ from: '2026-01-22T00:00:00Z', reason: 'x' })) }, 'pauses', 'at most 50 pauses'],
    ])('refuses %s with 400', async (_what, json, path, message) => {
      const res = await patch('manager', jay.id, json);
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual([{ path, message }]);
    });

    it('answers 404 for an unknown or another workspace’s contact, and 400 for a bad owner', async () => {
      expect((await patch('manager', 'c_nope', { title: 'x' })).status).toBe(404);
      const other = await server.api(token(globex, 'manager'), `/v1/contacts/${jay.id}`, { method: 'PATCH', json: { title: 'x' } });
      expect(other.status).toBe(404);
      const bad = await patch('manager', jay.id, { ownerId: userId(acme, 'marketing') });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.issues[0].path).toBe('ownerId');
    });
  });

  describe('delete', () => {
    it('refuses a rep, then a manager deletes: lookup no longer knows it and its timeline is gone', async () => {
      server.clock.set('2026-01-22T15:00:00Z');
      const kim = await createContact(acme, { email: 'kim@leadco.example', ownerId: userId(acme, 'rep') });
      await insertActivity({ id: 'kim_v1', contactId: kim.id, type: 'page_view', at: '2026-01-22T14:00:00Z', url: 'https://www.leadco.example/' });
      expect((await lookup('rep2', 'email=kim@leadco.example')).status).toBe(200);
      expect(await scopeOf(kim.id)).toEqual([userId(acme, 'rep'), userId(acme, 'rep2')].sort());

      const byRep = await server.api(token(acme, 'rep'), `/v1/contacts/${kim.id}`, { method: 'DELETE' });
      expect(byRep.status).toBe(403);
      const byOther = await server.api(token(globex, 'manager'), `/v1/contacts/${kim.id}`, { method: 'DELETE' });
      expect(byOther.status).toBe(404);

      const res = await server.api(token(acme, 'manager'), `/v1/contacts/${kim.id}`, { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      expect(await (await lookup('rep', 'email=kim@leadco.example')).json()).toEqual({ contacts: [], unknown: ['kim@leadco.example'] });
      expect((await server.api(token(acme, 'rep'), `/v1/contacts/${kim.id}/timeline`)).status).toBe(404);
      expect(await scopeOf(kim.id)).toEqual([]);
      expect((await server.api(token(acme, 'manager'), `/v1/contacts/${kim.id}`, { method: 'DELETE' })).status).toBe(404);
    });

    it('adding a deleted address again revives that contact with the new details', async () => {
      server.clock.set('2026-01-23T15:00:00Z');
      const lee = await createContact(acme, { email: 'lee@leadco.example', name: 'Lee', title: 'CFO' });
      await patch('manager', lee.id, { optedOut: true });
      expect((await server.api(token(acme, 'admin'), `/v1/contacts/${lee.id}`, { method: 'DELETE' })).status).toBe(204);
      const again = await createContact(acme, { email: 'lee@leadco.example', name: 'Lee Again', ownerId: userId(acme, 'rep2') });
      expect(again).toMatchObject({
        id: lee.id,
        name: 'Lee Again',
        title: null,
        ownerId: userId(acme, 'rep2'),
        assignedAt: '2026-01-23T15:00:00.000Z',
        optedOut: true,
      });
      expect(await scopeOf(lee.id)).toEqual([userId(acme, 'rep2')]);
    });
  });
});
