import { describe, expect, it } from 'vitest';
import type { FunnelPlanInput } from '../../../../lib/core/funnel';
import { FunnelInputError, FunnelPlanInput as FunnelPlanSchema, planFunnel } from '../../../../lib/core/funnel';

const HALF = { revenueGoal: 100_000, averageDealSize: 1_000, rates: 0.5 };

describe('planFunnel: our users’ worked example', () => {
  // 100,000 / 1,000 = 100 customers; each step up doubles at 50%: 200, 400, 800, 1,600, 3,200.
  const plan = planFunnel({ ...HALF, reviewsPerRepPerWeek: 8, repsStaffed: 2 });

  it('comes out with exactly their counts', () => {
    expect({ ...plan, mqlsPerWeek: undefined, repsNeeded: undefined, loadPerStaffedRep: undefined }).toEqual({
      customers: 100,
      opportunities: 200,
      sqls: 400,
      mqls: 800,
      leads: 1_600,
      visitors: 3_200,
      mqlsPerWeek: undefined,
      repsNeeded: undefined,
      repsToHire: 3,
      loadPerStaffedRep: undefined,
    });
  });

  it.each([
    // 800 / 48 = 16.666… ≈ 16.7
    ['mqlsPerWeek', 800 / 48, 16.7],
    // 16.666… / 8 = 2.0833…
    ['repsNeeded', 50 / 3 / 8, 2.1],
    // 2.0833… / 2 = 1.041666… ≈ 104%
    ['loadPerStaffedRep', 25 / 24, 1.0],
  ] as const)('%s stays unrounded (%d)', (field, exact, oneDecimal) => {
    expect(plan[field]).toBeCloseTo(exact, 12);
    expect(Math.round((plan[field] ?? NaN) * 10) / 10).toBe(oneDecimal);
  });

  it('reads as 104% loaded', () => {
    expect(Math.round((plan.loadPerStaffedRep ?? NaN) * 100)).toBe(104);
    expect(plan.loadPerStaffedRep).toBeCloseTo(1.0417, 4);
  });

  it('is the same with the 50% written out per step', () => {
    const rates = { visitorToLead: 0.5, leadToMql: 0.5, mqlToSql: 0.5, sqlToOpportunity: 0.5, opportunityToCustomer: 0.5 };
    expect(planFunnel({ ...HALF, rates, reviewsPerRepPerWeek: 8, repsStaffed: 2 })).toEqual(plan);
  });
});

