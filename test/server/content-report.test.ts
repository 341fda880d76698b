import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentReport, type ContentPerformance } from '../../lib/core/model/closed-loop';
import type { LifecycleStage, TrustLabel } from '../../lib/core/model/vocabulary';
import { recountAssists } from '../../server/domain/closed-loop/assists';
import { insertContact } from '../../server/domain/contacts/create';
import { recordStageChange } from '../../server/domain/contacts/stage-history';
import { writeInWorkspace } from '../../server/store/db';
import { activities, attempts, contacts, content } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// GET /v1/reports/content over real HTTP, on a hand-built history. Period: 1 Mar 00:00Z up to 15 Mar 00:00Z; now 20
// Mar; the assist window is the default 180 days. Library: guide, case, pricing, old (archived), gone (deleted).
//
// | who | stages                                          | in the period (stage then)                                          |
// |-----|-------------------------------------------------|---------------------------------------------------------------------|
// | ana | lead 02-20, mql 03-05                           | sent guide 03-03 (lead); sent guide + case 03-06 (mql); clicked guide 03-03 (lead, human, with its download); viewed case 03-07 (mql) |
// | ben | mql 02-20, sql 03-02, opp 03-04, won 03-10      | read guide 03-03 (sql); machine click on case 03-08 (never counts); viewed pricing 03-12 (customer); before: pricing 01-15 |
// | cy  | opp 02-01, won 02-25 (before the period)        | viewed the guide's page with a campaign query 03-09 (customer); an undone attempt naming case; before: guide 02-20 |
// | dee | lead 02-20                                      | proxy click on case at exactly 03-01 00:00 (lead); out: pricing viewed 02-28 23:59, attempt at exactly 03-15 00:00 |
// | del | lead, deleted                                   | sent guide 03-04: not counted                                       |
//
// guide: sent {ana}, clicked {ana}, viewed {ana, ben, cy}; by stage lead 1/1/1, mql 1/0/0, sql 0/0/1, customer 0/0/1.
// case: sent {ana}, clicked {dee}, viewed {ana, dee}; lead 0/1/1, mql 1/0/1. pricing: viewed {ben} as a customer.
// Won in the period: ben only, who read pricing (01-15) and guide (03-03) before his win: both assisted by ben.
// Assists over every customer (the library's count): guide 2 (ben, cy), pricing 1 (ben), case 0.
// Order: most assisted (guide and pricing, 1 each; guide viewed more), then case (viewed 2), then old.

const NOW = '2026-03-20T12:00:00.000Z';
const PERIOD = 'from=2026-03-01T00:00:00.000Z&to=2026-03-15T00:00:00.000Z';
const SITE = 'https://acme-site.example';

