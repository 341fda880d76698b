import { describe, expect, it } from 'vitest';
import { normaliseReasonText, percentile, median, rankReasons, reportWeeks, planWithMeasuredRates } from '../../../../lib/core/reports';

describe('percentile (nearest rank)', () => {
  it('is the ⌈p·n⌉-th smallest value', () => {
    // ⌈0.9 × 10⌉ = 9th of 10.
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.9)).toBe(9);
    // ⌈0.9 × 3⌉ = 3rd of 3.
    expect(percentile([30, 90, 360], 0.9)).toBe(360);
    expect(percentile([42], 0.9)).toBe(42);
    expect(percentile([], 0.9)).toBeNull();
    expect(median([30, 90, 360, 0])).toBe(60);
  });
});

describe('rankReasons', () => {
  it('groups by code where there is one, else by words with case, spacing and surrounding punctuation ignored', () => {
    expect(normaliseReasonText('  Not the   BUYER. ')).toBe('not the buyer');
    expect(
      rankReasons([
        { code: null, text: 'Not the buyer.' },
        { code: null, text: 'not the  buyer' },
        { code: 'no_budget', text: 'No budget this year' },
        { code: null, text: 'Student' },
        { code: 'no_budget', text: null },
        { code: null, text: 'NOT THE BUYER' },
      ]),
    ).toEqual([
      { code: null, text: 'not the buyer', count: 3 },
      { code: 'no_budget', text: 'no budget this year', count: 2 },
      { code: null, text: 'student', count: 1 },
    ]);
  });

  it('groups "other" (the free text of a list) by its words, not as one reason', () => {
    expect(
      rankReasons([
        { code: 'other', text: 'Went with an agency' },
        { code: 'other', text: 'went with an agency.' },
        { code: 'other', text: 'Moved abroad' },
        { code: 'not_the_buyer', text: 'Not the buyer' },
      ]),
    ).toEqual([
      { code: null, text: 'went with an agency', count: 2 },
      { code: 'not_the_buyer', text: 'not the buyer', count: 1 },
      { code: null, text: 'moved abroad', count: 1 },
    ]);
  });
});

describe('reportWeeks', () => {
  it('cuts calendar weeks (Monday first, in the zone) to the period', () => {
    // Wed 4 March 00:00 EST to Wed 18 March 00:00 EDT (New York changes to summer time on Sunday 8 March).
    const weeks = reportWeeks({ from: Date.parse('2026-03-04T05:00:00Z'), to: Date.parse('2026-03-18T04:00:00Z') }, 'America/New_York');
    expect(weeks.map((w) => ({ start: w.start, from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() }))).toEqual([
      { start: '2026-03-02', from: '2026-03-04T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' },
      { start: '2026-03-09', from: '2026-03-09T04:00:00.000Z', to: '2026-03-16T04:00:00.000Z' },
      { start: '2026-03-16', from: '2026-03-16T04:00:00.000Z', to: '2026-03-18T04:00:00.000Z' },
    ]);
  });
});

describe('planWithMeasuredRates', () => {
  it('uses each measured rate above 0 and the given one elsewhere, saying which', () => {
    const given = { visitorToLead: 0.5, leadToMql: 0.5, mqlToSql: 0.5, sqlToOpportunity: 0.5, opportunityToCustomer: 0.5 };
    const { rates, sources, plan } = planWithMeasuredRates(
      { revenueGoal: 10_000, averageDealSize: 1_000, workingWeeks: 50 },
      given,
      { visitorToLead: null, leadToMql: 0.25, mqlToSql: 0, sqlToOpportunity: null, opportunityToCustomer: 1 },
    );
    expect(rates).toEqual({ visitorToLead: 0.5, leadToMql: 0.25, mqlToSql: 0.5, sqlToOpportunity: 0.5, opportunityToCustomer: 1 });
    expect(sources).toEqual({ visitorToLead: 'given', leadToMql: 'measured', mqlToSql: 'given', sqlToOpportunity: 'given', opportunityToCustomer: 'measured' });
    // 10 customers ← 10 opportunities (rate 1) ← 20 SQLs ← 40 MQLs ← 160 leads ← 320 visitors.
    expect(plan).toMatchObject({ customers: 10, opportunities: 10, sqls: 20, mqls: 40, leads: 160, visitors: 320, mqlsPerWeek: 0.8 });
  });
});