describe('planFunnel: counts', () => {
  it.each<[string, FunnelPlanInput, [number, number, number, number, number, number]]>([
    [
      // 100 customers; /0.25 = 400 opps; /0.30 = 1,333.3 → 1,334 SQLs; /0.5 = 2,668 MQLs; /0.4 = 6,670 leads; /0.1 = 66,700.
      'per-step rates 10% / 40% / 50% / 30% / 25%',
      {
        revenueGoal: 100_000,
        averageDealSize: 1_000,
        rates: { visitorToLead: 0.1, leadToMql: 0.4, mqlToSql: 0.5, sqlToOpportunity: 0.3, opportunityToCustomer: 0.25 },
      },
      [100, 400, 1_334, 2_668, 6_670, 66_700],
    ],
    // 1,050 / 1,000 = 1.05 → 2 customers (a part deal is a deal to win); then 4, 8, 16, 32, 64.
    ['goal 1,050 / deal 1,000 rounds up to 2 customers', { revenueGoal: 1_050, averageDealSize: 1_000, rates: 0.5 }, [2, 4, 8, 16, 32, 64]],
    ['goal 999 / deal 1,000 is still 1 customer', { revenueGoal: 999, averageDealSize: 1_000, rates: 0.5 }, [1, 2, 4, 8, 16, 32]],
    ['goal 1,000 / deal 1,000 is exactly 1', { revenueGoal: 1_000, averageDealSize: 1_000, rates: 0.5 }, [1, 2, 4, 8, 16, 32]],
    [
      // 3 / 0.3 = 10 (not 11, though binary floats give 10.000000000000002); 10 / 0.3 = 33.3 → 34; 34 / 0.3 = 113.3 → 114;
      // 114 / 0.3 = 380; 380 / 0.3 = 1,266.7 → 1,267.
      'rounding up works from the rounded count, without float noise',
      { revenueGoal: 3_000, averageDealSize: 1_000, rates: 0.3 },
      [3, 10, 34, 114, 380, 1_267],
    ],
    // 2 customers /0.75 = 2.67 → 3 opps; /0.75 = 4; /0.75 = 5.33 → 6; /0.75 = 8; /0.75 = 10.67 → 11.
    ['each step rounds from the step below', { revenueGoal: 2_000, averageDealSize: 1_000, rates: 0.75 }, [2, 3, 4, 6, 8, 11]],
    ['a 100% rate keeps every stage equal', { revenueGoal: 5_000, averageDealSize: 1_000, rates: 1 }, [5, 5, 5, 5, 5, 5]],
    // 250,000 / 12,500 = 20; 20 / 0.2 = 100; 100 / 0.25 = 400; 400 / 0.5 = 800; 800 / 0.5 = 1,600; 1,600 / 0.02 = 80,000.
    [
      'a typical B2B funnel',
      {
        revenueGoal: 250_000,
        averageDealSize: 12_500,
        rates: { visitorToLead: 0.02, leadToMql: 0.5, mqlToSql: 0.5, sqlToOpportunity: 0.25, opportunityToCustomer: 0.2 },
      },
      [20, 100, 400, 800, 1_600, 80_000],
    ],
  ])('%s', (_name, input, [customers, opportunities, sqls, mqls, leads, visitors]) => {
    expect(planFunnel(input)).toMatchObject({ customers, opportunities, sqls, mqls, leads, visitors });
  });

  it('per-step staffing: 2,668 MQLs over 48 weeks at 10 reviews, 4 reps staffed', () => {
    const plan = planFunnel({
      revenueGoal: 100_000,
      averageDealSize: 1_000,
      rates: { visitorToLead: 0.1, leadToMql: 0.4, mqlToSql: 0.5, sqlToOpportunity: 0.3, opportunityToCustomer: 0.25 },
      reviewsPerRepPerWeek: 10,
      repsStaffed: 4,
    });
    // 2,668 / 48 = 55.583…; / 10 = 5.5583… reps → 6; / 4 = 1.3896 (139%).
    expect(plan.mqlsPerWeek).toBeCloseTo(55.5833, 4);
    expect(plan.repsNeeded).toBeCloseTo(5.5583, 4);
    expect(plan.repsToHire).toBe(6);
    expect(plan.loadPerStaffedRep).toBeCloseTo(1.3896, 4);
  });

  it.each<[string, Partial<FunnelPlanInput>, number, number | null, number | null, number | null]>([
    // 800 MQLs.
    ['48 working weeks by default', {}, 800 / 48, null, null, null],
    ['50 weeks: 800 / 50 = 16 a week', { workingWeeks: 50 }, 16, null, null, null],
    // 16 / 8 = 2 reps exactly: 2 to staff, not 3.
    ['whole reps are not rounded past', { workingWeeks: 50, reviewsPerRepPerWeek: 8 }, 16, 2, 2, null],
    // 2 / 4 = 0.5: half loaded.
    ['load with more reps than needed', { workingWeeks: 50, reviewsPerRepPerWeek: 8, repsStaffed: 4 }, 16, 2, 2, 0.5],
    ['reps staffed without a review rate: no load', { workingWeeks: 50, repsStaffed: 4 }, 16, null, null, null],
  ])('%s', (_name, extra, mqlsPerWeek, repsNeeded, repsToHire, load) => {
    const plan = planFunnel({ ...HALF, ...extra });
    expect(plan.mqlsPerWeek).toBeCloseTo(mqlsPerWeek, 12);
    expect([plan.repsNeeded, plan.repsToHire, plan.loadPerStaffedRep]).toEqual([repsNeeded, repsToHire, load]);
  });

  it('the schema fills in 48 working weeks', () => {
    expect(FunnelPlanSchema.parse(HALF).workingWeeks).toBe(48);
  });
});

