import { z } from 'zod';
import { Id, Instant } from './primitives';

/**
 * Hot-lead alerts (docs/vocabulary.md § Alerts): what the workspace alerts on, what each person chose to receive, and an
 * alert as it reaches the browser, the mailbox and the chat. The decisions (rules, dedupe windows, quiet hours, trust)
 * are pure functions in lib/core/alerts; this file is only the shapes every part agrees on.
 */

export const ALERT_RULES = [
  /** The lead is on the website now (a human page view in the last few minutes). */
  'active_now',
  /** The lead came back to the site after `returnVisitDays` or more away. */
  'return_visit',
  /** A view of one of the workspace's key pages (pricing, demo). */
  'key_page',
  /** A content download. */
  'content_download',
  /** An email opened or a link clicked by a person (trust `human` or `proxy`; machine activity never alerts). */
  'email_engaged',
  /** The lead replied. */
  'reply',
  /** A first touch or a follow-up falls due within `dueSoonBusinessMinutes` business minutes. */
  'sla_due_soon',
  /** A first touch or a follow-up went past due. */
  'sla_breached',
] as const;
export const AlertRule = z.enum(ALERT_RULES, { message: `must be one of ${ALERT_RULES.join(', ')}` });
export type AlertRule = z.infer<typeof AlertRule>;

/** A path prefix on the tracked site ("/pricing"): a key page is any page whose path starts with one. */
const PagePrefix = z
  .string()
  .trim()
  .regex(/^\/[^\s?#]*$/, { message: 'must be a path on the site starting with "/", such as /pricing' })
  .max(200);

/** An incoming-webhook URL of a Slack- or Teams-compatible chat; https only, but http on loopback for tests. */
const ChatWebhookUrl = z
  .string()
  .trim()
  .url({ message: 'must be a web address' })
  .refine((u) => /^https:\/\//.test(u) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(u), {
    message: 'must be an https:// address (http:// only on this machine)',
  });

/** The workspace's alert rules, owned by the manager and marketing (settings part `alerts`). */
export const AlertSettings = z.object({
  /** The rules that alert at all; a rule left out never alerts anyone. */
  enabled: z.array(AlertRule).max(ALERT_RULES.length).default([...ALERT_RULES]),
  /** `return_visit`: days away before a visit counts as a return. */
  returnVisitDays: z.number().int().min(1).max(365).default(14),
  /** `key_page`: the pages that matter. */
  keyPages: z.array(PagePrefix).max(50).default(['/pricing', '/demo']),
  /** `sla_due_soon`: how many business minutes before the due time. */
  dueSoonBusinessMinutes: z.number().int().min(5).max(480).default(30),
  /** One alert per lead per rule per this many minutes (a visit of 12 pages is one alert). */
  dedupeMinutes: z.number().int().min(1).max(24 * 60).default(60),
  /** More alerts than this for one person within a minute become one digest. */
  digestAbove: z.number().int().min(1).max(50).default(3),
  /** Chat: one incoming-webhook URL for the workspace and the rules it hears; null when none. */
  chat: z
    .object({ url: ChatWebhookUrl, rules: z.array(AlertRule).max(ALERT_RULES.length) })
    .nullable()
    .default(null),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

/** What one person chose: where alerts reach them, and what they muted. Everyone's own (GET/PUT /v1/me/alerts). */
export const AlertPreferences = z.object({
  /** Instant emails, for these rules only (none by default: the browser comes first). */
  emailRules: z.array(AlertRule).max(ALERT_RULES.length).default([]),
  /** A morning email with the person's queue (breached, overdue, due today), at the start of their working day. */
  morningDigest: z.boolean().default(false),
  /** Rules this person never hears about, whatever the workspace enables. */
  mutedRules: z.array(AlertRule).max(ALERT_RULES.length).default([]),
  /** Leads this person never hears about. */
  mutedContacts: z.array(Id).max(1000).default([]),
});
export type AlertPreferences = z.infer<typeof AlertPreferences>;

/**
 * One alert for one person about one lead, as it is stored and as it reaches every channel: the live stream
 * (`event: alert`), the sync page (`alerts`), the email and the chat. `id` is stable, so a client that sees it twice
 * (stream and sync) shows it once.
 */
export const Alert = z.object({
  id: Id,
  userId: Id,
  contactId: Id,
  rule: AlertRule,
  /** When what it reports happened. */
  at: Instant,
  /** When it may be shown: `at`, or the next working moment of the recipient's calendar when it came in quiet hours. */
  deliverAt: Instant,
  /** Who and what, in a line ("Dana Reyes is on the site now"). */
  title: z.string().max(200),
  /** One more line of detail ("Viewed Pricing · Brightwave"). */
  body: z.string().max(500),
  /** A digest stands for several alerts that fired at once: how many, and about whom. */
  digestOf: z
    .object({ count: z.number().int().min(2), contactIds: z.array(Id).max(100) })
    .nullable()
    .default(null),
});
export type Alert = z.infer<typeof Alert>;