describe.each(STORE_KINDS)('the content report on %s', (kind) => {
  const server = serverForSuite(kind, { now: NOW });
  let acme: TestWorkspace;
  let globex: TestWorkspace;

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    const ws = acme;
    await writeInWorkspace(server.store.db, ws.id, async (tx) => {
      const item = (id: string, title: string, extra: Partial<typeof content.$inferInsert> = {}) =>
        tx.insert(content).values({ id, workspaceId: ws.id, title, url: `${SITE}/${id}`, kind: 'article', journeyStage: 'consideration', updatedAt: new Date(NOW), ...extra });
      await item('guide', 'The guide');
      await item('case', 'A case study', { kind: 'case_study', journeyStage: 'decision' });
      await item('pricing', 'Pricing', { kind: 'pricing', journeyStage: 'decision' });
      await item('old', 'An old piece', { archived: true });
      await item('gone', 'A deleted piece', { deletedAt: new Date(NOW) });

      const person = async (id: string, start: LifecycleStage, at: string, moves: [LifecycleStage, string][] = []) => {
        await insertContact(tx, ws.id, { id, email: `${id}@buyer.example`, name: id, stage: start, ownerId: ws.users.rep!.id }, new Date(at), { kind: 'system' });
        let from = start;
        for (const [to, when] of moves) {
          await tx.update(contacts).set({ stage: to }).where(eq(contacts.id, id));
          await recordStageChange(tx, { workspaceId: ws.id, contactId: id, from, to, at: new Date(when), by: { kind: 'user', userId: ws.users.rep!.id } });
          from = to;
        }
      };
      let n = 0;
      const read = (contactId: string, type: 'page_view' | 'content_download' | 'email_click', at: string, target: { contentId?: string; url?: string }, trust: TrustLabel = 'human') =>
        tx.insert(activities).values({ id: `act${++n}`, workspaceId: ws.id, contactId, type, at: new Date(at), url: target.url ?? null, contentId: target.contentId ?? null, trustLabel: trust, trustReason: 'test' });
      const send = (contactId: string, at: string, contentIds: string[], undone = false) =>
        tx.insert(attempts).values({ id: `att${++n}`, workspaceId: ws.id, contactId, userId: ws.users.rep!.id, channel: 'email', outcome: 'sent', contentIds, at: new Date(at), undoneAt: undone ? new Date(at) : null });

      await person('ana', 'lead', '2026-02-20T10:00:00Z', [['mql', '2026-03-05T10:00:00Z']]);
      await send('ana', '2026-03-03T14:00:00Z', ['guide']);
      await send('ana', '2026-03-06T14:00:00Z', ['guide', 'case']);
      await read('ana', 'email_click', '2026-03-03T15:00:00Z', { contentId: 'guide', url: `${SITE}/guide` });
      await read('ana', 'content_download', '2026-03-03T15:00:00Z', { contentId: 'guide', url: `${SITE}/guide` });
      await read('ana', 'page_view', '2026-03-07T15:00:00Z', { url: `${SITE}/case` });

      await person('ben', 'mql', '2026-02-20T10:00:00Z', [
        ['sql', '2026-03-02T10:00:00Z'],
        ['opportunity', '2026-03-04T10:00:00Z'],
      ]);
      await read('ben', 'page_view', '2026-01-15T10:00:00Z', { url: `${SITE}/pricing` });
      await read('ben', 'content_download', '2026-03-03T10:00:00Z', { contentId: 'guide', url: `${SITE}/guide` });
      await read('ben', 'email_click', '2026-03-08T10:00:00Z', { contentId: 'case', url: `${SITE}/case` }, 'machine');
      await read('ben', 'page_view', '2026-03-12T10:00:00Z', { url: `${SITE}/pricing` });

      await person('cy', 'opportunity', '2026-02-01T10:00:00Z');
      await read('cy', 'page_view', '2026-02-20T10:00:00Z', { url: `${SITE}/guide` });
      await read('cy', 'page_view', '2026-03-09T10:00:00Z', { url: `${SITE}/guide?utm_source=newsletter` });
      await send('cy', '2026-03-02T10:00:00Z', ['case'], true);

      await person('dee', 'lead', '2026-02-20T10:00:00Z');
      await read('dee', 'email_click', '2026-03-01T00:00:00Z', { contentId: 'case', url: `${SITE}/case` }, 'proxy');
      await read('dee', 'page_view', '2026-02-28T23:59:00Z', { url: `${SITE}/pricing` });
      await send('dee', '2026-03-15T00:00:00Z', ['pricing']);

      await person('del', 'lead', '2026-02-20T10:00:00Z');
      await send('del', '2026-03-04T10:00:00Z', ['guide']);
      await tx.update(contacts).set({ deletedAt: new Date(NOW) }).where(eq(contacts.id, 'del'));

      // The wins last, so each records after the reading it is counted from.
      for (const [id, from, at] of [
        ['ben', 'opportunity', '2026-03-10T10:00:00Z'],
        ['cy', 'opportunity', '2026-02-25T10:00:00Z'],
      ] as const) {
        await tx.update(contacts).set({ stage: 'customer' }).where(eq(contacts.id, id));
        await recordStageChange(tx, { workspaceId: ws.id, contactId: id, from, to: 'customer', at: new Date(at), by: { kind: 'user', userId: ws.users.rep!.id } });
      }
      await recountAssists(tx, ws.id);
    });
    await writeInWorkspace(server.store.db, globex.id, async (tx) => {
      await tx.insert(content).values({ id: 'gx_guide', workspaceId: globex.id, title: 'Globex guide', url: 'https://globex.example/guide', kind: 'article', journeyStage: 'awareness', updatedAt: new Date(NOW) });
      await insertContact(tx, globex.id, { id: 'gx_zed', email: 'zed@buyer.example', name: 'zed', stage: 'lead' }, new Date('2026-02-20T10:00:00Z'), { kind: 'system' });
      await tx.insert(attempts).values({ id: 'gx_att', workspaceId: globex.id, contactId: 'gx_zed', userId: globex.users.rep!.id, channel: 'email', contentIds: ['gx_guide'], at: new Date('2026-03-04T10:00:00Z') });
    });
  }, 60_000);

  const report = async (token = acme.users.marketing!.token) => {
    const res = await server.api(token, `/v1/reports/content?${PERIOD}`);
    expect(res.status).toBe(200);
    return ContentReport.parse(await res.json());
  };
  const ben = { contactId: 'ben', name: 'ben', email: 'ben@buyer.example', wonAt: '2026-03-10T10:00:00.000Z' };

  it('counts each item sent, clicked and viewed by the stage the person was in, and the customers it assisted', async () => {
    const body = await report();
    expect(body.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-15T00:00:00.000Z', days: 14 });
    expect(body.assistWindowDays).toBe(180);
    expect(body.items.map((i) => i.contentId)).toEqual(['guide', 'pricing', 'case', 'old']);
    const [guide, pricing, caseStudy, old] = body.items as [ContentPerformance, ContentPerformance, ContentPerformance, ContentPerformance];
    expect(guide).toEqual({
      contentId: 'guide',
      title: 'The guide',
      url: `${SITE}/guide`,
      kind: 'article',
      journeyStage: 'consideration',
      archived: false,
      assists: 2,
      total: { sent: 1, clicked: 1, viewed: 3 },
      byStage: [
        { stage: 'lead', sent: 1, clicked: 1, viewed: 1 },
        { stage: 'mql', sent: 1, clicked: 0, viewed: 0 },
        { stage: 'sql', sent: 0, clicked: 0, viewed: 1 },
        { stage: 'customer', sent: 0, clicked: 0, viewed: 1 },
      ],
      assisted: { customers: 1, contacts: [ben] },
    });
    expect(pricing).toMatchObject({ assists: 1, total: { sent: 0, clicked: 0, viewed: 1 }, byStage: [{ stage: 'customer', sent: 0, clicked: 0, viewed: 1 }], assisted: { customers: 1, contacts: [ben] } });
    expect(caseStudy).toMatchObject({
      kind: 'case_study',
      assists: 0,
      total: { sent: 1, clicked: 1, viewed: 2 },
      byStage: [
        { stage: 'lead', sent: 0, clicked: 1, viewed: 1 },
        { stage: 'mql', sent: 1, clicked: 0, viewed: 1 },
      ],
      assisted: { customers: 0, contacts: [] },
    });
    expect(old).toMatchObject({ archived: true, assists: 0, total: { sent: 0, clicked: 0, viewed: 0 }, byStage: [], assisted: { customers: 0, contacts: [] } });
  });

  it('a period without the win leaves assisted empty while the library count stays', async () => {
    const res = await server.api(acme.users.manager!.token, '/v1/reports/content?from=2026-03-11T00:00:00.000Z&to=2026-03-15T00:00:00.000Z');
    const body = ContentReport.parse(await res.json());
    const guide = body.items.find((i) => i.contentId === 'guide')!;
    expect(guide).toMatchObject({ assists: 2, total: { sent: 0, clicked: 0, viewed: 0 }, assisted: { customers: 0, contacts: [] } });
    expect(body.items.find((i) => i.contentId === 'pricing')!.byStage).toEqual([{ stage: 'customer', sent: 0, clicked: 0, viewed: 1 }]);
  });

  it('refuses a bad period or an unknown parameter with a 400 naming it', async () => {
    const cases: [string, { path: string; message: string }][] = [
      ['from=2026-03-15T00:00:00Z&to=2026-03-01T00:00:00Z', { path: 'from', message: 'from must be before to' }],
      ['from=2026-01-01T00:00:00Z&to=2027-03-01T00:00:00Z', { path: 'to', message: 'a report covers at most 400 days' }],
      [`${PERIOD}&stage=mql`, { path: '', message: 'Unrecognized key: "stage"' }],
    ];
    for (const [query, issue] of cases) {
      const res = await server.api(acme.users.marketing!.token, `/v1/reports/content?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.issues).toEqual([issue]);
    }
    const badInstant = await server.api(acme.users.marketing!.token, '/v1/reports/content?from=yesterday');
    expect(badInstant.status).toBe(400);
    expect((await badInstant.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(['from']);
  });

  it('is for managers, marketers and admins; a rep is refused; no token is 401; each workspace sees its own library', async () => {
    expect((await server.api(acme.users.rep!.token, `/v1/reports/content?${PERIOD}`)).status).toBe(403);
    expect((await server.api(null, `/v1/reports/content?${PERIOD}`)).status).toBe(401);
    expect((await report(acme.users.admin!.token)).items).toHaveLength(4);
    const theirs = await report(globex.users.manager!.token);
    expect(theirs.items.map((i) => [i.contentId, i.total])).toEqual([['gx_guide', { sent: 1, clicked: 0, viewed: 0 }]]);
  });
});
