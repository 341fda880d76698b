import { mqlLoad } from './capacity';
import { parseFunnelInput } from './errors';
import type { FunnelRates } from './schema';
import { FunnelPlanInput } from './schema';
import { wholeAtLeast } from './rounding';

export interface FunnelPlan {
  customers: number;
  opportunities: number;
  sqls: number;
  mqls: number;
  leads: number;
  visitors: number;
  /** MQLs arriving each working week, unrounded (800 / 48 = 16.666…). */
  mqlsPerWeek: number;
  /** Reps the weekly MQLs keep busy, unrounded; null without reviewsPerRepPerWeek. */
  repsNeeded: number | null;
  /** repsNeeded rounded up: the head count, not the hires on top of today's team; null without reviewsPerRepPerWeek. */
  repsToHire: number | null;
  /** repsNeeded / repsStaffed (1.0417 = 104% loaded); null unless both reviewsPerRepPerWeek and repsStaffed are given. */
  loadPerStaffedRep: number | null;
}

/**
 * Works a revenue goal back up the funnel: customers, then each stage above from the rounded count below it, so every
 * figure is a whole number of people that really yields the one below. Rates and per-week figures stay unrounded.
 * Throws FunnelInputError on input no plan can come from (a 0 rate, a deal size of 0, Infinity ...).
 */
export function planFunnel(input: FunnelPlanInput): FunnelPlan {
  const parsed = parseFunnelInput(FunnelPlanInput, input);
  const rates = ratesPerStep(parsed.rates);

  const customers = wholeAtLeast(parsed.revenueGoal / parsed.averageDealSize);
  const opportunities = wholeAtLeast(customers / rates.opportunityToCustomer);
  const sqls = wholeAtLeast(opportunities / rates.sqlToOpportunity);
  const mqls = wholeAtLeast(sqls / rates.mqlToSql);
  const leads = wholeAtLeast(mqls / rates.leadToMql);
  const visitors = wholeAtLeast(leads / rates.visitorToLead);
  const mqlsPerWeek = mqls / parsed.workingWeeks;

  const load =
    parsed.reviewsPerRepPerWeek === undefined
      ? null
      : mqlLoad({ mqlsPerWeek, reviewsPerRepPerWeek: parsed.reviewsPerRepPerWeek, repsStaffed: parsed.repsStaffed });

  return {
    customers,
    opportunities,
    sqls,
    mqls,
    leads,
    visitors,
    mqlsPerWeek,
    repsNeeded: load?.repsNeeded ?? null,
    repsToHire: load?.repsToHire ?? null,
    loadPerStaffedRep: load?.loadPerStaffedRep ?? null,
  };
}

function ratesPerStep(rates: number | FunnelRates): FunnelRates {
  if (typeof rates !== 'number') return rates;
  return { visitorToLead: rates, leadToMql: rates, mqlToSql: rates, sqlToOpportunity: rates, opportunityToCustomer: rates };
}
