import { z } from 'zod';
import { Activity } from './activity';
import { Email, HttpUrl, Id, Instant, Slug } from './primitives';

// Website events, tracked emails and links (docs/api.md § Tracking routes: /v1/collect, /v1/emails, /v1/tracked-links, /v1/stream).

/**
 * How a workspace may track people:
 * - `off`: nothing is recorded, neither website events nor email opens and clicks (links still redirect);
 * - `consent`: the website snippet records nothing until the site tells it the visitor agreed (`leadside.consent()`),
 *   and the server refuses batches that do not say so; email opens and clicks are recorded (a contact who objects is
 *   opted out one by one);
 * - `legitimate_interest`: website events and email opens and clicks are recorded for anyone not opted out.
 * Under every mode a contact's opt-out and a browser's Global Privacy Control win.
 */
export const TRACKING_MODES = ['off', 'consent', 'legitimate_interest'] as const;
export const TrackingMode = z.enum(TRACKING_MODES, { message: `must be one of ${TRACKING_MODES.join(', ')}` });
export type TrackingMode = z.infer<typeof TrackingMode>;

/**
 * How the open pixel records (France's CNIL, 2026: an individually tracked open needs the person's consent):
 * - `per_person`: each open is an activity of the contact (timeline, engagement, score), and counts on its email;
 * - `aggregate`: an open only counts on its email (tracked_emails' counts); the contact gets no activity;
 * - `off`: the pixel still answers but records nothing, and newly registered emails carry none.
 * Clicks are not affected: a click is something the person does, recorded per person under every setting.
 */
export const EMAIL_OPEN_MODES = ['per_person', 'aggregate', 'off'] as const;
export const EmailOpenMode = z.enum(EMAIL_OPEN_MODES, { message: `must be one of ${EMAIL_OPEN_MODES.join(', ')}` });
export type EmailOpenMode = z.infer<typeof EmailOpenMode>;

/** A contact's answer about individually tracked opens; null until they gave one. */
export const OPEN_TRACKING_CONSENTS = ['granted', 'denied'] as const;
export const OpenTrackingConsent = z.enum(OPEN_TRACKING_CONSENTS, { message: 'must be granted, denied or null' });
export type OpenTrackingConsent = z.infer<typeof OpenTrackingConsent>;

/** A website origin as the browser names it in `Origin`: "https://www.acme.com" (any path given is dropped). */
export const SiteOrigin = HttpUrl.transform((url) => new URL(url).origin);

export const MAX_COLLECT_EVENTS = 100;
/** A batch body's size limit, in bytes (413 over it); a browser's beacon quota is about the same. */
export const MAX_COLLECT_BYTES = 64 * 1024;

/** A signed identification token (the `ls_id` parameter a tracked link adds on the workspace's own site). */
const IdentifyToken = z.string().regex(/^[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,100}$/, 'must be a Leadside identification token');

/**
 * One thing a visitor did on the website:
 * - `page_view`: `url` is the page;
 * - `content_download`: `url` is the file, `contentId` the library item when the link names one;
 * - `form_submit`: `url` is the page; `email`, when the form had one, identifies the visitor;
 * - `identify`: `email` or `token` says who the visitor is; nothing is shown for it on its own.
 */
export const CollectEvent = z
  .strictObject({
    /** A random id the snippet makes for every event: a replay of the same id is stored once. */
    id: Id,
    type: z.enum(['page_view', 'content_download', 'form_submit', 'identify']),
    url: HttpUrl,
    title: z.string().max(300).optional(),
    at: Instant,
    email: Email.optional(),
    token: IdentifyToken.optional(),
    contentId: Id.optional(),
    /** What a form was for (`demo_request`...), from `data-leadside-lead-type`: a lead it creates gets it. */
    leadType: Slug.optional(),
  })
  .refine((e) => e.type !== 'identify' || e.email !== undefined || e.token !== undefined, {
    message: 'an identify event needs an email or a token',
    path: ['email'],
  });
export type CollectEvent = z.infer<typeof CollectEvent>;

