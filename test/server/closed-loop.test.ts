import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourcesReport } from '../../lib/core/model/closed-loop';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { content } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';
import { LOOP_LIBRARY, buildLoopHistory, type LoopHistory } from './support/closed-loop-history';

const MARCH = 'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z';

describe.each(STORE_KINDS)('the closed loop on %s', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-05T15:00:00Z' });
  let loop: TestWorkspace;
  let other: TestWorkspace;
  let history: LoopHistory;

  beforeAll(async () => {
    loop = await makeWorkspace(server, 'Loop');
    other = await makeWorkspace(server, 'Other');
    history = await buildLoopHistory(server, loop);
  }, 120_000);

  const settingsOf = async (ws: TestWorkspace) => (await (await server.api(ws.users.admin!.token, '/v1/settings')).json()) as WorkspaceSettings;
  const putWindow = (who: string, days: unknown) =>
    settingsOf(loop).then((s) => server.api(loop.users[who]!.token, '/v1/settings', { method: 'PUT', json: { ...s, attribution: { assistWindowDays: days } } }));

  describe('content assists', () => {
    it('start at 0 for a new library', async () => {
      expect(await history.assists()).toEqual({ guide: 0, case: 0, pricing: 0, webinar: 0 });
    });

    it('count finn\'s pricing view when finn is won', async () => {
      const before = await history.versions();
      await history.playUntil('2026-03-03T15:00:00Z');
      expect(await history.assists()).toEqual({ guide: 0, case: 0, pricing: 1, webinar: 0 });
      // Only the changed row takes a new version, so caches download just that item again.
      const after = await history.versions();
      expect(after.pricing).toBeGreaterThan(before.pricing);
      expect({ ...after, pricing: 0 }).toEqual({ ...before, pricing: 0 });
    });

    it('count cleo\'s case study when cleo is won, and take it back when the manager undoes the win', async () => {
      await history.playUntil('2026-03-15T15:00:00Z');
      expect(await history.assists()).toEqual({ guide: 0, case: 1, pricing: 1, webinar: 0 });
      await history.playUntil('2026-03-16T15:00:00Z');
      expect(await history.assists()).toEqual({ guide: 0, case: 0, pricing: 1, webinar: 0 });
    });

    it('count what ana and ben read before their wins: human and proxy, within 180 days, never machine activity', async () => {
      await history.playUntil('2026-03-22T15:00:00Z');
      // guide: ana's download (ben's was a machine); case: ben's proxy click (cleo's win was undone); pricing: finn and
      // ana (a campaign link to the page); webinar: ana read it after her win, ben 233 days before his.
      expect(await history.assists()).toEqual({ guide: 1, case: 1, pricing: 2, webinar: 0 });
    });

    it('are counted again when marketing changes the window, and the window is validated', async () => {
      server.clock.set('2026-04-10T15:00:00Z');
      const wider = await putWindow('marketing', 365);
      expect(wider.status).toBe(200);
      expect(await history.assists()).toEqual({ guide: 1, case: 1, pricing: 2, webinar: 1 });

      for (const [days, message] of [
        [0, 'must be at least 1 day'],
        [731, 'must be at most 730 days'],
        [1.5, 'must be a whole number of days'],
      ] as const) {
        const res = await putWindow('marketing', days);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
        expect(body.error.issues).toEqual([{ path: 'attribution.assistWindowDays', message }]);
      }
      // A manager does not own the window.
      const byManager = await putWindow('manager', 90);
      expect(byManager.status).toBe(403);
      expect(await history.assists()).toEqual({ guide: 1, case: 1, pricing: 2, webinar: 1 });

      expect((await putWindow('admin', 180)).status).toBe(200);
      expect(await history.assists()).toEqual({ guide: 1, case: 1, pricing: 2, webinar: 0 });
    });

    it('cannot be written by a client: create and replace refuse the field, saying why, and change nothing', async () => {
      const message = 'assists are counted by the server from what customers read before they were won; leave this field out';
      const post = await server.api(loop.users.marketing!.token, '/v1/content', { method: 'POST', json: { ...LOOP_LIBRARY.guide, title: 'Copy', assists: 40 } });
      expect(post.status).toBe(400);
      expect(((await post.json()) as { error: { issues: unknown } }).error.issues).toEqual([{ path: 'assists', message }]);
      const put = await server.api(loop.users.marketing!.token, `/v1/content/${history.contentIds.case}`, { method: 'PUT', json: { ...LOOP_LIBRARY.case, assists: 40 } });
      expect(put.status).toBe(400);
      expect(((await put.json()) as { error: { issues: unknown } }).error.issues).toEqual([{ path: 'assists', message }]);
      expect(await history.assists()).toEqual({ guide: 1, case: 1, pricing: 2, webinar: 0 });
    });

    it('follow an item to a new URL, and count a new item from readings recorded before it existed', async () => {
      // The pricing item moves to the webinar's page: finn and ana read pricing, nobody counted read the webinar page.
      const put = await server.api(loop.users.marketing!.token, `/v1/content/${history.contentIds.pricing}`, { method: 'PUT', json: { ...LOOP_LIBRARY.pricing, url: LOOP_LIBRARY.webinar.url } });
      expect(put.status).toBe(200);
      expect(((await put.json()) as { assists: number }).assists).toBe(0);
      const back = await server.api(loop.users.marketing!.token, `/v1/content/${history.contentIds.pricing}`, { method: 'PUT', json: LOOP_LIBRARY.pricing });
      expect(((await back.json()) as { assists: number }).assists).toBe(2);
      // A second item on the pricing page: the two customers viewed it before their wins.
      const post = await server.api(loop.users.marketing!.token, '/v1/content', { method: 'POST', json: { ...LOOP_LIBRARY.pricing, title: 'Pricing (new)', url: 'https://loop.example/pricing/' } });
      expect(post.status).toBe(201);
      const created = (await post.json()) as { id: string; assists: number };
      expect(created.assists).toBe(2);
      await server.api(loop.users.marketing!.token, `/v1/content/${created.id}`, { method: 'DELETE' });
    });

    it('stay with their own workspace', async () => {
      const rows = await server.store.db.select({ assists: content.assists }).from(content).where(and(eq(content.workspaceId, other.id)));
      expect(rows).toEqual([]);
    });
  });

  describe('GET /v1/reports/sources', () => {
    beforeAll(() => history.playUntil('2026-04-10T00:00:00Z'));

    it('attributes March\'s new leads to their sources, followed to where they are now', async () => {
      server.clock.set('2026-04-10T15:00:00Z');
      const res = await server.api(loop.users.marketing!.token, `/v1/reports/sources?${MARCH}`);
      expect(res.status).toBe(200);
      const report = SourcesReport.parse(await res.json());
      const { contactIds: id, contentIds: ct } = history;
      expect(report.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', days: 31 });
      expect(report.basis).toBe('cohort');
      // finn became a lead in February: not in March's cohort (though won in March).
      expect(report.sources).toEqual([
        // dev reached sql (then recycled), eve mql (then disqualified).
        { source: 'paid_search', leads: 2, mqls: 2, sqls: 1, opportunities: 0, customers: 0, rates: { leadToMql: 1, mqlToSql: 0.5, sqlToOpportunity: 0, opportunityToCustomer: null } },
        // ana won; cleo's win was undone: an opportunity.
        { source: 'website', leads: 2, mqls: 2, sqls: 2, opportunities: 2, customers: 1, rates: { leadToMql: 1, mqlToSql: 1, sqlToOpportunity: 1, opportunityToCustomer: 0.5 } },
        // ben, created as an MQL, won.
        { source: 'event', leads: 1, mqls: 1, sqls: 1, opportunities: 1, customers: 1, rates: { leadToMql: 1, mqlToSql: 1, sqlToOpportunity: 1, opportunityToCustomer: 1 } },
        { source: 'referral', leads: 1, mqls: 0, sqls: 0, opportunities: 0, customers: 0, rates: { leadToMql: 0, mqlToSql: null, sqlToOpportunity: null, opportunityToCustomer: null } },
      ]);
      expect(report.total).toEqual({ source: null, leads: 6, mqls: 5, sqls: 4, opportunities: 3, customers: 2, rates: { leadToMql: 5 / 6, mqlToSql: 4 / 5, sqlToOpportunity: 3 / 4, opportunityToCustomer: 2 / 3 } });
      expect(report.contacts).toEqual([
        {
          contactId: id.ana, name: 'ana', email: 'ana@buyer.example', stage: 'customer', furthest: 'customer', source: 'website', leadType: 'content_download',
          becameLeadAt: '2026-03-02T10:00:00.000Z', mqlAt: '2026-03-06T15:00:00.000Z',
          lastContentBeforeMql: { contentId: ct.pricing, title: 'Pricing', at: '2026-03-05T16:00:00.000Z' },
        },
        {
          contactId: id.ben, name: 'ben', email: 'ben@buyer.example', stage: 'customer', furthest: 'customer', source: 'event', leadType: 'event',
          becameLeadAt: '2026-03-03T15:00:00.000Z', mqlAt: '2026-03-03T15:00:00.000Z',
          lastContentBeforeMql: { contentId: ct.webinar, title: 'Webinar: SLAs that stick', at: '2025-08-01T16:00:00.000Z' },
        },
        {
          contactId: id.cleo, name: 'cleo', email: 'cleo@buyer.example', stage: 'opportunity', furthest: 'opportunity', source: 'website', leadType: 'demo_request',
          becameLeadAt: '2026-03-04T15:00:00.000Z', mqlAt: '2026-03-06T15:30:00.000Z',
          lastContentBeforeMql: { contentId: ct.case, title: 'Case study: Fernhill', at: '2026-03-05T16:00:00.000Z' },
        },
        {
          contactId: id.dev, name: 'dev', email: 'dev@buyer.example', stage: 'recycled', furthest: 'sql', source: 'paid_search', leadType: 'trial',
          becameLeadAt: '2026-03-05T15:00:00.000Z', mqlAt: '2026-03-07T15:30:00.000Z',
          lastContentBeforeMql: { contentId: ct.guide, title: 'The Lead Response Guide', at: '2026-03-06T16:00:00.000Z' },
        },
      ]);
    });

    it('puts a lead that arrived exactly at `from` in, and one exactly at `to` out', async () => {
      const atAna = await server.api(loop.users.manager!.token, '/v1/reports/sources?from=2026-03-02T10:00:00Z&to=2026-03-03T15:00:00Z');
      const body = SourcesReport.parse(await atAna.json());
      expect(body.total.leads).toBe(1);
      expect(body.contacts.map((c) => c.name)).toEqual(['ana']);
    });

    it('answers the roles that read reports, refuses reps, and shows another workspace nothing of this one', async () => {
      for (const who of ['manager', 'marketing', 'admin']) expect((await server.api(loop.users[who]!.token, `/v1/reports/sources?${MARCH}`)).status).toBe(200);
      const rep = await server.api(loop.users.rep!.token, `/v1/reports/sources?${MARCH}`);
      expect(rep.status).toBe(403);
      expect(await rep.json()).toEqual({ error: { code: 'forbidden', message: 'only manager, marketing, admin may do this; you are rep' } });
      expect((await server.api(null, `/v1/reports/sources?${MARCH}`)).status).toBe(401);
      const elsewhere = SourcesReport.parse(await (await server.api(other.users.manager!.token, `/v1/reports/sources?${MARCH}`)).json());
      expect(elsewhere.sources).toEqual([]);
      expect(elsewhere.contacts).toEqual([]);
      expect(elsewhere.total.leads).toBe(0);
    });

    it('refuses a bad period or an unknown parameter, naming it', async () => {
      const token = loop.users.manager!.token;
      const backwards = await server.api(token, '/v1/reports/sources?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z');
      expect(backwards.status).toBe(400);
      expect(((await backwards.json()) as { error: { issues: unknown } }).error.issues).toEqual([{ path: 'from', message: 'from must be before to' }]);
      const typo = await server.api(token, '/v1/reports/sources?form=2026-03-01T00:00:00Z');
      expect(typo.status).toBe(400);
      expect(((await typo.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['']);
      const notDate = await server.api(token, '/v1/reports/sources?from=march');
      expect(notDate.status).toBe(400);
      expect(((await notDate.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['from']);
    });
  });
});
