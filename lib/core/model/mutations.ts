import { z } from 'zod';
import { DealValue, OTHER_REASON } from './outcomes';
import { Email, HttpUrl, Id, Instant, Slug } from './primitives';
import { QuestionText } from './questions';
import { AttemptChannel, AttemptOutcome, LifecycleStage } from './vocabulary';

const Reason = z.string().trim().min(3, 'a reason of at least 3 characters is required').max(500);
const base = { id: Id, at: Instant };

export const AttemptLog = z.strictObject({
  ...base,
  type: z.literal('attempt.log'),
  attempt: z.strictObject({
    id: Id,
    contactId: Id,
    channel: AttemptChannel,
    outcome: AttemptOutcome.nullable().default(null),
    note: z.string().trim().max(2000, 'a note must be at most 2000 characters').nullable().default(null),
    contentIds: z.array(Id).max(20).default([]),
    at: Instant,
  }),
});

export const AttemptUndo = z.strictObject({ ...base, type: z.literal('attempt.undo'), attemptId: Id });

/**
 * How long after an attempt its author (or a manager) may amend it, counted from the attempt's `at` to the amend's
 * `at`: a day covers "log now, fill in the outcome after the call" and an evening's catch-up, and the panel offers
 * the timeline's Undo for the same time. Measured by the amend's own time, so an amend made offline within the day is
 * not lost when it reaches the server later (the server still refuses an `at` ahead of its clock).
 */
export const ATTEMPT_AMEND_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Changes an attempt's outcome or note after it was logged (channel first, outcome second). A field left out stays as
 * it was; null clears it. At least one of them must be given.
 */
export const AttemptAmend = z
  .strictObject({
    ...base,
    type: z.literal('attempt.amend'),
    attemptId: Id,
    outcome: AttemptOutcome.nullable().optional(),
    note: z.string().trim().max(2000, 'a note must be at most 2000 characters').nullable().optional(),
  })
  .refine((m) => m.outcome !== undefined || m.note !== undefined, { message: 'say what to amend: an outcome, a note or both', path: ['outcome'] });

/** A code from the workspace's reason list for the move (lib/core/model/outcomes.ts), or `other` with a text. */
const ReasonCode = Slug.nullable().default(null);
const otherNeedsText = {
  check: (m: { reasonCode: string | null; reason: string | null }) => m.reasonCode !== OTHER_REASON || m.reason !== null,
  issue: { message: 'the reason "other" needs a text saying why', path: ['reason'] },
};

/**
 * Carries the stage it expects to replace: if someone moved the contact meanwhile, the server answers a conflict. A
 * reason is a code from the workspace's list with an optional detail, or a text alone (older panels sent only that:
 * it counts as `other`). A win may carry the deal's value, in the workspace's currency.
 */
export const ContactStage = z
  .strictObject({
    ...base,
    type: z.literal('contact.stage'),
    contactId: Id,
    from: LifecycleStage,
    to: LifecycleStage,
    reasonCode: ReasonCode,
    reason: Reason.nullable().default(null),
    dealValue: DealValue.nullable().default(null),
  })
  .refine((m) => m.from !== m.to, { message: 'the new stage must differ from the old one', path: ['to'] })
  .refine((m) => m.to !== 'recycled', { message: 'recycling goes through contact.recycle, with a reason', path: ['to'] })
  .refine((m) => m.to !== 'disqualified' || m.reason !== null || m.reasonCode !== null, { message: 'disqualifying needs a reason', path: ['reason'] })
  .refine(otherNeedsText.check, otherNeedsText.issue)
  .refine((m) => m.dealValue === null || m.to === 'customer', { message: 'a deal value goes only with a win (to customer)', path: ['dealValue'] });

/**
 * Hands a contact back to marketing, or loses an opportunity back to nurture, with a reason. `from`, the stage the
 * client saw, is checked when given (older panels leave it out).
 */
