import { z } from 'zod';

/** Where a contact is in the funnel (docs/vocabulary.md § Lifecycle stages), plus the two ways out of it. */
export const LIFECYCLE_STAGES = [
  'visitor',
  'lead',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'recycled',
  'disqualified',
] as const;
export const LifecycleStage = z.enum(LIFECYCLE_STAGES, { message: `must be one of ${LIFECYCLE_STAGES.join(', ')}` });
export type LifecycleStage = z.infer<typeof LifecycleStage>;

export const JOURNEY_STAGES = ['awareness', 'consideration', 'decision'] as const;
export const JourneyStage = z.enum(JOURNEY_STAGES, { message: `must be one of ${JOURNEY_STAGES.join(', ')}` });
export type JourneyStage = z.infer<typeof JourneyStage>;

/** Lead types a workspace starts with; a workspace may name others (any slug). */
export const KNOWN_LEAD_TYPES = ['demo_request', 'content_download', 'trial', 'event', 'referral', 'contact_us', 'other'] as const;

export const ACTIVITY_TYPES = [
  'page_view',
  'content_download',
  'form_submit',
  'email_open',
  'email_click',
  'email_reply',
  'meeting_booked',
  'unsubscribe',
] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES, { message: `must be one of ${ACTIVITY_TYPES.join(', ')}` });
export type ActivityType = z.infer<typeof ActivityType>;

export const TRUST_LABELS = ['human', 'proxy', 'machine'] as const;
export const TrustLabel = z.enum(TRUST_LABELS, { message: `must be one of ${TRUST_LABELS.join(', ')}` });
export type TrustLabel = z.infer<typeof TrustLabel>;

export const ATTEMPT_CHANNELS = ['call', 'email', 'voicemail', 'social'] as const;
export const AttemptChannel = z.enum(ATTEMPT_CHANNELS, { message: `must be one of ${ATTEMPT_CHANNELS.join(', ')}` });
export type AttemptChannel = z.infer<typeof AttemptChannel>;

export const ATTEMPT_OUTCOMES = ['connected', 'no_answer', 'left_voicemail', 'wrong_number', 'replied', 'meeting_booked'] as const;
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES, { message: `must be one of ${ATTEMPT_OUTCOMES.join(', ')}` });
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const ROLES = ['rep', 'manager', 'marketing', 'admin'] as const;
export const Role = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });
export type Role = z.infer<typeof Role>;
