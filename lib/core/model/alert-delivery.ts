import { z } from 'zod';
import { Instant } from './primitives';

/**
 * The secret that signs the workspace's chat alerts (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), as GET /v1/alerts/webhook-secret and POST /v1/alerts/webhook-secret/rotate answer it: the
 * receiver's verifier needs it, so the alerts' owners (manager, marketing, admin) can read it any time.
 */
export const WebhookSecret = z
  .object({
    /** "whsec_" + base64 of 32 random bytes, as the Standard Webhooks libraries take it. */
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/]+=*$/),
    createdAt: Instant,
  })
  .strict();
export type WebhookSecret = z.infer<typeof WebhookSecret>;

/** RFC 8058's one-click body: what a mail client POSTs to a List-Unsubscribe URL. */
export const OneClickUnsubscribe = z.object({
  'List-Unsubscribe': z.literal('One-Click', { message: 'must be One-Click (RFC 8058: List-Unsubscribe=One-Click)' }),
});
