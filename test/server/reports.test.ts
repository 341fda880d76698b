import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { FunnelReport, SlaReport } from '../../lib/core/model/reports';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { attempts, contacts } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

// Friday 6 March 2026, 15:00 in New York (EST, UTC−5). Acme works Mon–Fri 09:00–17:00 there; the SLA is the default:
// first attempt within 4 business hours, 5 attempts in 14 days, follow-ups 16/16/24/24 business hours apart.
const NOW = '2026-03-06T20:00:00Z';
// Monday 2 March 00:00 EST up to Saturday 7 March 00:00 EST: five days.
const FROM = '2026-03-02T05:00:00Z';
const TO = '2026-03-07T05:00:00Z';

describe.each(STORE_KINDS)('reports on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;

  const sla = async (query: string, token = acme.users.manager!.token) => {
    const res = await server.api(token, `/v1/reports/sla${query}`);
    expect(res.status).toBe(200);
    return SlaReport.parse(await res.json());
  };

  const server = serverForSuite(kind, { now: NOW });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
    const rep = acme.users.rep!.id;
    const rep2 = acme.users.rep2!.id;
    const { db } = server.store;

    await writeInWorkspace(db, acme.id, async (tx) => {
      const lead = (id: string, stage: LifecycleStage, ownerId: string | null, assignedAt: string) =>
        insertContact(tx, acme.id, { id, email: `${id}@buyer.example`, stage, ownerId, leadType: 'content_download' }, new Date(assignedAt), { kind: 'import' });
      const attempt = (id: string, contactId: string, userId: string, at: string, undoneAt: 'undone' | null = null) =>
        tx.insert(attempts).values({ id, workspaceId: acme.id, contactId, userId, channel: 'call', outcome: 'no_answer', at: new Date(at), undoneAt: undoneAt === null ? null : new Date(at) });

      // L1, rep: assigned Mon 10:00, first attempt Mon 11:30 (1.5 business hours: within SLA), again Tue 10:00.
      await lead('l1', 'mql', rep, '2026-03-02T15:00:00Z');
      await attempt('a1', 'l1', rep, '2026-03-02T16:30:00Z');
      await attempt('a2', 'l1', rep, '2026-03-03T15:00:00Z');
      // L2, rep: assigned Mon 16:00 (deadline Tue 12:00). An attempt Tue 10:00 was undone; the first that counts is
      // Tue 14:00: Mon 16–17 + Tue 9–14 = 6 business hours, missed.
      await lead('l2', 'mql', rep, '2026-03-02T21:00:00Z');
      await attempt('a3', 'l2', rep, '2026-03-03T15:00:00Z', 'undone');
      await attempt('a4', 'l2', rep, '2026-03-03T19:00:00Z');
      // L3, rep2: assigned Wed 09:00, never touched: deadline Wed 13:00 has passed, missed.
      await lead('l3', 'lead', rep2, '2026-03-04T14:00:00Z');
      // L4, rep2: assigned Fri 14:00, untouched, deadline Mon 10:00: not judged yet.
      await lead('l4', 'mql', rep2, '2026-03-06T19:00:00Z');
      // L5, rep2: assigned Thu 09:30, attempts Thu 10:00 (0.5 business hours) and Fri 09:30.
      await lead('l5', 'sql', rep2, '2026-03-05T14:30:00Z');
      await attempt('a5', 'l5', rep2, '2026-03-05T15:00:00Z');
      await attempt('a6', 'l5', rep2, '2026-03-06T14:30:00Z');

      // Before the period, still open: L6 (rep) never touched; L7 (rep2) touched Wed 15:30, next due Fri 15:30.
      await lead('l6', 'lead', rep, '2026-02-20T15:00:00Z');
      await lead('l7', 'mql', rep2, '2026-02-27T15:00:00Z');
      await attempt('a7', 'l7', rep2, '2026-03-04T20:30:00Z');

      // Not leads of anyone: they count only by stage.
      await lead('v1', 'visitor', null, '2026-03-03T12:00:00Z');
      await lead('v2', 'visitor', null, '2026-03-03T12:00:00Z');
      await lead('cu1', 'customer', null, '2026-01-10T12:00:00Z');
      await lead('re1', 'recycled', null, '2026-01-10T12:00:00Z');
      // Deleted: counted nowhere.
      await lead('gone', 'mql', rep, '2026-03-03T15:00:00Z');
      await tx.update(contacts).set({ deletedAt: new Date(NOW) }).where(eq(contacts.id, 'gone'));
    });
    // Another workspace's lead in the same period never shows in Acme's figures.
    await writeInWorkspace(db, globex.id, (tx) =>
      insertContact(tx, globex.id, { id: 'g1', email: 'g1@buyer.example', stage: 'mql', ownerId: globex.users.rep!.id }, new Date('2026-03-03T15:00:00Z'), { kind: 'import' }),
    );
  }, 60_000);

  it('compares marketing delivered with the goal for the period', async () => {
    const report = await sla(`?from=${FROM}&to=${TO}`);
    expect(report.period).toEqual({ from: '2026-03-02T05:00:00.000Z', to: '2026-03-07T05:00:00.000Z', days: 5 });
    expect(report.generatedAt).toBe('2026-03-06T20:00:00.000Z');
    // 100 a rep a month × 2 active reps × 5 days / 30 = 33.33…; L1–L5 delivered.
    expect(report.marketing).toMatchObject({ delivered: 5, goal: 100 * 2 * (5 / 30), ratio: 5 / (100 * 2 * (5 / 30)), mqlsPerRepPerMonth: 100, activeReps: 2 });
  });

  it('judges first touches with lib/core, leaving out leads still inside their window', async () => {
    const { sales } = await sla(`?from=${FROM}&to=${TO}`);
    // Judged: L1 (met), L2 (missed), L3 (missed), L5 (met); L4 is pending. Hours: L1 1.5, L2 6, L5 0.5 → median 1.5;
    // the 90th percentile is the ⌈2.7⌉ = 3rd of 30, 90, 360 minutes.
    expect(sales.firstTouch).toEqual({ judged: 4, withinSla: 2, share: 0.5, pending: 1, touched: 3, medianBusinessHours: 1.5, medianBusinessMinutes: 90, p90BusinessMinutes: 360 });
    expect(sales.firstTouchTarget).toBe(0.9);
    // L1 2 + L2 1 (the undone one left out) + L5 2 = 5 attempts over 5 leads.
    expect(sales.leads).toBe(5);
    expect(sales.attempts).toBe(5);
    expect(sales.attemptsPerLead).toBe(1);
    // Open today, whenever assigned: L1 and L2 overdue (next was due Thu 10:00 and Thu 14:00), L3 and L6 breached,
    // L4 first touch due, L5 on track (due Tue 10:00), L7 due (Fri 15:30, 30 business minutes away).
    expect(sales.openLeads).toEqual({ breached: 2, overdue: 2, due: 1, on_track: 1, first_touch_due: 1, paused: 0 });
  });

  it('says how each figure is defined', async () => {
    const { notes } = await sla(`?from=${FROM}&to=${TO}`);
    expect(notes).toContain('Goal: 100 a rep a month × 2 active reps × 5 days / 30 = 33.33.');
    expect(notes).toContain(
      'First touch within SLA: judged only for leads that have been touched or whose first-touch deadline has passed; 1 still inside their first-touch window is left out.',
    );
  });

  it('gives the same figures per rep', async () => {
    const { reps } = await sla(`?from=${FROM}&to=${TO}`);
    expect(reps).toMatchObject([
      {
        id: acme.users.rep!.id,
        name: 'Acme rep',
        active: true,
        leads: 2,
        firstTouch: { judged: 2, withinSla: 1, share: 0.5, pending: 0, touched: 2, medianBusinessHours: 3.75, medianBusinessMinutes: 225, p90BusinessMinutes: 360 },
        attempts: 3,
        attemptsPerLead: 1.5,
        openLeads: { breached: 1, overdue: 2, due: 0, on_track: 0, first_touch_due: 0, paused: 0 },
      },
      {
        id: acme.users.rep2!.id,
        name: 'Acme rep2',
        active: true,
        leads: 3,
        firstTouch: { judged: 2, withinSla: 1, share: 0.5, pending: 1, touched: 1, medianBusinessHours: 0.5, medianBusinessMinutes: 30, p90BusinessMinutes: 30 },
        attempts: 2,
        attemptsPerLead: 2 / 3,
        openLeads: { breached: 1, overdue: 0, due: 1, on_track: 1, first_touch_due: 1, paused: 0 },
      },
    ]);
  });

  it('counts from inclusive and to exclusive', async () => {
    // From L1's assignment up to L4's: L1, L2, L3, L5.
    const report = await sla('?from=2026-03-02T15:00:00Z&to=2026-03-06T19:00:00Z');
    expect(report.marketing.delivered).toBe(4);
    expect(report.sales.firstTouch.pending).toBe(0);
  });

  it('covers the last 30 days by default', async () => {
    const report = await sla('');
    expect(report.period).toEqual({ from: '2026-02-04T20:00:00.000Z', to: NOW.replace('Z', '.000Z'), days: 30 });
    // L1–L7; the goal is a whole month for 2 reps.
    expect(report.marketing).toMatchObject({ delivered: 7, goal: 200, ratio: 7 / 200 });
  });

  it("answers a rep with their own leads only: their row, their totals, their goal, nothing of another rep", async () => {
    const rep = acme.users.rep!;
    const mine = await sla(`?from=${FROM}&to=${TO}`, rep.token);
    // The rep's leads in the period are L1 and L2; their goal is one rep's: 100 × 1 × 5 / 30.
    expect(mine.marketing).toMatchObject({ delivered: 2, goal: 100 * (5 / 30), activeReps: 1, bySource: [{ key: null, delivered: 2 }] });
    // L1 met (1.5 h), L2 missed (6 h); open: L1 and L2 overdue, L6 breached.
    expect(mine.sales.firstTouch).toEqual({ judged: 2, withinSla: 1, share: 0.5, pending: 0, touched: 2, medianBusinessHours: 3.75, medianBusinessMinutes: 225, p90BusinessMinutes: 360 });
    expect(mine.sales).toMatchObject({ leads: 2, attempts: 3, attemptsPerLead: 1.5, openLeads: { breached: 1, overdue: 2, due: 0, on_track: 0, first_touch_due: 0, paused: 0 } });
    const everyone = await sla(`?from=${FROM}&to=${TO}`);
    expect(mine.reps).toEqual(everyone.reps.filter((r) => r.id === rep.id));
    expect(JSON.stringify(mine)).not.toContain(acme.users.rep2!.id);
    expect(JSON.stringify(mine)).not.toContain('Acme rep2');
    // And rep2's answer is rep2's alone: L3, L4 and L5.
    const theirs = await sla(`?from=${FROM}&to=${TO}`, acme.users.rep2!.token);
    expect(theirs.marketing.delivered).toBe(3);
    expect(theirs.reps.map((r) => r.id)).toEqual([acme.users.rep2!.id]);
  });

  it('lets managers, marketers, admins and reps (their own) read the SLA; the funnel is not for reps', async () => {
    for (const who of ['manager', 'marketing', 'admin', 'rep']) {
      expect((await server.api(acme.users[who]!.token, '/v1/reports/sla')).status).toBe(200);
    }
    for (const path of ['/v1/reports/funnel?revenueGoal=1000&averageDealSize=10&rate=0.5', '/v1/reports/recycled', '/v1/reports/content', '/v1/reports/sources']) {
      const res = await server.api(acme.users.rep!.token, path);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toEqual({ code: 'forbidden', message: 'only manager, marketing, admin may do this; you are rep' });
    }
  });

  it.each([
    ['a from that is not an instant', '?from=last-week', 'from', 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-06T16:30:00Z'],
    ['a from after to', `?from=${TO}&to=${FROM}`, 'from', 'from must be before to'],
    ['an empty period', `?from=${FROM}&to=${FROM}`, 'from', 'from must be before to'],
    ['more than 400 days', '?from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'to', 'a report covers at most 400 days'],
  ])('refuses %s with 400 naming the field', async (_what, query, path, message) => {
    const res = await server.api(acme.users.manager!.token, `/v1/reports/sla${query}`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('bad_request');
    expect(error.issues).toEqual([{ path, message }]);
  });

  it('plans the funnel of the worked example next to the actual stages', async () => {
    const res = await server.api(acme.users.marketing!.token, '/v1/reports/funnel?revenueGoal=100000&averageDealSize=1000&rate=0.5&reviewsPerRepPerWeek=8');
    expect(res.status).toBe(200);
    const report = FunnelReport.parse(await res.json());
    expect(report.input).toEqual({
      revenueGoal: 100000,
      averageDealSize: 1000,
      rates: { visitorToLead: 0.5, leadToMql: 0.5, mqlToSql: 0.5, sqlToOpportunity: 0.5, opportunityToCustomer: 0.5 },
      workingWeeks: 48,
      reviewsPerRepPerWeek: 8,
      repsStaffed: 2,
    });
    const { plan } = report;
    expect(plan).toMatchObject({ customers: 100, opportunities: 200, sqls: 400, mqls: 800, leads: 1600, visitors: 3200, repsToHire: 3 });
    expect(plan.mqlsPerWeek).toBeCloseTo(16.67, 2);
    expect(plan.repsNeeded).toBeCloseTo(2.083, 3);
    expect(plan.loadPerStaffedRep).toBeCloseTo(1.0417, 4);
  });

  it('counts the contacts per stage today and the leads handed to sales', async () => {
    const res = await server.api(acme.users.admin!.token, '/v1/reports/funnel?revenueGoal=100000&averageDealSize=1000&rate=0.5');
    const { actual, plan } = FunnelReport.parse(await res.json());
    expect(actual.stages).toEqual({ visitor: 2, lead: 2, mql: 4, sql: 1, opportunity: 0, customer: 1, recycled: 1, disqualified: 0 });
    expect(actual.total).toBe(11);
    // Assigned from 6 Feb 20:00 on: L1–L7.
    expect(actual.handedToSales).toEqual({ from: '2026-02-06T20:00:00.000Z', to: '2026-03-06T20:00:00.000Z', weeks: 4, leads: 7, perWeek: 1.75 });
    expect(plan.repsNeeded).toBeNull();
  });

  it('takes one rate per step', async () => {
    const query = 'revenueGoal=50000&averageDealSize=5000&visitorToLead=0.02&leadToMql=0.25&mqlToSql=0.5&sqlToOpportunity=0.5&opportunityToCustomer=0.25&workingWeeks=50';
    const { plan, input } = FunnelReport.parse(await (await server.api(acme.users.manager!.token, `/v1/reports/funnel?${query}`)).json());
    expect(input.workingWeeks).toBe(50);
    // 10 customers ← 40 opportunities ← 80 SQLs ← 160 MQLs ← 640 leads ← 32,000 visitors.
    expect(plan).toMatchObject({ customers: 10, opportunities: 40, sqls: 80, mqls: 160, leads: 640, visitors: 32000, mqlsPerWeek: 3.2 });
  });

  it.each([
    ['averageDealSize=0', 'revenueGoal=100000&averageDealSize=0&rate=0.5', 'averageDealSize', 'averageDealSize: must be more than 0'],
    ['rate=1.5', 'revenueGoal=100000&averageDealSize=1000&rate=1.5', 'rate', 'rates: must be at most 1 (a rate is a share: 0.5 for 50%)'],
    [
      'missing step rates',
      'revenueGoal=100000&averageDealSize=1000&visitorToLead=0.5',
      'leadToMql',
      'rates.leadToMql: is required; rates.mqlToSql: is required; rates.sqlToOpportunity: is required; rates.opportunityToCustomer: is required',
    ],
    ['no revenue goal', 'averageDealSize=1000&rate=0.5', 'revenueGoal', 'revenueGoal: is required'],
    ['a goal that is not a number', 'revenueGoal=lots&averageDealSize=1000&rate=0.5', 'revenueGoal', 'revenueGoal: must be a finite number'],
  ])('refuses an impossible plan (%s) with 400 naming the field', async (_what, query, path, message) => {
    const res = await server.api(acme.users.manager!.token, `/v1/reports/funnel?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'bad_request', message, issues: [{ path, message }] });
  });

  it('refuses rate together with step rates', async () => {
    const res = await server.api(acme.users.manager!.token, '/v1/reports/funnel?revenueGoal=1000&averageDealSize=10&rate=0.5&leadToMql=0.5');
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('rate');
  });
});
