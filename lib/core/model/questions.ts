import { z } from 'zod';
import { questionKey } from '../questions/group-key';
import { Id, Instant, PageCursor, pageLimit, Version } from './primitives';
import { LIFECYCLE_STAGES, LifecycleStage } from './vocabulary';

// Prospects' questions: a rep notes what a prospect asked (`question.note`, offline like any write); marketing reads
// them grouped and ranked (`GET /v1/questions`) and links a content item as a group's answer, which the panel then
// suggests to reps whose leads asked (docs/vocabulary.md § Prospects' questions).

export const QUESTION_MAX_CHARS = 280;

/** What a rep types: one line, at most 280 characters, with at least one word the grouping can read. */
export const QuestionText = z
  .string()
  .trim()
  // Each check stops the ones after it, so a refusal names the one problem to fix.
  .min(1, { error: 'a question must not be empty', abort: true })
  .max(QUESTION_MAX_CHARS, { error: `a question must be at most ${QUESTION_MAX_CHARS} characters`, abort: true })
  .regex(/^[^\r\n]*$/, { error: 'a question is one line: no line breaks', abort: true })
  .refine((text) => questionKey(text) !== '', 'a question needs at least one word of two letters or more');

/**
 * A group key as questionKey makes it: stems of letters and digits joined by "-" ("integr-salesforce"). It travels in
 * URL paths, so the shape is checked before anything is looked up.
 */
export const QuestionKey = z
  .string()
  .min(1, 'must not be empty')
  .max(400, 'must be at most 400 characters')
  .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'must be a question group key such as "integr-salesforce"');

/** One question as asked: by whom it was noted, when it was asked and the contact's lifecycle stage then. */
export const Question = z.object({
  id: Id,
  contactId: Id,
  /** The rep who noted it. */
  userId: Id,
  text: z.string(),
  key: z.string(),
  stage: LifecycleStage,
  at: Instant,
  version: Version.default(0),
});
export type Question = z.infer<typeof Question>;

/** A group's answer: the content item marketing linked (null once unlinked, so caches drop theirs). */
export const QuestionAnswer = z.object({
  key: z.string(),
  contentId: Id.nullable(),
  linkedBy: Id.nullable(),
  linkedAt: Instant,
  version: Version.default(0),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

/** `PUT /v1/questions/:key/answer`. */
export const QuestionAnswerLink = z.strictObject({ contentId: Id });
export type QuestionAnswerLink = z.infer<typeof QuestionAnswerLink>;

export const QUESTION_PAGE_MAX = 200;
export const QUESTION_PAGE_DEFAULT = 50;

/** `GET /v1/questions?stage=&before=&limit=`: `stage` keeps only questions asked at that stage (every figure then counts those). */
export const QuestionListQuery = z.strictObject({
  stage: LifecycleStage.optional(),
  before: PageCursor.optional(),
  limit: pageLimit(QUESTION_PAGE_MAX, QUESTION_PAGE_DEFAULT),
});
export type QuestionListQuery = z.infer<typeof QuestionListQuery>;

export const QUESTION_SAMPLE_WORDINGS = 3;

const QuestionStageCounts = z.strictObject(
  Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, z.number().int().nonnegative()])) as Record<LifecycleStage, z.ZodNumber>,
);
export type QuestionStageCounts = z.infer<typeof QuestionStageCounts>;

export const QuestionGroup = z.object({
  key: z.string(),
  /** Times asked (each note counts, the same contact asking twice included). */
  count: z.number().int().nonnegative(),
  /** Distinct contacts who asked. */
  contacts: z.number().int().nonnegative(),
  /** Times asked at each lifecycle stage (every stage present, zeros included, ready to chart). */
  byStage: QuestionStageCounts,
  firstAskedAt: Instant,
  lastAskedAt: Instant,
  /** Up to 3 distinct wordings, most recently asked first. */
  wordings: z.array(z.string()),
  answer: z
    .object({ contentId: Id, title: z.string(), linkedBy: Id.nullable(), linkedAt: Instant })
    .nullable(),
});
export type QuestionGroup = z.infer<typeof QuestionGroup>;

/** Most asked first; ties: asked more recently, then key A–Z. */
export const QuestionGroupPage = z.object({
  groups: z.array(QuestionGroup),
  more: z.boolean(),
  /** Pass as `before` for the next page; null when `more` is false. */
  next: z.string().nullable(),
});
export type QuestionGroupPage = z.infer<typeof QuestionGroupPage>;
