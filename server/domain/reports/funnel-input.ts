import { z } from 'zod';
import { FunnelInputError, FunnelPlanInput, planFunnel, type FunnelPlan, type FunnelRates } from '../../../lib/core/funnel';
import { Instant } from '../../../lib/core/model/primitives';
import { ApiError } from '../../http/errors';

/** A number in the query, left for lib/core to judge: "abc" and "" arrive as NaN and get its "must be a finite number". */
const NumberParam = z
  .string()
  .transform((s) => (s.trim() === '' ? Number.NaN : Number(s)))
  .optional();

const STEP_RATES = ['visitorToLead', 'leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToCustomer'] as const;

/**
 * `?revenueGoal=&averageDealSize=&rate=` (or one rate per step: `visitorToLead=&leadToMql=…`)`&workingWeeks=&reviewsPerRepPerWeek=`,
 * and `from=&to=`, the period the actuals are measured over (the last 30 days by default).
 */
export const FunnelQuery = z
  .object({
    revenueGoal: NumberParam,
    averageDealSize: NumberParam,
    rate: NumberParam,
    visitorToLead: NumberParam,
    leadToMql: NumberParam,
    mqlToSql: NumberParam,
    sqlToOpportunity: NumberParam,
    opportunityToCustomer: NumberParam,
    workingWeeks: NumberParam,
    reviewsPerRepPerWeek: NumberParam,
    from: Instant.optional(),
    to: Instant.optional(),
  })
  .refine((q) => q.rate === undefined || STEP_RATES.every((step) => q[step] === undefined), {
    message: 'give either rate or a rate per step (visitorToLead, leadToMql, mqlToSql, sqlToOpportunity, opportunityToCustomer), not both',
    path: ['rate'],
  });
export type FunnelQuery = z.infer<typeof FunnelQuery>;

export interface PlannedFunnel {
  plan: FunnelPlan;
  input: z.infer<typeof FunnelPlanInput> & { rates: FunnelRates };
}

/**
 * The plan from lib/core's planFunnel. Input no plan can come from (a deal size of 0, a rate of 1.5) is a 400 carrying
 * lib/core's message, with the query parameter it came from as the issue path ("rates.leadToMql" was `leadToMql`).
 */
export function planFromQuery(query: FunnelQuery, repsStaffed: number): PlannedFunnel {
  const stepGiven = STEP_RATES.some((step) => query[step] !== undefined);
  const raw = {
    revenueGoal: query.revenueGoal,
    averageDealSize: query.averageDealSize,
    rates: stepGiven ? Object.fromEntries(STEP_RATES.map((step) => [step, query[step]])) : query.rate,
    workingWeeks: query.workingWeeks,
    reviewsPerRepPerWeek: query.reviewsPerRepPerWeek,
    // A team of no reps has no load to share: leave it out rather than feed lib/core a 0 it rightly refuses.
    repsStaffed: repsStaffed > 0 ? repsStaffed : undefined,
  };
  // Missing and malformed values go through as they are: lib/core validates them and says what is wrong.
  const input = raw as FunnelPlanInput;
  try {
    const plan = planFunnel(input);
    const parsed = FunnelPlanInput.parse(input);
    return { plan, input: { ...parsed, rates: typeof parsed.rates === 'number' ? sameRateEverywhere(parsed.rates) : parsed.rates } };
  } catch (err) {
    if (err instanceof FunnelInputError) {
      throw new ApiError('bad_request', err.message, [{ path: queryParameterOf(err.field), message: err.message }]);
    }
    throw err;
  }
}

function sameRateEverywhere(rate: number): FunnelRates {
  return { visitorToLead: rate, leadToMql: rate, mqlToSql: rate, sqlToOpportunity: rate, opportunityToCustomer: rate };
}

/** lib/core names the plan's fields; the caller typed query parameters. */
function queryParameterOf(field: string): string {
  if (field === 'rates') return 'rate';
  return field.startsWith('rates.') ? field.slice('rates.'.length) : field;
}
