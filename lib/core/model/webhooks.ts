import { z } from 'zod';
import { Id, Instant, PageCursor, pageLimit } from './primitives';

// Webhooks out (docs/api.md § Webhooks): endpoints a workspace's admins register for chosen events, each signed with
// its own Standard Webhooks secret, and the log of what was sent to each.

/** The events an endpoint may choose. `webhook.test` is only ever sent by "send a test event", never chosen. */
export const WEBHOOK_EVENT_TYPES = ['lead.created', 'lead.stage_changed', 'attempt.logged', 'sla.breached', 'lead.won'] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES, { message: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` });
export type WebhookEventType = z.infer<typeof WebhookEventType>;
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** An absolute http:// or https:// address; anything else (ftp:, javascript:, a bare host) is refused. */
export const WebhookUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && new URL(u).hostname !== '', {
    message: 'must be an http:// or https:// address',
  });

const Events = z
  .array(WebhookEventType)
  .min(1, 'must choose at least one event')
  .refine((e) => new Set(e).size === e.length, { message: 'must not name an event twice' });

export const NewWebhookEndpoint = z
  .object({
    url: WebhookUrl,
    events: Events,
    description: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    enabled: z.boolean().default(true),
  })
  .strict();
export type NewWebhookEndpoint = z.infer<typeof NewWebhookEndpoint>;

/** A change to an endpoint: any of its fields; turning it on again clears an automatic disable. */
export const WebhookEndpointPatch = z
  .object({
    url: WebhookUrl.optional(),
    events: Events.optional(),
    description: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one of url, events, description, enabled' });
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

export const WebhookEndpoint = z
  .object({
    id: Id,
    url: z.string(),
    description: z.string(),
    events: z.array(WebhookEventType),
    enabled: z.boolean(),
    /** Why it was turned off by the server (persistent failure), until an admin turns it on again; null otherwise. */
    disabledReason: z.string().nullable(),
    disabledAt: Instant.nullable(),
    /** When the current secret was made (at creation or the last rotation). */
    secretCreatedAt: Instant,
    createdAt: Instant,
  })
  .strict();
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** What creation and rotation answer: the endpoint and its secret, shown this once. */
export const WebhookEndpointWithSecret = z
  .object({
    endpoint: WebhookEndpoint,
    /** "whsec_" + base64 of 32 random bytes, as the Standard Webhooks libraries take it. */
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/]+=*$/),
  })
  .strict();
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookEndpointList = z.object({ endpoints: z.array(WebhookEndpoint) }).strict();

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

export const WebhookDelivery = z
  .object({
    /** The `webhook-id`: the same on every try of this delivery. */
    id: Id,
    type: z.string(),
    state: z.enum(WEBHOOK_DELIVERY_STATES),
    attempts: z.number().int(),
    /** The receiver's last HTTP status (null: it never answered). */
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: Instant,
    nextAttemptAt: Instant.nullable(),
    deliveredAt: Instant.nullable(),
  })
  .strict();
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = z.object({ deliveries: z.array(WebhookDelivery), next: z.string().nullable() }).strict();
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const WebhookDeliveriesQuery = z.object({ limit: pageLimit(100, 25), before: PageCursor.optional() }).strict();
