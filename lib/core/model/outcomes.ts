import { z } from 'zod';
import { Slug } from './primitives';

/**
 * The reason lists a workspace keeps for the ways a lead leaves the funnel (docs/vocabulary.md § Won, lost and
 * reasons): handed back to marketing (`recycle`), never a fit (`disqualify`), an opportunity that did not close (`lost`).
 */
export const REASON_LISTS = ['recycle', 'disqualify', 'lost'] as const;
export const ReasonListName = z.enum(REASON_LISTS);
export type ReasonListName = z.infer<typeof ReasonListName>;

/**
 * What a move means for the closed loop: an opportunity `won` (it became a customer) or `lost` (it left for nurture or
 * for good). The lifecycle has no `lost` stage: a loss is an opportunity moving to `recycled` or `disqualified`,
 * recorded with this outcome and a reason from the workspace's lost list (lib/core/stage/transitions.ts).
 */
export const STAGE_OUTCOMES = ['won', 'lost'] as const;
export const StageOutcome = z.enum(STAGE_OUTCOMES);
export type StageOutcome = z.infer<typeof StageOutcome>;

/** Offered in every list, never stored in one: it needs a free text. */
export const OTHER_REASON = 'other';
/** The built-in recycle reason the SLA guards: offered only once the cadence's attempts are done. */
export const COULD_NOT_REACH = 'could_not_reach';

export const ReasonOption = z.strictObject({
  code: Slug.refine((code) => code !== OTHER_REASON, { message: '"other" is built in: every list offers it, with a free text' }),
  label: z.string().trim().min(1, 'a reason needs a label').max(80, 'a label must be at most 80 characters'),
});
export type ReasonOption = z.infer<typeof ReasonOption>;

const ReasonList = z
  .array(ReasonOption)
  .max(20, 'at most 20 reasons a list')
  .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { message: 'each reason code may appear once' });

export const DEFAULT_REASONS: Readonly<Record<ReasonListName, readonly ReasonOption[]>> = {
  recycle: [
    { code: COULD_NOT_REACH, label: 'Could not reach' },
    { code: 'not_ready', label: 'Not ready to buy yet' },
    { code: 'no_budget', label: 'No budget yet' },
    { code: 'not_the_buyer', label: 'Not the buyer' },
  ],
  disqualify: [
    { code: 'not_a_fit', label: 'Not a fit for what we sell' },
    { code: 'student_or_job_seeker', label: 'Student or job seeker' },
    { code: 'competitor', label: 'Works for a competitor' },
    { code: 'invalid_contact', label: 'Fake or invalid details' },
  ],
  lost: [
    { code: 'chose_competitor', label: 'Chose a competitor' },
    { code: 'price', label: 'Price' },
    { code: 'no_decision', label: 'No decision: stayed as they are' },
    { code: 'timing', label: 'Timing: not this year' },
    { code: 'missing_features', label: 'Missing features' },
  ],
};

/** An ISO 4217 currency code: deal values are amounts in the workspace's currency. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD');

/** What becomes of leads: the currency deal values are in, and the reasons a lead leaves by. */
export const OutcomeSettings = z.object({
  currency: Currency.default('USD'),
  recycleReasons: ReasonList.default(() => [...DEFAULT_REASONS.recycle]),
  disqualifyReasons: ReasonList.default(() => [...DEFAULT_REASONS.disqualify]),
  lostReasons: ReasonList.default(() => [...DEFAULT_REASONS.lost]),
});
export type OutcomeSettings = z.infer<typeof OutcomeSettings>;

/** The largest deal value taken: far above any deal, below where an amount with cents loses precision. */
export const MAX_DEAL_VALUE = 1_000_000_000_000;

/** A won deal's value in the workspace's currency: not negative, at most two decimals. */
export const DealValue = z
  .number()
  .nonnegative('a deal value cannot be negative')
  .max(MAX_DEAL_VALUE, 'a deal value must be at most 1,000,000,000,000')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'a deal value has at most two decimals' });
