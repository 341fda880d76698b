import { beforeAll, describe, expect, it } from 'vitest';
import { FunnelReport, SLA_FIGURES, SlaLeadsPage, SlaReport, type MarketingFigures, type SalesFigures, type SlaFigure } from '../../lib/core/model/reports';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { buildClosedLoop, FROM, NOW, TO } from './closed-loop-fixture';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const PERIOD = `from=${FROM}&to=${TO}`;
const DAYS = 11.5;

describe.each(STORE_KINDS)('the closed loop in the reports on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const server = serverForSuite(kind, { now: NOW });

  const get = async (path: string, token = acme.users.manager!.token) => {
    const res = await server.api(token, path);
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };
  const sla = async () => SlaReport.parse(await get(`/v1/reports/sla?${PERIOD}`));
  const leads = async (query: string) => SlaLeadsPage.parse(await get(`/v1/reports/sla/leads?${PERIOD}&${query}`));

  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    await buildClosedLoop(server.store.db, acme);
    // Another workspace's MQL in the same period shows nowhere in Acme's figures.
    await writeInWorkspace(server.store.db, globex.id, (tx) =>
      insertContact(tx, globex.id, { id: 'g1', email: 'g1@buyer.example', stage: 'mql', ownerId: globex.users.rep!.id, source: 'website' }, new Date('2026-03-03T15:00:00Z'), { kind: 'import' }),
    );
  }, 60_000);

  describe('marketing’s side', () => {
    it('counts leads and MQLs delivered against the goal, and what sales made of them', async () => {
      const { marketing } = await sla();
      const goal = 100 * 2 * (DAYS / 30);
      // Delivered: jay (at `from` exactly), dana, eli, fay, gus, hal, ivy, rae, kim, max, ned; not ora (at `to`).
      // MQLs: dana, eli (entered as one), fay, gus, ivy, kim, lia; not pam (reconstructed), not ora.
      expect(marketing).toMatchObject({ delivered: 11, mqls: 7, goal, ratio: 11 / goal, mqlRatio: 7 / goal, mqlsPerRepPerMonth: 100, activeReps: 2 });
      expect(marketing.quality).toEqual({
        mqls: 7,
        accepted: 1,
        recycled: 2,
        disqualified: 1,
        pending: 3,
        acceptedShare: 1 / 7,
        recycledShare: 2 / 7,
        disqualifiedShare: 1 / 7,
        // "Not the buyer." and "not the  buyer" are one reason.
        reasons: { recycled: [{ code: null, text: 'not the buyer', count: 2 }], disqualified: [{ code: null, text: 'student', count: 1 }] },
      });
    });

    it('breaks them down by source and by lead type, most MQLs first, unrecorded last', async () => {
      const { marketing } = await sla();
      expect(marketing.bySource.map(({ key, delivered, mqls }) => ({ key, delivered, mqls }))).toEqual([
        // jay, dana, fay, hal, rae, kim delivered; dana, fay, kim, lia MQLs.
        { key: 'website', delivered: 6, mqls: 4 },
        { key: 'event', delivered: 3, mqls: 2 },
        { key: 'partner', delivered: 1, mqls: 1 },
        { key: null, delivered: 1, mqls: 0 },
      ]);
      expect(marketing.bySource[0]!.quality).toMatchObject({ mqls: 4, accepted: 1, recycled: 1, disqualified: 1, pending: 1 });
      expect(marketing.bySource[1]!.quality).toMatchObject({ mqls: 2, accepted: 0, recycled: 1, disqualified: 0, pending: 1 });
      expect(marketing.byLeadType.map(({ key, delivered, mqls }) => ({ key, delivered, mqls }))).toEqual([
        { key: 'demo_request', delivered: 3, mqls: 2 },
        { key: 'event', delivered: 3, mqls: 2 },
        { key: 'content_download', delivered: 2, mqls: 2 },
        { key: 'referral', delivered: 1, mqls: 1 },
        { key: 'trial', delivered: 1, mqls: 0 },
        { key: null, delivered: 1, mqls: 0 },
      ]);
    });
  });

  describe('sales’ side', () => {
    it('judges first touches, times them in business minutes, and counts attempts, exits and completed cadences', async () => {
      const { sales } = await sla();
      // Minutes: max 30, kim 45, gus 60, rae 60, dana 120, eli 180, jay 210, ivy 360, fay 780; hal missed untouched;
      // ned pending (its deadline is now). Median the 5th: 120; p90 the ⌈8.1⌉ = 9th: 780.
      expect(sales.firstTouch).toEqual({
        judged: 10,
        withinSla: 7,
        share: 0.7,
        pending: 1,
        touched: 9,
        medianBusinessHours: 2,
        medianBusinessMinutes: 120,
        p90BusinessMinutes: 780,
      });
      // jay 1, dana 3, eli 1, fay 1, gus 5, hal 0, ivy 2, rae 1, kim 1, max 1, ned 0.
      expect(sales).toMatchObject({ leads: 11, attempts: 16, attemptsPerLead: 16 / 11, firstTouchTarget: 0.9 });
      // Exited: dana (2 before her opportunity), eli 1, fay 1, ivy 1 (before the reply), kim 1.
      expect(sales.attemptsBeforeExit).toEqual({ leads: 5, attempts: 6, perLead: 1.2 });
      // Ran out without an exit: gus (all 5), rae (1 of 2, window closed).
      expect(sales.cadenceCompletion).toEqual({ finished: 2, complete: 1, share: 0.5 });
      // Open now, whenever assigned: hal, lia, rae breached; jay overdue; max on track; ned, ora first touch due.
      expect(sales.openLeads).toEqual({ breached: 3, overdue: 1, due: 0, on_track: 1, first_touch_due: 2, paused: 0 });
    });

    it('gives both sides per rep, each rep’s goal their share', async () => {
      const { reps } = await sla();
      expect(reps.map((r) => r.name)).toEqual(['Acme rep', 'Acme rep2']);
      const [rep, rep2] = reps;
      expect(rep!.marketing).toMatchObject({ delivered: 5, mqls: 4, goal: 100 * (DAYS / 30) });
      expect(rep!.marketing.quality).toMatchObject({ accepted: 1, recycled: 0, disqualified: 1, pending: 2, reasons: { recycled: [], disqualified: [{ code: null, text: 'student', count: 1 }] } });
      // dana 120, max 30 within; fay 780, hal, ivy 360 missed. Minutes 30, 120, 360, 780: median 240, p90 the 4th.
      expect(rep!.firstTouch).toEqual({ judged: 5, withinSla: 2, share: 0.4, pending: 0, touched: 4, medianBusinessHours: 4, medianBusinessMinutes: 240, p90BusinessMinutes: 780 });
      expect(rep).toMatchObject({ leads: 5, attempts: 7, attemptsPerLead: 1.4, attemptsBeforeExit: { leads: 3, attempts: 4, perLead: 4 / 3 } });
      expect(rep!.cadenceCompletion).toEqual({ finished: 0, complete: 0, share: null });
      expect(rep!.openLeads).toEqual({ breached: 2, overdue: 0, due: 0, on_track: 1, first_touch_due: 1, paused: 0 });

      expect(rep2!.marketing).toMatchObject({ delivered: 6, mqls: 3 });
      expect(rep2!.marketing.quality).toMatchObject({ accepted: 0, recycled: 2, disqualified: 0, pending: 1 });
      // kim 45, gus 60, rae 60, eli 180, jay 210: median 60, p90 the ⌈4.5⌉ = 5th.
      expect(rep2!.firstTouch).toEqual({ judged: 5, withinSla: 5, share: 1, pending: 1, touched: 5, medianBusinessHours: 1, medianBusinessMinutes: 60, p90BusinessMinutes: 210 });
      expect(rep2).toMatchObject({ leads: 6, attempts: 9, attemptsPerLead: 1.5, attemptsBeforeExit: { leads: 2, attempts: 2, perLead: 1 } });
      expect(rep2!.cadenceCompletion).toEqual({ finished: 2, complete: 1, share: 0.5 });
      expect(rep2!.openLeads).toEqual({ breached: 1, overdue: 1, due: 0, on_track: 0, first_touch_due: 1, paused: 0 });
    });
  });

  describe('weekly series', () => {
    it('gives both sides week by week, calendar weeks cut to the period', async () => {
      const { weekly } = await sla();
      expect(weekly.map((w) => [w.week, w.from, w.to])).toEqual([
        ['2026-02-23', '2026-02-23T05:00:00.000Z', '2026-03-02T05:00:00.000Z'],
        ['2026-03-02', '2026-03-02T05:00:00.000Z', '2026-03-06T17:00:00.000Z'],
      ]);
      const [w1, w2] = weekly;
      expect(w1!.marketing).toEqual({
        delivered: 6,
        mqls: 4,
        goal: 100 * 2 * (7 / 30),
        ratio: 6 / (100 * 2 * (7 / 30)),
        mqlRatio: 4 / (100 * 2 * (7 / 30)),
        quality: {
          mqls: 4,
          accepted: 1,
          recycled: 1,
          disqualified: 1,
          pending: 1,
          acceptedShare: 0.25,
          recycledShare: 0.25,
          disqualifiedShare: 0.25,
          reasons: { recycled: [{ code: null, text: 'not the buyer', count: 1 }], disqualified: [{ code: null, text: 'student', count: 1 }] },
        },
      });
      expect(w1!.sales).toEqual({
        leads: 6,
        // gus 60, dana 120, eli 180, jay 210, fay 780; hal missed.
        firstTouch: { judged: 6, withinSla: 4, share: 4 / 6, pending: 0, touched: 5, medianBusinessHours: 3, medianBusinessMinutes: 180, p90BusinessMinutes: 780 },
        attempts: 11,
        attemptsPerLead: 11 / 6,
        attemptsBeforeExit: { leads: 3, attempts: 4, perLead: 4 / 3 },
        cadenceCompletion: { finished: 1, complete: 1, share: 1 },
        openLeads: { breached: 1, overdue: 1, due: 0, on_track: 0, first_touch_due: 0, paused: 0 },
      } satisfies SalesFigures);
      expect(w2!.marketing).toEqual({
        delivered: 5,
        mqls: 3,
        goal: 30,
        ratio: 5 / 30,
        mqlRatio: 3 / 30,
        quality: {
          mqls: 3,
          accepted: 0,
          recycled: 1,
          disqualified: 0,
          pending: 2,
          acceptedShare: 0,
          recycledShare: 1 / 3,
          disqualifiedShare: 0,
          reasons: { recycled: [{ code: null, text: 'not the buyer', count: 1 }], disqualified: [] },
        },
      } satisfies MarketingFigures);
      expect(w2!.sales).toEqual({
        leads: 5,
        // max 30, kim 45, rae 60, ivy 360: median 52.5, p90 the 4th; ned pending.
        firstTouch: { judged: 4, withinSla: 3, share: 0.75, pending: 1, touched: 4, medianBusinessHours: 52.5 / 60, medianBusinessMinutes: 52.5, p90BusinessMinutes: 360 },
        attempts: 5,
        attemptsPerLead: 1,
        attemptsBeforeExit: { leads: 2, attempts: 2, perLead: 1 },
        cadenceCompletion: { finished: 1, complete: 0, share: 0 },
        openLeads: { breached: 1, overdue: 0, due: 0, on_track: 1, first_touch_due: 1, paused: 0 },
      });
    });

    it('gives each rep a weekly series whose weeks add up to the rep’s period', async () => {
      const { reps } = await sla();
      const [rep, rep2] = reps;
      expect(rep!.weekly.map((w) => [w.marketing.delivered, w.marketing.mqls, w.marketing.goal])).toEqual([
        [3, 2, 100 * (7 / 30)],
        [2, 2, 100 * (4.5 / 30)],
      ]);
      expect(rep2!.weekly.map((w) => [w.marketing.delivered, w.marketing.mqls, w.sales.attempts])).toEqual([
        [3, 2, 7],
        [3, 1, 2],
      ]);
    });
  });

  describe('the leads behind each figure', () => {
    it('lists the breached leads, newest first, with what the manager needs to act', async () => {
      const page = await leads('figure=breached');
      expect(page.count).toBe(3);
      expect(page.items.map((i) => [i.id, i.cadenceStatus, i.attemptsDone])).toEqual([
        ['rae', 'breached', 1],
        ['hal', 'breached', 0],
        ['lia', 'breached', 1],
      ]);
      expect(page.items[0]).toMatchObject({ email: 'rae@buyer.example', ownerId: acme.users.rep2!.id, source: 'website', leadType: 'trial', at: '2026-03-02T14:00:00.000Z', firstTouchBusinessMinutes: 60 });
      expect((await leads(`figure=breached&rep=${acme.users.rep!.id}`)).items.map((i) => i.id)).toEqual(['hal', 'lia']);
      expect((await leads('figure=breached&week=2026-03-02')).items.map((i) => i.id)).toEqual(['rae']);
    });

    it('pages the delivered leads without skipping or repeating two assigned at one instant', async () => {
      const seen: string[] = [];
      let before: string | null = null;
      const counts: number[] = [];
      do {
        const page: SlaLeadsPage = await leads(`figure=delivered&limit=4${before === null ? '' : `&before=${before}`}`);
        counts.push(page.count);
        seen.push(...page.items.map((i) => i.id));
        before = page.next;
        expect(page.more).toBe(before !== null);
      } while (before !== null);
      expect(counts).toEqual([11, 11, 11]);
      // rae and ivy share Mon 2 Mar 09:00; the greater id comes first, and the cut falls between them.
      expect(seen).toEqual(['ned', 'max', 'kim', 'rae', 'ivy', 'hal', 'gus', 'fay', 'eli', 'dana', 'jay']);
    });

    it('lists marketing’s verdicts with their reasons, by source and for leads with none recorded', async () => {
      const recycled = await leads('figure=recycled');
      expect(recycled.items.map((i) => [i.id, i.reason, i.at])).toEqual([
        ['kim', 'not the  buyer', '2026-03-03T14:30:00.000Z'],
        ['eli', 'Not the buyer.', '2026-02-24T21:00:00.000Z'],
      ]);
      expect((await leads('figure=mql&source=website')).items.map((i) => i.id)).toEqual(['lia', 'kim', 'fay', 'dana']);
      expect((await leads('figure=delivered&source=-')).items.map((i) => i.id)).toEqual(['max']);
      expect((await leads('figure=delivered&leadType=trial')).items.map((i) => i.id)).toEqual(['rae']);
    });

    it('has exactly as many leads as its figure, for every figure, in total, per rep, per week and per rep-week', async () => {
      const report = await sla();
      const valueOf = (figure: SlaFigure, m: MarketingFigures, s: SalesFigures): number => {
        const byFigure: Record<SlaFigure, number> = {
          delivered: m.delivered,
          mql: m.mqls,
          accepted: m.quality.accepted,
          recycled: m.quality.recycled,
          disqualified: m.quality.disqualified,
          pending_review: m.quality.pending,
          first_touch_within: s.firstTouch.withinSla,
          first_touch_missed: s.firstTouch.judged - s.firstTouch.withinSla,
          first_touch_pending: s.firstTouch.pending,
          touched: s.firstTouch.touched,
          exited: s.attemptsBeforeExit.leads,
          cadence_complete: s.cadenceCompletion.complete,
          cadence_incomplete: s.cadenceCompletion.finished - s.cadenceCompletion.complete,
          ...s.openLeads,
        };
        return byFigure[figure];
      };
      const scopes: [string, MarketingFigures, SalesFigures][] = [
        ['', report.marketing, report.sales],
        ...report.weekly.map((w): [string, MarketingFigures, SalesFigures] => [`&week=${w.week}`, w.marketing, w.sales]),
        ...report.reps.flatMap((r): [string, MarketingFigures, SalesFigures][] => [
          [`&rep=${r.id}`, r.marketing, r],
          ...r.weekly.map((w): [string, MarketingFigures, SalesFigures] => [`&rep=${r.id}&week=${w.week}`, w.marketing, w.sales]),
        ]),
      ];
      const marketingFigures: SlaFigure[] = ['delivered', 'mql', 'accepted', 'recycled', 'disqualified', 'pending_review'];
      for (const [param, rows] of [['source', report.marketing.bySource], ['leadType', report.marketing.byLeadType]] as const) {
        for (const row of rows) {
          const counted = { delivered: row.delivered, mql: row.mqls, accepted: row.quality.accepted, recycled: row.quality.recycled, disqualified: row.quality.disqualified, pending_review: row.quality.pending } as Record<SlaFigure, number>;
          for (const figure of marketingFigures) {
            const page = await leads(`figure=${figure}&limit=200&${param}=${row.key ?? '-'}`);
            expect({ param, key: row.key, figure, count: page.count, listed: page.items.length }).toEqual({ param, key: row.key, figure, count: counted[figure], listed: counted[figure] });
          }
        }
      }
      let nonZero = 0;
      for (const [filter, m, s] of scopes) {
        for (const figure of SLA_FIGURES) {
          const page = await leads(`figure=${figure}&limit=200${filter}`);
          expect({ figure, filter, count: page.count, listed: page.items.length }).toEqual({ figure, filter, count: valueOf(figure, m, s), listed: valueOf(figure, m, s) });
          if (page.count > 0) nonZero += 1;
        }
      }
      expect(nonZero).toBeGreaterThan(40);
    }, 60_000);

    it('refuses an unknown figure, a week outside the period and a cursor it did not make, naming the field', async () => {
      const cases: [string, string, string][] = [
        ['figure=late', 'figure', 'Invalid option'],
        ['figure=breached&week=2026-03-03', 'week', 'must be the Monday of a week in the period: 2026-02-23, 2026-03-02'],
        ['figure=breached&before=bm90LWEtY3Vyc29y', 'before', 'must be the `next` cursor of an earlier page'],
        ['figure=breached&limit=201', 'limit', 'limit must be at most 200'],
        ['figure=breached&colour=red', '', 'Unrecognized key'],
      ];
      for (const [query, path, message] of cases) {
        const res = await server.api(acme.users.manager!.token, `/v1/reports/sla/leads?${PERIOD}&${query}`);
        expect(res.status, query).toBe(400);
        const { error } = await res.json();
        expect(error.code).toBe('bad_request');
        expect(error.issues[0].path, query).toBe(path);
        expect(error.issues[0].message, query).toContain(message);
      }
    });

    it('keeps to the caller’s workspace and role', async () => {
      // Globex's manager sees only Globex's lead; Acme's rep id there lists nothing.
      const theirs = SlaLeadsPage.parse(await get(`/v1/reports/sla/leads?${PERIOD}&figure=mql`, globex.users.manager!.token));
      expect(theirs.items.map((i) => i.id)).toEqual(['g1']);
      const none = SlaLeadsPage.parse(await get(`/v1/reports/sla/leads?${PERIOD}&figure=delivered&rep=${acme.users.rep!.id}`, globex.users.manager!.token));
      expect(none.count).toBe(0);
      // A rep's drill-down is the manager's for that rep's row, whatever rep it names.
      const rep = acme.users.rep!;
      for (const figure of ['delivered', 'breached', 'mql']) {
        const forManager = SlaLeadsPage.parse(await get(`/v1/reports/sla/leads?${PERIOD}&figure=${figure}&rep=${rep.id}`));
        const mine = SlaLeadsPage.parse(await get(`/v1/reports/sla/leads?${PERIOD}&figure=${figure}`, rep.token));
        expect(mine).toEqual(forManager);
        const named = SlaLeadsPage.parse(await get(`/v1/reports/sla/leads?${PERIOD}&figure=${figure}&rep=${acme.users.rep2!.id}`, rep.token));
        expect(named.count).toBe(0);
      }
    });
  });

  describe('the funnel’s actuals', () => {
    const funnel = async () => FunnelReport.parse(await get(`/v1/reports/funnel?revenueGoal=100000&averageDealSize=1000&rate=0.5&${PERIOD}`));

    it('counts first reaches in the period, skipped stages included, reconstructed ones and corrected wins not', async () => {
      const { actual } = await funnel();
      expect(actual.period).toEqual({ from: '2026-02-23T05:00:00.000Z', to: '2026-03-06T17:00:00.000Z', days: DAYS });
      // lead: jay (at `from`), dana, eli and ivy (entered as MQLs), fay, gus, hal, rae, kim, max, ned, quinn; not lia
      // (10 Feb), pam (reconstructed) or ora (at `to`). opportunity: dana, pam; customer: dana (pam's win was corrected).
      expect(actual.byPeriod.reached).toEqual({ visitor: 1, lead: 12, mql: 7, sql: 1, opportunity: 2, customer: 1 });
      // Flows, not shares: two opportunities came from one SQL of the period.
      expect(actual.byPeriod.rates).toEqual({ visitorToLead: null, leadToMql: 7 / 12, mqlToSql: 1 / 7, sqlToOpportunity: 2, opportunityToCustomer: 0.5 });
    });

    it('follows the contacts created in the period as far as they got', async () => {
      const { actual } = await funnel();
      // Created in the period: jay, dana, quinn, eli, fay, gus, hal, ivy, rae, kim, max, ned (ora at `to`, lia and pam before).
      expect(actual.byCohort.entered).toBe(12);
      expect(actual.byCohort.reached).toEqual({ visitor: 1, lead: 12, mql: 6, sql: 1, opportunity: 1, customer: 1 });
      expect(actual.byCohort.rates).toEqual({ visitorToLead: null, leadToMql: 0.5, mqlToSql: 1 / 6, sqlToOpportunity: 1, opportunityToCustomer: 1 });
    });

    it('gives the median calendar days in each stage', async () => {
      const { actual } = await funnel();
      const h = 1 / 24;
      // Stays that ended in the period: quinn visitor 21 h; lead: kim 0.5 h, dana 1 h, fay 1 h, gus 20 h, lia 21 d 23 h;
      // mql: dana 24 h, kim 24.5 h, eli 42 h, fay 49 h; sql: dana 26 h; opportunity: dana 191 h, pam 220 h.
      expect(actual.byPeriod.timeInStage).toEqual({
        visitor: { stays: 1, medianDays: 21 * h },
        lead: { stays: 5, medianDays: 1 * h },
        mql: { stays: 4, medianDays: ((24.5 + 42) / 2) * h },
        sql: { stays: 1, medianDays: 26 * h },
        opportunity: { stays: 2, medianDays: ((191 + 220) / 2) * h },
      });
      // The cohort's: lia's and pam's stays are not in it.
      expect(actual.byCohort.timeInStage.lead).toEqual({ stays: 4, medianDays: 1 * h });
      expect(actual.byCohort.timeInStage.opportunity).toEqual({ stays: 1, medianDays: 191 * h });
    });

    it('plans again with the cohort’s rates, keeping the given rate where none is measured', async () => {
      const { measured, plan, actual } = await funnel();
      expect(plan).toMatchObject({ customers: 100, opportunities: 200, sqls: 400, mqls: 800, leads: 1600, visitors: 3200 });
      expect(measured.rates).toEqual({ visitorToLead: 0.5, leadToMql: 0.5, mqlToSql: 1 / 6, sqlToOpportunity: 1, opportunityToCustomer: 1 });
      expect(measured.sources).toEqual({ visitorToLead: 'given', leadToMql: 'measured', mqlToSql: 'measured', sqlToOpportunity: 'measured', opportunityToCustomer: 'measured' });
      // 100 customers ← 100 opportunities ← 100 SQLs ← 600 MQLs ← 1,200 leads ← 2,400 visitors.
      expect(measured.plan).toMatchObject({ customers: 100, opportunities: 100, sqls: 100, mqls: 600, leads: 1200, visitors: 2400, mqlsPerWeek: 12.5 });
      expect(actual.stages).toEqual({ visitor: 0, lead: 6, mql: 4, sql: 0, opportunity: 1, customer: 1, recycled: 2, disqualified: 1 });
    });

    it('refuses a period that ends before it starts', async () => {
      const res = await server.api(acme.users.manager!.token, `/v1/reports/funnel?revenueGoal=1000&averageDealSize=10&rate=0.5&from=${TO}&to=${FROM}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual([{ path: 'from', message: 'from must be before to' }]);
    });
  });
});
