import { z } from 'zod';
import { Id, Slug, Version } from './primitives';
import { AttemptChannel } from './vocabulary';

/**
 * Sales' side of the SLA for some lead types: the first attempt within `firstTouchBusinessHours` of assignment, then
 * `attempts` in all within `windowDays` calendar days, follow-up k due `followUpBusinessHours[k-2]` business hours after
 * the attempt before it.
 */
export const CadencePolicy = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(100),
    /** Lead types it covers; the default policy covers every type no other policy names. */
    leadTypes: z.array(Slug).max(50).default([]),
    isDefault: z.boolean().default(false),
    firstTouchBusinessHours: z.number().positive('must be more than 0').max(24 * 30),
    attempts: z.number().int().min(1, 'at least 1 attempt').max(30, 'at most 30 attempts'),
    windowDays: z.number().int().min(1).max(365),
    followUpBusinessHours: z.array(z.number().positive('each gap must be more than 0').max(24 * 60)).max(29),
    /**
     * The channel each attempt is planned on (attempt k is `stepChannels[k-1]`: "call, email, call, …"); empty when the
     * rep picks (and in policies saved before it existed). A plan only: an attempt on another channel still counts.
     */
    stepChannels: z.array(AttemptChannel).max(30).default([]),
    /** How long before a due time the status turns from on track to due. */
    dueSoonBusinessMinutes: z.number().int().min(0).max(24 * 60).default(60),
    version: Version.default(0),
  })
  .refine((p) => p.followUpBusinessHours.length === p.attempts - 1, {
    message: 'must give one gap for each attempt after the first',
    path: ['followUpBusinessHours'],
  })
  .refine((p) => p.stepChannels.length === 0 || p.stepChannels.length === p.attempts, {
    message: 'must give one channel for each attempt, or none',
    path: ['stepChannels'],
  });
export type CadencePolicy = z.infer<typeof CadencePolicy>;
export type CadencePolicyInput = z.input<typeof CadencePolicy>;

/** The SLA our users wrote down: first attempt within 4 business hours, 5 attempts in 14 days. */
export const DEFAULT_CADENCE_POLICY: CadencePolicy = CadencePolicy.parse({
  id: 'default',
  name: 'Standard: first touch in 4 business hours, 5 attempts in 14 days',
  isDefault: true,
  firstTouchBusinessHours: 4,
  attempts: 5,
  windowDays: 14,
  // 2, 2, 3 and 3 working days of 8 hours: the fifth attempt lands inside two calendar weeks.
  followUpBusinessHours: [16, 16, 24, 24],
});

/** The policy for a lead type: the one naming it, else the default one, else the SLA our users wrote down. */
export function policyForLeadType(policies: readonly CadencePolicy[], leadType: string | null): CadencePolicy {
  return (
    (leadType === null ? undefined : policies.find((p) => p.leadTypes.includes(leadType))) ??
    policies.find((p) => p.isDefault) ??
    DEFAULT_CADENCE_POLICY
  );
}
