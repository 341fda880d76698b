import { z } from 'zod';
import { Email, Id, Instant, Slug, Version } from './primitives';
import { OpenTrackingConsent } from './tracking';
import { LifecycleStage } from './vocabulary';

/** A stretch of time in which the cadence clock stops (the lead asked to be called after a trip, say). */
export const Pause = z
  .object({
    from: Instant,
    /** Absent while the pause is open-ended. */
    to: Instant.nullable().default(null),
    reason: z.string().trim().min(1, 'a pause needs a reason').max(200),
  })
  .refine((p) => p.to === null || Date.parse(p.to) > Date.parse(p.from), {
    message: 'a pause must end after it starts',
    path: ['to'],
  });
export type Pause = z.infer<typeof Pause>;

export const BUSINESS_MODELS = ['b2b', 'b2c'] as const;

/** The profile fields scoring's fit rules can read (docs/vocabulary.md § Fit, engagement, score: seniority, country, company size, industry, B2B/B2C). */
export const ContactProfile = z.object({
  title: z.string().trim().max(200).nullable().default(null),
  company: z.string().trim().max(200).nullable().default(null),
  seniority: z.enum(['entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner']).nullable().default(null),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US')
    .nullable()
    .default(null),
  companySize: z.number().int().nonnegative().max(10_000_000, 'must be at most 10,000,000').nullable().default(null),
  industry: Slug.nullable().default(null),
  businessModel: z.enum(BUSINESS_MODELS).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
});
export type ContactProfile = z.infer<typeof ContactProfile>;

export const Contact = z.object({
  id: Id,
  email: Email,
  name: z.string().trim().max(200).nullable().default(null),
  ...ContactProfile.shape,
  stage: LifecycleStage,
  /** Why the contact was recycled or disqualified; null otherwise. */
  stageReason: z.string().trim().max(500).nullable().default(null),
  /** The code of that reason in the workspace's list (`other` for a free text); null with it. */
  stageReasonCode: Slug.nullable().default(null),
  /** A customer's won deal value, in the workspace's currency (`outcomes.currency`); null otherwise or when not given. */
  dealValue: z.number().nonnegative().nullable().default(null),
  /** Why the lead arrived (`demo_request`, `trial` ...): picks the cadence policy. */
  leadType: Slug.nullable().default(null),
  /** Where it came from first (`website`, `event`, `import` ...). */
  source: Slug.nullable().default(null),
  ownerId: Id.nullable().default(null),
  /** When the current owner got the lead: the SLA clock starts here. */
  assignedAt: Instant.nullable().default(null),
  pauses: z.array(Pause).max(50).default([]),
  /** Opted out of tracking: no activity is recorded for it. */
  optedOut: z.boolean().default(false),
  /** The person's answer about individually tracked email opens (see EmailOpenMode); null while unknown. */
  openTrackingConsent: OpenTrackingConsent.nullable().default(null),
  /** When that answer was recorded; null with it. */
  openTrackingConsentAt: Instant.nullable().default(null),
  createdAt: Instant,
  updatedAt: Instant,
  version: Version.default(0),
});
export type Contact = z.infer<typeof Contact>;
export type ContactInput = z.input<typeof Contact>;
