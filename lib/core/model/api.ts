import { z } from 'zod';
import { WorkCalendar } from './calendar';
import { Contact } from './contact';
import { Activity } from './activity';
import { Attempt } from './attempt';
import { CadenceState, IntelligenceSummary, ScoreResult } from './derived';
import { Email, Id, PageCursor, pageLimit } from './primitives';
import { Role } from './vocabulary';
import { StageChange } from './stage-history';
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
  before: PageCursor.optional(),
  limit: pageLimit(TIMELINE_PAGE_MAX, TIMELINE_PAGE_DEFAULT),
});
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), activity: Activity }),
  z.object({ kind: z.literal('attempt'), attempt: Attempt }),
  z.object({ kind: z.literal('stage'), stageChange: StageChange }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;
export const TimelinePage = z.object({
  items: z.array(TimelineItem),
  more: z.boolean(),
  /** Pass as `before` for the next, older page; null when `more` is false. */
  next: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

// The tracking payloads live in ./tracking; named here too for the modules that always took them from here.
export { CollectBatch, CollectEvent, EmailRegistration, MAX_COLLECT_EVENTS, TrackedLinkRequest } from './tracking';