const SiteKey = z.string().min(8).max(64);
/** The snippet's random first-party id of a browser. */
const VisitorId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "_" or "-"');
/** A signed visitor proof, from `GET /v1/collect/proof`. */
const VisitorProof = z.string().regex(/^[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{22}$/, 'must be a visitor proof from GET /v1/collect/proof');

export const CollectBatch = z.strictObject({
  siteKey: SiteKey,
  visitorId: VisitorId,
  /** The visitor's clock when the batch left: the server shifts the events' times by the difference. */
  sentAt: Instant.optional(),
  /** Under the `consent` mode, true once the site said the visitor agreed; batches without it are not stored. */
  consent: z.boolean().optional(),
  /**
   * Naming the visitor by email (a form, an identify with an email) needs proof the batch comes from the site: its
   * Origin, or this proof, which t.js gets for its visitor id from a page of the site.
   */
  proof: VisitorProof.optional(),
  events: z.array(CollectEvent).min(1).max(MAX_COLLECT_EVENTS, `at most ${MAX_COLLECT_EVENTS} events a batch`),
});
export type CollectBatch = z.infer<typeof CollectBatch>;

/** `GET /v1/collect/proof?k=SITE_KEY&v=VISITOR_ID`, asked by t.js from a page of the site. */
export const VisitorProofQuery = z.object({ k: SiteKey, v: VisitorId });
export type VisitorProofQuery = z.infer<typeof VisitorProofQuery>;
export const VisitorProofResponse = z.object({ proof: VisitorProof, expiresAt: Instant });
export type VisitorProofResponse = z.infer<typeof VisitorProofResponse>;

/** What /v1/collect answers: how many events it stored, how many it had already, how many it did not keep. */
export const CollectResult = z.object({
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
});
export type CollectResult = z.infer<typeof CollectResult>;

export const TrackedLinkRequest = z
  .strictObject({
    contactId: Id,
    url: HttpUrl.optional(),
    contentId: Id.optional(),
    /** The registered email the link goes in, so its clicks are judged with the email's other clicks. */
    emailId: Id.optional(),
  })
  .refine((r) => (r.url === undefined) !== (r.contentId === undefined), {
    message: 'give either url or contentId, not both',
    path: ['url'],
  });
export type TrackedLinkRequest = z.infer<typeof TrackedLinkRequest>;
/**
 * `tracked` is false when nothing would be recorded (tracking off, the contact opted out): `url` is then the plain
 * destination, so the email carries no tracking at all.
 */
export const TrackedLinkResponse = z.object({ url: HttpUrl, tracked: z.boolean() });
export type TrackedLinkResponse = z.infer<typeof TrackedLinkResponse>;

export const MAX_EMAIL_LINKS = 50;
export const EmailRegistration = z.strictObject({
  /** A client-made id: registering the same id again answers the same pixel and links. */
  id: Id.optional(),
  contactId: Id,
  subject: z.string().max(300).nullable().default(null),
  links: z.array(HttpUrl).max(MAX_EMAIL_LINKS).default([]),
  sentAt: Instant,
});
export type EmailRegistration = z.infer<typeof EmailRegistration>;

export const EmailRegistrationResponse = z.object({
  emailId: Id,
  /** False when nothing would be recorded (tracking off, the contact opted out): no pixel, the links as they were. */
  tracked: z.boolean(),
  /** An <img> of this URL in the email's HTML records its opens; null when not tracked or `tracking.emailOpens` is off. */
  pixelUrl: HttpUrl.nullable(),
  /** Each link of the request, in order, with the URL to put in its place. */
  links: z.array(z.object({ url: HttpUrl, trackedUrl: HttpUrl })),
});
export type EmailRegistrationResponse = z.infer<typeof EmailRegistrationResponse>;

/** The query parameter a tracked link adds on the workspace's own site, so the snippet can say who is visiting. */
export const IDENTIFY_PARAM = 'ls_id';

/** `event: activity` on /v1/stream carries one activity as its data. */
export const StreamActivity = Activity;
export type StreamActivity = z.infer<typeof StreamActivity>;
