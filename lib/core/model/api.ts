import { z } from 'zod';
import { WorkCalendar } from './calendar';
import { Contact } from './contact';
import { Activity } from './activity';
import { Attempt } from './attempt';
import { CadenceState, IntelligenceSummary, ScoreResult } from './derived';
import { Email, HttpUrl, Id, Instant } from './primitives';
import { Role } from './vocabulary';
import { Domain } from './settings';

export const Me = z.object({
  user: z.object({ id: Id, name: z.string(), email: Email, role: Role }),
  workspace: z.object({ id: Id, name: z.string(), domains: z.array(Domain) }),
  calendar: WorkCalendar,
});
export type Me = z.infer<typeof Me>;

export const MAX_LOOKUP_EMAILS = 50;
/** `?email=a@x.com&email=b@y.com` or `?email=a@x.com,b@y.com`. */
export const LookupQuery = z.object({
  email: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(Email).min(1, 'give at least one email').max(MAX_LOOKUP_EMAILS, `at most ${MAX_LOOKUP_EMAILS} emails`)),
});

export const LookupEntry = z.object({
  contact: Contact,
  summary: IntelligenceSummary,
  score: ScoreResult,
  cadence: CadenceState.nullable(),
});
export type LookupEntry = z.infer<typeof LookupEntry>;
export const LookupResponse = z.object({
  contacts: z.array(LookupEntry),
  /** Asked-for addresses Leadside does not know. */
  unknown: z.array(Email),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

export const TIMELINE_PAGE_MAX = 200;
export const TIMELINE_PAGE_DEFAULT = 50;
/**
 * `before` is opaque: the `next` of the page before. Items are ordered newest first by (at, id, kind) and the cursor
 * names the last item given, so items sharing an instant are never skipped or repeated across pages.
 */
export const TimelineQuery = z.object({
  before: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,300}$/, 'must be the `next` cursor of an earlier page')
    .optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit must be at least 1')
    .max(TIMELINE_PAGE_MAX, `limit must be at most ${TIMELINE_PAGE_MAX}`)
    .default(TIMELINE_PAGE_DEFAULT),
});
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), activity: Activity }),
  z.object({ kind: z.literal('attempt'), attempt: Attempt }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;
export const TimelinePage = z.object({
  items: z.array(TimelineItem),
  more: z.boolean(),
  /** Pass as `before` for the next, older page; null when `more` is false. */
  next: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

export const TrackedLinkRequest = z
  .strictObject({ contactId: Id, url: HttpUrl.optional(), contentId: Id.optional() })
  .refine((r) => (r.url === undefined) !== (r.contentId === undefined), {
    message: 'give either url or contentId, not both',
    path: ['url'],
  });

export const EmailRegistration = z.strictObject({
  contactId: Id,
  subject: z.string().max(300).nullable().default(null),
  links: z.array(HttpUrl).max(50).default([]),
  sentAt: Instant,
});

export const MAX_COLLECT_EVENTS = 100;
export const CollectEvent = z.strictObject({
  id: Id,
  type: z.enum(['page_view', 'content_download', 'form_submit', 'identify']),
  url: HttpUrl,
  title: z.string().max(300).optional(),
  at: Instant,
  email: Email.optional(),
  contentId: Id.optional(),
});
export const CollectBatch = z.strictObject({
  siteKey: z.string().min(8).max(64),
  visitorId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "_" or "-"'),
  events: z.array(CollectEvent).min(1).max(MAX_COLLECT_EVENTS, `at most ${MAX_COLLECT_EVENTS} events a batch`),
});
export type CollectBatch = z.infer<typeof CollectBatch>;
