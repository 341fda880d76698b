import { z } from 'zod';
import { strictDeep } from './admin-requests';
import { Id, Instant } from './primitives';
import { GRADES, ScoringModel } from './scoring';
import { LifecycleStage } from './vocabulary';

// POST /v1/settings/scoring/preview (docs/api.md § Scoring preview): what a proposed scoring model would change before
// anyone saves it. The server answers with these shapes and the dashboard parses with them.

const Count = z.number().int().nonnegative();

export const SCORING_PREVIEW_LIMIT_MAX = 500;
export const SCORING_PREVIEW_LIMIT_DEFAULT = 100;

/** The proposed model, strict at every level like PUT /v1/settings; `limit` caps the contacts listed (not the counts). */
export const ScoringPreviewRequest = z.strictObject({
  scoring: strictDeep(ScoringModel),
  limit: z
    .number()
    .int()
    .min(1, 'limit must be at least 1')
    .max(SCORING_PREVIEW_LIMIT_MAX, `limit must be at most ${SCORING_PREVIEW_LIMIT_MAX}`)
    .default(SCORING_PREVIEW_LIMIT_DEFAULT),
});
export type ScoringPreviewRequest = z.infer<typeof ScoringPreviewRequest>;

const Grade = z.enum(GRADES);

/** One contact's score under one model (scoreContact without the explanation). */
export const ScoredFigures = z.object({
  score: z.number().int(),
  fit: z.number().int(),
  engagement: z.number().int(),
  grade: Grade,
  qualifiesAsMql: z.boolean(),
});
export type ScoredFigures = z.infer<typeof ScoredFigures>;

/** A contact whose score, grade or MQL flag the proposed model changes. */
export const ScoringPreviewItem = z.object({
  id: Id,
  email: z.string(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  stage: LifecycleStage,
  current: ScoredFigures,
  proposed: ScoredFigures,
});
export type ScoringPreviewItem = z.infer<typeof ScoringPreviewItem>;

export const GradeCounts = z.object({ A: Count, B: Count, C: Count, D: Count });
export type GradeCounts = z.infer<typeof GradeCounts>;

export const ScoringPreview = z.object({
  /** The instant both models were scored at (engagement decays with time). */
  scoredAt: Instant,
  /** Contacts scored: not deleted, in visitor, lead, mql, sql, opportunity or recycled. */
  scored: Count,
  /** Of those, how many the proposed model changes (score, grade or MQL flag): every contact behind `items`. */
  changed: Count,
  grades: z.object({
    current: GradeCounts,
    proposed: GradeCounts,
    /** Each move from one grade to another with how many contacts make it; most first, then by grade. */
    changes: z.array(z.object({ from: Grade, to: Grade, count: Count })),
  }),
  mql: z.object({
    /** Contacts that qualify as an MQL under each model. */
    current: Count,
    proposed: Count,
    /** Qualify under the proposed model and not now. */
    starting: Count,
    /** Qualify now and not under the proposed model. */
    stopping: Count,
  }),
  /** Changed contacts, MQL flag changes first, then grade changes, then the biggest score change; at most `limit`. */
  items: z.array(ScoringPreviewItem),
  /** More changed contacts than `items` lists. */
  more: z.boolean(),
});
export type ScoringPreview = z.infer<typeof ScoringPreview>;
