import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../../../../lib/core/model/vocabulary';
import { funnelActuals, mqlOutcome, stageJourney, type HistoryEntry } from '../../../../lib/core/reports';
import { DAY_MS } from '../../../../lib/core/time-units';

const FROM = Date.parse('2026-03-01T00:00:00Z');
const TO = Date.parse('2026-04-01T00:00:00Z');
const day = (n: number) => FROM + n * DAY_MS;

let seq = 0;
const change = (contactId: string, from: LifecycleStage | null, to: LifecycleStage, at: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `sc${String(++seq).padStart(3, '0')}`,
  contactId,
  from,
  to,
  at,
  reason: null,
  reasonCode: null,
  reconstructed: false,
  ...extra,
});

describe('stageJourney', () => {
  it('reaches the stages a contact skipped, from lead up, at the same instant; visitor only when recorded', () => {
    const { reached } = stageJourney([change('c', null, 'mql', day(2))]);
    expect(reached).toEqual({ lead: { at: day(2), reconstructed: false }, mql: { at: day(2), reconstructed: false } });
  });

  it('keeps only the first time a stage was reached', () => {
    const { reached } = stageJourney([
      change('c', null, 'lead', day(1)),
      change('c', 'lead', 'mql', day(2)),
      change('c', 'mql', 'recycled', day(3)),
      change('c', 'recycled', 'mql', day(9)),
    ]);
    expect(reached.mql?.at).toBe(day(2));
  });

  it('takes a corrected win back, and counts the win that comes after it', () => {
    const history = [
      change('c', null, 'opportunity', day(1)),
      change('c', 'opportunity', 'customer', day(2)),
      change('c', 'customer', 'opportunity', day(3)),
    ];
    expect(stageJourney(history).reached.customer).toBeUndefined();
    expect(stageJourney([...history, change('c', 'opportunity', 'customer', day(5))]).reached.customer?.at).toBe(day(5));
  });

  it('records stays from each recorded entry to the next change, and none from a reconstructed entry or an open stay', () => {
    const { stays } = stageJourney([
      change('c', null, 'lead', day(0), { reconstructed: true }),
      change('c', 'lead', 'mql', day(2)),
      change('c', 'mql', 'sql', day(5)),
    ]);
    expect(stays).toEqual([{ stage: 'mql', from: day(2), to: day(5) }]);
  });
});

describe('mqlOutcome', () => {
  it('is the first verdict after the MQL: accepted when it went to sql or beyond, else the recycle with its reason', () => {
    const history = [change('c', null, 'mql', day(1)), change('c', 'mql', 'recycled', day(2), { reason: 'Not the buyer' }), change('c', 'recycled', 'mql', day(3)), change('c', 'mql', 'sql', day(4))];
    expect(mqlOutcome(history, day(1))).toEqual({ kind: 'recycled', reason: 'Not the buyer', reasonCode: null });
    expect(mqlOutcome([change('c', null, 'sql', day(1))], day(1))).toEqual({ kind: 'accepted' });
    expect(mqlOutcome([change('c', null, 'mql', day(1))], day(1))).toEqual({ kind: 'pending' });
  });
});

describe('funnelActuals', () => {
  const contacts = [
    // Created at `from` exactly: in the cohort, and its reach counts in the period.
    { id: 'edge_from', createdAt: FROM },
    // Created at `to` exactly: in neither.
    { id: 'edge_to', createdAt: TO },
    // Created before the period, moved through it.
    { id: 'old', createdAt: day(-40) },
    // Created in the period as an MQL (skips lead), accepted, won.
    { id: 'skip', createdAt: day(3) },
    // A contact that predates history: one reconstructed entry, created in the period.
    { id: 'recon', createdAt: day(4) },
  ];
  const history = [
    change('edge_from', null, 'lead', FROM),
    change('edge_from', 'lead', 'mql', day(10)),
    change('edge_to', null, 'mql', TO),
    change('old', null, 'lead', day(-40)),
    change('old', 'lead', 'mql', day(-10)),
    change('old', 'mql', 'sql', day(1)),
    change('old', 'sql', 'opportunity', day(11)),
    change('skip', null, 'mql', day(3)),
    change('skip', 'mql', 'sql', day(5)),
    change('skip', 'sql', 'opportunity', day(8)),
    change('skip', 'opportunity', 'customer', day(20)),
    change('recon', null, 'sql', day(30), { reconstructed: true }),
  ];
  const actuals = funnelActuals({ contacts, history, period: { from: FROM, to: TO } });

  it('by period: first reaches in [from, to), skipped stages included, reconstructed left out', () => {
    // lead: edge_from (at from), skip (implied). mql: edge_from, skip. sql: old, skip. opportunity: old, skip. customer: skip.
    expect(actuals.byPeriod.reached).toEqual({ visitor: 0, lead: 2, mql: 2, sql: 2, opportunity: 2, customer: 1 });
    expect(actuals.byPeriod.rates).toEqual({ visitorToLead: null, leadToMql: 1, mqlToSql: 1, sqlToOpportunity: 1, opportunityToCustomer: 0.5 });
  });

  it('by cohort: contacts created in [from, to) and how far each got, reconstructed entries counted', () => {
    // Cohort: edge_from (lead, mql), skip (lead … customer), recon (lead, mql, sql).
    expect(actuals.byCohort.entered).toBe(3);
    expect(actuals.byCohort.reached).toEqual({ visitor: 0, lead: 3, mql: 3, sql: 2, opportunity: 1, customer: 1 });
    expect(actuals.byCohort.rates).toEqual({ visitorToLead: null, leadToMql: 1, mqlToSql: 2 / 3, sqlToOpportunity: 0.5, opportunityToCustomer: 1 });
  });

  it('measures time in stage in calendar days over the stays each basis counts', () => {
    // Stays that ended in the period: edge_from lead 10 d; old mql 11 d (day −10 to 1), sql 10 d; skip mql 2, sql 3,
    // opportunity 12. (edge_to's mql, recon's sql and the open stays never ended.)
    expect(actuals.byPeriod.timeInStage).toEqual({
      visitor: { stays: 0, medianDays: null },
      lead: { stays: 1, medianDays: 10 },
      mql: { stays: 2, medianDays: 6.5 },
      sql: { stays: 2, medianDays: 6.5 },
      opportunity: { stays: 1, medianDays: 12 },
    });
    // The cohort's stays: edge_from lead 10; skip mql 2, sql 3, opportunity 12.
    expect(actuals.byCohort.timeInStage.mql).toEqual({ stays: 1, medianDays: 2 });
    expect(actuals.byCohort.timeInStage.lead).toEqual({ stays: 1, medianDays: 10 });
  });
});

describe('withoutUndoneMoves', () => {
  it('leaves out a move that was undone and the undo itself, and keeps every other move', async () => {
    const { withoutUndoneMoves } = await import('../../../../lib/core/reports');
    const rows = [
      { id: 'a', undoes: null },
      { id: 'b', undoes: null },
      { id: 'c', undoes: 'b' },
      { id: 'd' },
    ];
    expect(withoutUndoneMoves(rows).map((r) => r.id)).toEqual(['a', 'd']);
  });
});