export const ContactRecycle = z
  .strictObject({
    ...base,
    type: z.literal('contact.recycle'),
    contactId: Id,
    from: LifecycleStage.nullable().default(null),
    reasonCode: ReasonCode,
    reason: Reason.nullable().default(null),
  })
  .refine((m) => m.reason !== null || m.reasonCode !== null, { message: 'recycling needs a reason', path: ['reason'] })
  .refine(otherNeedsText.check, otherNeedsText.issue);

/**
 * How long a stage change can be undone, counted from the move to the undo's `at` (the same day as an attempt's
 * amend, for the same reasons; the panel's toast offers it for eight seconds).
 */
export const STAGE_UNDO_WINDOW_MS = ATTEMPT_AMEND_WINDOW_MS;

/**
 * Takes back a stage change the caller made (accept, recycle, disqualify, won, lost): `undoes` is the id of the
 * mutation that made it. The server puts the contact back in the stage (and reason) it left and records the way back
 * as a stage change of its own that names the one it undoes, so the history stays true.
 */
export const ContactStageUndo = z.strictObject({ ...base, type: z.literal('contact.stage_undo'), contactId: Id, undoes: Id });

/** An address Leadside does not know, put forward by a rep: it waits for review and is never created silently. */
export const ContactSuggest = z.strictObject({
  ...base,
  type: z.literal('contact.suggest'),
  email: Email,
  name: z.string().trim().max(200).nullable().default(null),
  company: z.string().trim().max(200).nullable().default(null),
  title: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
  /** The page the rep saw the address on. */
  seenOn: HttpUrl.nullable().default(null),
});

/** A question a prospect asked, noted by a rep; the server records the contact's stage at `question.at`. */
export const QuestionNote = z.strictObject({
  ...base,
  type: z.literal('question.note'),
  question: z.strictObject({ id: Id, contactId: Id, text: QuestionText, at: Instant }),
});

export const MUTATION_TYPES = ['attempt.log', 'attempt.undo', 'attempt.amend', 'contact.stage', 'contact.recycle', 'contact.stage_undo', 'contact.suggest', 'question.note'] as const;
export type MutationType = (typeof MUTATION_TYPES)[number];
export const Mutation = z.discriminatedUnion('type', [AttemptLog, AttemptUndo, AttemptAmend, ContactStage, ContactRecycle, ContactStageUndo, ContactSuggest, QuestionNote], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `must be one of ${MUTATION_TYPES.join(', ')}` : undefined,
});
export type Mutation = z.infer<typeof Mutation>;

/** The contact a mutation is about, when it names one (an undo names its attempt, a suggestion an address). */
export function mutationContactId(m: Mutation): string | null {
  if (m.type === 'attempt.log') return m.attempt.contactId;
  if (m.type === 'question.note') return m.question.contactId;
  return 'contactId' in m ? m.contactId : null;
}
export type MutationInput = z.input<typeof Mutation>;

export const MAX_MUTATIONS_PER_REQUEST = 500;
export const MutationBatch = z.strictObject({
  mutations: z
    .array(z.unknown())
    .min(1, 'send at least one mutation')
    .max(MAX_MUTATIONS_PER_REQUEST, `at most ${MAX_MUTATIONS_PER_REQUEST} mutations a request`),
});

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const MutationResult = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** On a duplicate: what the first answer was. Older servers leave it out and only carry the first answer's error. */
  firstStatus: z.enum(['applied', 'rejected']).optional(),
  error: ErrorBody.optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

/**
 * Whether the server refused the change: `rejected`, or a `duplicate` of a first answer that was a refusal (the first
 * answer may have been lost on the way back, so a replay is judged by the first answer it carries). An error on a
 * duplicate counts as that refusal even when the first status is missing or says otherwise: a refusal shown by mistake
 * can be dismissed, a change that silently vanished cannot be found again.
 */
export function wasRefused(result: MutationResult): boolean {
  if (result.status === 'rejected') return true;
  return result.status === 'duplicate' && (result.firstStatus === 'rejected' || result.error !== undefined);
}
export const MutationResponse = z.object({ results: z.array(MutationResult) });