describe('planFunnel: impossible input', () => {
  const perStep = { visitorToLead: 0.1, leadToMql: 0.4, mqlToSql: 0.5, sqlToOpportunity: 0.3, opportunityToCustomer: 0.25 };
  const MORE_THAN_0 = 'must be more than 0';
  const RATE_ZERO = 'must be more than 0 (at 0 nothing ever converts)';
  const RATE_HIGH = 'must be at most 1 (a rate is a share: 0.5 for 50%)';
  const FINITE = 'must be a finite number';

  it.each<[string, Record<string, unknown>, string, string]>([
    ['deal size 0', { averageDealSize: 0 }, 'averageDealSize', `averageDealSize: ${MORE_THAN_0}`],
    ['negative deal size', { averageDealSize: -1_000 }, 'averageDealSize', `averageDealSize: ${MORE_THAN_0}`],
    ['goal 0', { revenueGoal: 0 }, 'revenueGoal', `revenueGoal: ${MORE_THAN_0}`],
    ['negative goal', { revenueGoal: -5 }, 'revenueGoal', `revenueGoal: ${MORE_THAN_0}`],
    ['goal NaN', { revenueGoal: Number.NaN }, 'revenueGoal', `revenueGoal: ${FINITE}`],
    ['goal Infinity', { revenueGoal: Number.POSITIVE_INFINITY }, 'revenueGoal', `revenueGoal: ${FINITE}`],
    ['deal size -Infinity', { averageDealSize: Number.NEGATIVE_INFINITY }, 'averageDealSize', `averageDealSize: ${FINITE}`],
    ['goal as text', { revenueGoal: '100000' }, 'revenueGoal', `revenueGoal: ${FINITE}`],
    ['goal missing', { revenueGoal: undefined }, 'revenueGoal', 'revenueGoal: is required'],
    ['rate 0', { rates: 0 }, 'rates', `rates: ${RATE_ZERO}`],
    ['negative rate', { rates: -0.2 }, 'rates', `rates: ${RATE_ZERO}`],
    ['rate above 1', { rates: 1.5 }, 'rates', `rates: ${RATE_HIGH}`],
    ['rate typed as a percent', { rates: 50 }, 'rates', `rates: ${RATE_HIGH}`],
    ['rate NaN', { rates: Number.NaN }, 'rates', `rates: ${FINITE}`],
    ['rate Infinity', { rates: Number.POSITIVE_INFINITY }, 'rates', `rates: ${FINITE}`],
    ['one step’s rate 0', { rates: { ...perStep, mqlToSql: 0 } }, 'rates.mqlToSql', `rates.mqlToSql: ${RATE_ZERO}`],
    ['one step’s rate above 1', { rates: { ...perStep, visitorToLead: 2 } }, 'rates.visitorToLead', `rates.visitorToLead: ${RATE_HIGH}`],
    ['a step left out', { rates: { ...perStep, leadToMql: undefined } }, 'rates.leadToMql', 'rates.leadToMql: is required'],
    ['0 working weeks', { workingWeeks: 0 }, 'workingWeeks', `workingWeeks: ${MORE_THAN_0}`],
    ['0 reviews per rep', { reviewsPerRepPerWeek: 0 }, 'reviewsPerRepPerWeek', `reviewsPerRepPerWeek: ${MORE_THAN_0}`],
    ['0 reps staffed', { reviewsPerRepPerWeek: 8, repsStaffed: 0 }, 'repsStaffed', `repsStaffed: ${MORE_THAN_0}`],
    ['several at once: all listed, the first named', { revenueGoal: 0, averageDealSize: 0 }, 'revenueGoal', `revenueGoal: ${MORE_THAN_0}; averageDealSize: ${MORE_THAN_0}`],
  ])('%s', (_name, patch, field, message) => {
    const input = { ...HALF, ...patch } as unknown as FunnelPlanInput;
    let caught: unknown;
    try {
      planFunnel(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FunnelInputError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: 'FunnelInputError', field, message });
  });
});
