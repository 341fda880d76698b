import { z } from 'zod';

/** A number a person typed: missing, NaN and ±Infinity all fail with words they can act on. */
const finite = () =>
  z.number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a finite number') });

const Positive = finite().gt(0, 'must be more than 0');
const NonNegative = finite().min(0, 'must not be negative');

/** A conversion rate as a share (0.5 for 50%). 0 would need infinitely many at the top; above 1 is a typo for a percent. */
export const ConversionRate = finite()
  .gt(0, 'must be more than 0 (at 0 nothing ever converts)')
  .max(1, 'must be at most 1 (a rate is a share: 0.5 for 50%)');

/** One rate per step of the funnel, top to bottom. */
export const FunnelRates = z.object({
  visitorToLead: ConversionRate,
  leadToMql: ConversionRate,
  mqlToSql: ConversionRate,
  sqlToOpportunity: ConversionRate,
  opportunityToCustomer: ConversionRate,
});
export type FunnelRates = z.infer<typeof FunnelRates>;

export const FunnelPlanInput = z.object({
  /** Revenue to win over the period the plan covers (a year of `workingWeeks`). */
  revenueGoal: Positive,
  averageDealSize: Positive,
  /** One rate for every step, or one per step. */
  rates: z.union([ConversionRate, FunnelRates]),
  workingWeeks: Positive.default(48),
  /** MQLs one rep can review (accept or reject) in a week; without it no staffing is computed. */
  reviewsPerRepPerWeek: Positive.optional(),
  /** Reps on the team today; with reviewsPerRepPerWeek it gives each rep's load. */
  repsStaffed: Positive.optional(),
});
export type FunnelPlanInput = z.input<typeof FunnelPlanInput>;

export const MqlLoadInput = z.object({
  mqlsPerWeek: NonNegative,
  reviewsPerRepPerWeek: Positive,
  repsStaffed: Positive.optional(),
});
export type MqlLoadInput = z.input<typeof MqlLoadInput>;

export const LeadsForQuotaInput = z.object({
  /** Revenue a rep (or team) must close per month. */
  quota: Positive,
  averageDealSize: Positive,
  leadToCustomerRate: ConversionRate,
});
export type LeadsForQuotaInput = z.input<typeof LeadsForQuotaInput>;

export const AttemptsPerLeadInput = z.object({
  leadsPerMonth: Positive,
  /** Hours a month the rep can spend calling and writing to leads; 0 affords no attempts. */
  prospectingHoursPerMonth: NonNegative,
  minutesPerAttempt: Positive,
});
export type AttemptsPerLeadInput = z.input<typeof AttemptsPerLeadInput>;
