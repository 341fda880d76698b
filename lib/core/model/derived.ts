import { z } from 'zod';
import { HttpUrl, Id, Instant } from './primitives';
import { ActivityType } from './vocabulary';
import { GRADES } from './scoring';

/** One line of a score's explanation: "Viewed /pricing 3x +27". The parts add up to the score. */
export const ScorePart = z.object({
  kind: z.enum(['fit', 'engagement']),
  ruleId: Id,
  label: z.string(),
  /** Matching activities counted (engagement only). */
  count: z.number().int().nonnegative(),
  points: z.number().int(),
});
export type ScorePart = z.infer<typeof ScorePart>;

export const ScoreResult = z.object({
  score: z.number().int(),
  fit: z.number().int(),
  engagement: z.number().int(),
  grade: z.enum(GRADES),
  /** Both fit and engagement pass the model's thresholds. */
  qualifiesAsMql: z.boolean(),
  parts: z.array(ScorePart),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

export const CADENCE_STATUSES = ['first_touch_due', 'on_track', 'due', 'overdue', 'breached', 'complete', 'exited', 'paused'] as const;
export const CadenceStatus = z.enum(CADENCE_STATUSES);
export type CadenceStatus = z.infer<typeof CadenceStatus>;

export const CadenceState = z.object({
  status: CadenceStatus,
  policyId: Id,
  /** When the next attempt is due; null when complete, exited or paused without an end. */
  nextDueAt: Instant.nullable(),
  /** The first-touch deadline the SLA sets. */
  slaDeadline: Instant,
  /** When the cadence window closes (assignment + window days, moved on by pauses). */
  windowEndsAt: Instant,
  attemptsDone: z.number().int().nonnegative(),
  attemptsPlanned: z.number().int().positive(),
  attemptsLeft: z.number().int().nonnegative(),
  /** Business minutes until the next due time; negative when overdue; null when nothing is due. */
  businessMinutesLeft: z.number().nullable(),
  /** Wall-clock milliseconds until the next due time; negative when overdue; null when nothing is due. */
  wallMsLeft: z.number().nullable(),
  firstAttemptAt: Instant.nullable(),
  /** Whether the first attempt came within the SLA; null while it has not come and the deadline has not passed. */
  firstTouchMet: z.boolean().nullable(),
  exitReason: z.enum(['replied', 'meeting_booked', 'stage']).nullable(),
  pausedUntil: Instant.nullable(),
});
export type CadenceState = z.infer<typeof CadenceState>;

export const IntelligenceSummary = z.object({
  pagesViewed: z.number().int().nonnegative(),
  distinctPages: z.number().int().nonnegative(),
  topPages: z.array(z.object({ url: HttpUrl, title: z.string().nullable(), views: z.number().int().positive() })),
  contentDownloaded: z.array(z.object({ contentId: Id.nullable(), title: z.string().nullable(), url: HttpUrl.nullable(), at: Instant })),
  /** Distinct emails opened by a person (human or proxy). */
  emailsOpened: z.number().int().nonnegative(),
  /** Opens a machine made (Apple prefetch, scanners, instant opens): shown apart, never counted. */
  machineOpens: z.number().int().nonnegative(),
  linksClicked: z.number().int().nonnegative(),
  machineClicks: z.number().int().nonnegative(),
  /** Last human or proxy activity. */
  lastSeenAt: Instant.nullable(),
  activeNow: z.boolean(),
  firstTouch: z.object({ at: Instant, type: ActivityType, url: HttpUrl.nullable() }).nullable(),
  source: z.string().nullable(),
});
export type IntelligenceSummary = z.infer<typeof IntelligenceSummary>;

export const ContentSuggestion = z.object({
  contentId: Id,
  title: z.string(),
  url: HttpUrl,
  score: z.number(),
  /** One line a rep can say out loud: "Decision stage for an SQL · on pricing, which they viewed". */
  reason: z.string(),
});
export type ContentSuggestion = z.infer<typeof ContentSuggestion>;
