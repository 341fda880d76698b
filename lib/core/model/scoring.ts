import { z } from 'zod';
import { Id, Version } from './primitives';
import { ActivityType } from './vocabulary';

/** The profile fields a fit rule may test. */
export const FIT_FIELDS = [
  'title',
  'seniority',
  'country',
  'companySize',
  'industry',
  'businessModel',
  'leadType',
  'source',
  'emailDomain',
] as const;
export const FitField = z.enum(FIT_FIELDS, { message: `must be one of ${FIT_FIELDS.join(', ')}` });
export type FitField = z.infer<typeof FitField>;

const Points = z.number().int('points must be whole numbers').min(-100).max(100);
const Label = z.string().trim().min(1, 'a rule needs a label').max(80);

/**
 * A wildcard pattern, case-insensitive: `*` is any run of characters and `|` separates alternatives
 * ("*vp*|*head of*", "/pricing*"). Not a regular expression, so a rule can never hang the scorer.
 */
export const WildcardPattern = z.string().min(1).max(200);

const FitBase = { id: Id, field: FitField, points: Points, label: Label };
export const FitRule = z.discriminatedUnion('op', [
  z.object({ ...FitBase, op: z.literal('equals'), value: z.union([z.string().max(200), z.number()]) }),
  z.object({ ...FitBase, op: z.literal('one_of'), values: z.array(z.union([z.string().max(200), z.number()])).min(1).max(200) }),
  z
    .object({ ...FitBase, op: z.literal('range'), min: z.number().nullable().default(null), max: z.number().nullable().default(null) })
    .refine((r) => r.min !== null || r.max !== null, { message: 'a range needs a min or a max', path: ['min'] })
    .refine((r) => r.min === null || r.max === null || r.min <= r.max, { message: 'min must not exceed max', path: ['max'] }),
  z.object({ ...FitBase, op: z.literal('pattern'), pattern: WildcardPattern }),
]);
export type FitRule = z.infer<typeof FitRule>;

export const EngagementRule = z.object({
  id: Id,
  activity: ActivityType,
  /** Only activity whose URL (path, or whole URL when the pattern has "://") matches. */
  urlPattern: WildcardPattern.nullable().default(null),
  points: Points,
  label: Label,
});
export type EngagementRule = z.infer<typeof EngagementRule>;

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const ScoringModel = z
  .object({
    fitRules: z.array(FitRule).max(200).default([]),
    engagementRules: z.array(EngagementRule).max(200).default([]),
    /** Engagement points halve every this many days; null keeps them forever. */
    halfLifeDays: z.number().positive().max(3650).nullable().default(30),
    mqlFitThreshold: z.number().int().min(0).max(1000),
    mqlEngagementThreshold: z.number().int().min(0).max(1000),
    /**
     * When a person's activity makes a lead (or a recycled contact) qualify, the server moves it to `mql` itself, as
     * the rule `mql_threshold` (lib/core/stage/mql-rule.ts). Off: scoring only says it qualifies and a person decides.
     */
    autoPromoteMql: z.boolean().default(true),
    /** Fit needed for each grade; below C is D. */
    gradeThresholds: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() }).refine((g) => g.A >= g.B && g.B >= g.C, {
      message: 'grade thresholds must fall from A to C',
    }),
    version: Version.default(0),
  })
  .refine((m) => new Set([...m.fitRules, ...m.engagementRules].map((r) => r.id)).size === m.fitRules.length + m.engagementRules.length, {
    message: 'rule ids must be unique',
    path: ['fitRules'],
  });
export type ScoringModel = z.infer<typeof ScoringModel>;
export type ScoringModelInput = z.input<typeof ScoringModel>;
