import { z } from 'zod';
import { Contact, ContactProfile, Pause } from './contact';
import { OpenTrackingConsent } from './tracking';
import { Email, HttpUrl, Id, Instant, PageCursor, pageLimit, Slug } from './primitives';
import type { LifecycleStage } from './vocabulary';

const Name = z.string().trim().max(200, 'must be at most 200 characters');
/** The column is a 32-bit integer; no company is near this size, so anything above is a typo, not a bigger company. */
const CompanySize = z.number().int().nonnegative().max(10_000_000, 'must be at most 10000000');

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a body carrying one is refused as bad input, with the path, rather than
 * failing in the database.
 */
export function refuseNulCharacters(value: unknown, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) ctx.addIssue({ code: 'custom', message: 'must not contain the NUL character', path });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseNulCharacters(item, ctx, [...path, index]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) refuseNulCharacters(item, ctx, [...path, key]);
  }
}

/** Stages a contact may be created in: recycled and disqualified need a reason and come from working the lead. */
export const CREATABLE_STAGES = ['visitor', 'lead', 'mql', 'sql', 'opportunity', 'customer'] as const satisfies readonly LifecycleStage[];
const CreatableStage = z.enum(CREATABLE_STAGES, { message: `must be one of ${CREATABLE_STAGES.join(', ')}` });

/** `POST /v1/contacts` (manager, marketing, admin). */
export const CreateContactRequest = z
  .strictObject({
    email: Email,
    name: Name.nullable().default(null),
    ...ContactProfile.shape,
    companySize: CompanySize.nullable().default(null),
    stage: CreatableStage.default('lead'),
    leadType: Slug.nullable().default(null),
    source: Slug.default('manual'),
    /** An active rep or manager of the workspace; absent or null leaves the lead unassigned. */
    ownerId: Id.nullable().default(null),
  })
  .superRefine(refuseNulCharacters);
export type CreateContactRequest = z.infer<typeof CreateContactRequest>;

/**
 * `PATCH /v1/contacts/:id`: each field is optional and who may send it depends on the field (the server checks):
 * `ownerId` managers and admins; profile fields, `optedOut` and `openTrackingConsent` managers, marketing and admins;
 * `pauses` the owner, managers and admins. Absent means unchanged; null clears.
 */
const profile = ContactProfile.shape;
export const PatchContactRequest = z
  .strictObject({
    ownerId: Id.nullable().optional(),
    name: Name.nullable().optional(),
    title: profile.title.unwrap().optional(),
    company: profile.company.unwrap().optional(),
    seniority: profile.seniority.unwrap().optional(),
    country: profile.country.unwrap().optional(),
    companySize: CompanySize.nullable().optional(),
    industry: profile.industry.unwrap().optional(),
    businessModel: profile.businessModel.unwrap().optional(),
    phone: profile.phone.unwrap().optional(),
    /** The whole list, replacing the stored one. */
    pauses: z.array(Pause.strict()).max(50, 'at most 50 pauses').optional(),
    optedOut: z.boolean().optional(),
    /** The person's answer about individually tracked opens; the server stamps when it changed. */
    openTrackingConsent: OpenTrackingConsent.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'give at least one field to change',
    // Only for an otherwise valid body: `{"nickname": "J"}` is about the unknown field, not an empty patch.
    when: (payload) => payload.issues.length === 0,
  })
  .superRefine(refuseNulCharacters);
export type PatchContactRequest = z.infer<typeof PatchContactRequest>;

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const SuggestionStatus = z.enum(SUGGESTION_STATUSES, { message: `must be one of ${SUGGESTION_STATUSES.join(', ')}` });
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

export const SUGGESTION_PAGE_MAX = 200;
/** `GET /v1/suggestions?status=&before=&limit=`: newest first; `before` is the `next` of the page before. */
export const SuggestionQuery = z.object({
  status: SuggestionStatus.default('pending'),
  before: PageCursor.optional(),
  limit: pageLimit(SUGGESTION_PAGE_MAX, 50),
});

const UserRef = z.object({ id: Id, name: z.string(), email: Email });

/** An address a rep put forward as a lead, as reviewers see it. */
export const SuggestedLead = z.object({
  id: Id,
  email: Email,
  name: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  note: z.string().nullable(),
  seenOn: HttpUrl.nullable(),
  suggestedBy: UserRef,
  suggestedAt: Instant,
  status: SuggestionStatus,
  reviewedBy: Id.nullable(),
  reviewedAt: Instant.nullable(),
  /** Why a reviewer turned it down. */
  reviewReason: z.string().nullable(),
  /** The contact an accepted suggestion became. */
  contactId: Id.nullable(),
});
export type SuggestedLead = z.infer<typeof SuggestedLead>;

export const SuggestionPage = z.object({
  suggestions: z.array(SuggestedLead),
  more: z.boolean(),
  next: z.string().nullable(),
});
export type SuggestionPage = z.infer<typeof SuggestionPage>;

/** Stages an accepted suggestion may start in. */
export const ACCEPT_STAGES = ['lead', 'mql'] as const satisfies readonly LifecycleStage[];

/**
 * `POST /v1/suggestions/:id/accept`. Without `ownerId` the lead goes to the rep who suggested it (when that user is
 * still an active rep), else it stays unassigned; `ownerId: null` leaves it unassigned on purpose.
 */
export const AcceptSuggestionRequest = z.strictObject({
  ownerId: Id.nullable().optional(),
  leadType: Slug.nullable().default(null),
  stage: z.enum(ACCEPT_STAGES, { message: `must be one of ${ACCEPT_STAGES.join(', ')}` }).default('lead'),
});
export type AcceptSuggestionRequest = z.infer<typeof AcceptSuggestionRequest>;

export const RejectSuggestionRequest = z
  .strictObject({
    reason: z.string().trim().min(3, 'a reason of at least 3 characters is required').max(500, 'must be at most 500 characters'),
  })
  .superRefine(refuseNulCharacters);
export type RejectSuggestionRequest = z.infer<typeof RejectSuggestionRequest>;

/** The suggestion, now accepted, and the contact it became. */
export const AcceptedSuggestion = z.object({ suggestion: SuggestedLead, contact: Contact });
export type AcceptedSuggestion = z.infer<typeof AcceptedSuggestion>;
export const RejectedSuggestion = z.object({ suggestion: SuggestedLead, reason: z.string() });
export type RejectedSuggestion = z.infer<typeof RejectedSuggestion>;
