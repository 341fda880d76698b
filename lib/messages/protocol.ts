import { z } from 'zod';
import { Email, HttpUrl } from '../core/model/primitives';
import { CONTACT_ROLES, MAX_CONTACTS, PAGE_HOSTS } from './page-protocol';

export const DetectedContact = z.strictObject({
  email: Email,
  name: z.string().trim().max(200).nullable().default(null),
  /** Where on the page: the thread's sender, a recipient, a CRM record… (the panel orders by it: ./contact-order.ts). */
  role: z.enum(CONTACT_ROLES).default('record'),
});
export type DetectedContact = z.infer<typeof DetectedContact>;

const SyncReason = z.enum(['panel_open', 'local_write', 'manual', 'signed_in']);

/**
 * Every message between the extension's parts: who may send it, what it carries and what it answers. Each is parsed
 * with zod on receipt and its sender checked against `from` (docs/promises.md § Security).
 */
export const PROTOCOL = {
  /** A content script saw these contacts on its page (empty when there are none any more). */
  'page.contacts': {
    from: 'content',
    request: z.strictObject({
      host: z.enum(PAGE_HOSTS),
      url: HttpUrl,
      contacts: z.array(DetectedContact).max(MAX_CONTACTS),
    }),
    response: z.null(),
  },
  /** An extension page asks the background to sync now (the panel opened, a local write, the rep asked). */
  'sync.request': {
    from: 'extension',
    request: z.strictObject({ reason: SyncReason }),
    response: z.object({ kind: z.string() }),
  },
  /** The options page signed in or out: start or stop background syncing. */
  'auth.changed': {
    from: 'extension',
    request: z.strictObject({ signedIn: z.boolean() }),
    response: z.null(),
  },
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type MessageRequest<T extends MessageType> = z.input<(typeof PROTOCOL)[T]['request']>;
export type ParsedRequest<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type MessageResponse<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['response']>;

/** What travels: a type and its data. */
export const Envelope = z.strictObject({ type: z.string().max(64), data: z.unknown() });

/** What comes back: a value, or an error the sender can show. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
