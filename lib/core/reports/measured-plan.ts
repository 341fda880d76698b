import { planFunnel, type FunnelPlan } from '../funnel';
import type { FunnelRates } from '../funnel/schema';
import { FUNNEL_STEPS, type FunnelStep } from './funnel-actuals';

export type RateSource = 'measured' | 'given';

export interface MeasuredPlan {
  rates: FunnelRates;
  /** Per step: the team's measured rate, or the one the caller gave where nothing can be measured. */
  sources: Record<FunnelStep, RateSource>;
  plan: FunnelPlan;
}

/**
 * The same plan worked back with the rates the team actually has: each measured rate where there is one above 0 (a
 * rate of 0 plans nothing; none means nobody reached the stage), else the rate the caller gave.
 */
export function planWithMeasuredRates(
  input: { revenueGoal: number; averageDealSize: number; workingWeeks: number; reviewsPerRepPerWeek?: number; repsStaffed?: number },
  given: FunnelRates,
  measured: Record<FunnelStep, number | null>,
): MeasuredPlan {
  const rates = { ...given };
  const sources = {} as Record<FunnelStep, RateSource>;
  for (const [step] of FUNNEL_STEPS) {
    const rate = measured[step];
    const usable = rate !== null && rate > 0 && rate <= 1;
    if (usable) rates[step] = rate;
    sources[step] = usable ? 'measured' : 'given';
  }
  return { rates, sources, plan: planFunnel({ ...input, rates }) };
}
