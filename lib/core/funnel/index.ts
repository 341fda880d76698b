export { planFunnel } from './plan';
export type { FunnelPlan } from './plan';
export { mqlLoad, leadsNeededForQuota, affordableAttemptsPerLead } from './capacity';
export type { MqlLoad, LeadsForQuota, AttemptsPerLead } from './capacity';
export { FunnelInputError } from './errors';
export { FunnelPlanInput, FunnelRates, ConversionRate, MqlLoadInput, LeadsForQuotaInput, AttemptsPerLeadInput } from './schema';
