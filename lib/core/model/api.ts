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

export const TimelineQuery = z.object({
  before: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), activity: Activity }),
  z.object({ kind: z.literal('attempt'), attempt: Attempt }),
]);
export const TimelinePage = z.object({ items: z.array(TimelineItem), more: z.boolean() });
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
