import { FunnelInputError, planFunnel, type FunnelPlan, type FunnelPlanInput } from '../../../lib/core/funnel';

export const STEPS = ['visitorToLead', 'leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToCustomer'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  visitorToLead: 'Visitor → lead',
  leadToMql: 'Lead → MQL',
  mqlToSql: 'MQL → SQL',
  sqlToOpportunity: 'SQL → opportunity',
  opportunityToCustomer: 'Opportunity → customer',
};

/** The planner's fields as typed: strings, so a half-typed "0." stays what the person sees. */
export interface PlanForm {
  revenueGoal: string;
  averageDealSize: string;
  mode: 'one' | 'per_step';
  rate: string;
  rates: Record<Step, string>;
  workingWeeks: string;
  reviewsPerRepPerWeek: string;
  repsStaffed: string;
}

export type PlanResult = { ok: true; plan: FunnelPlan } | { ok: false; field: string; message: string };

/** An empty field is missing (the core says "is required"); anything else is the number it reads as (NaN for "abc"). */
function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim().replace(/[\s,_]/g, ''));
}

export function inputOf(form: PlanForm): FunnelPlanInput {
  const rates =
    form.mode === 'one'
      ? numberOf(form.rate)
      : Object.fromEntries(STEPS.map((s) => [s, numberOf(form.rates[s])]));
  const optional = (text: string) => numberOf(text);
  return {
    revenueGoal: numberOf(form.revenueGoal),
    averageDealSize: numberOf(form.averageDealSize),
    rates,
    workingWeeks: optional(form.workingWeeks),
    reviewsPerRepPerWeek: optional(form.reviewsPerRepPerWeek),
    repsStaffed: optional(form.repsStaffed),
  } as FunnelPlanInput;
}

/**
 * The plan from lib/core, as the person types: the same planFunnel the server's report runs, and on bad input the
 * core's own message with the field it names ("rates.mqlToSql"), so the form can point at it.
 */
export function planOf(form: PlanForm): PlanResult {
  try {
    return { ok: true, plan: planFunnel(inputOf(form)) };
  } catch (err) {
    if (err instanceof FunnelInputError) return { ok: false, field: err.field, message: err.message };
    throw err;
  }
}

/** The id of the input a core field name points at ("rates.mqlToSql" → the per-step input, "rates" → the one rate). */
export function inputIdOf(field: string, mode: PlanForm['mode']): string {
  if (field === 'rates' || field.startsWith('rates.')) {
    const step = field.slice('rates.'.length);
    return mode === 'one' || step === '' ? 'plan-rate' : `plan-rate-${step}`;
  }
  return `plan-${field}`;
}
