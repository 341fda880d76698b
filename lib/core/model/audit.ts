import { z } from 'zod';
import { Email, Id, Instant, PageCursor, pageLimit } from './primitives';

// The audit log: who changed what in a workspace, and when (`GET /v1/audit`, `audit list` in the CLI).

/** What was done, as `<area>.<verb>`. */
export const AUDIT_ACTIONS = [
  'workspace.create',
  'settings.update',
  'user.create',
  'user.update',
  'token.create',
  'token.revoke',
  'tracking_key.rotate',
  'content.create',
  'content.update',
  'content.delete',
  'contact.delete',
  'contact.reassign',
  'contact.erase',
  'contact.import',
  'question.answer',
  'question.unanswer',
  'signin_link.create',
  'session.end_all',
  'session.sso_sign_in',
  'shared_screen.create',
  'shared_screen.revoke',
  'alert_webhook_secret.rotate',
  'webhook_endpoint.create',
  'webhook_endpoint.update',
  'webhook_endpoint.delete',
  'webhook_endpoint.rotate_secret',
  'webhook_endpoint.disable',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** The part before the dot: `action=content` lists every content change. */
export const AUDIT_AREAS = [
  'workspace',
  'settings',
  'user',
  'token',
  'tracking_key',
  'content',
  'contact',
  'question',
  'signin_link',
  'session',
  'shared_screen',
  'alert_webhook_secret',
  'webhook_endpoint',
] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

/**
 * What a change was made to. A settings event names its part (`calendar`, `sla`, …) as the id; token events name the
 * user whose tokens they are, so one user's whole story is one `targetId` (sign-in links and sessions too).
 */
export const AUDIT_TARGET_KINDS = ['workspace', 'settings', 'user', 'content', 'contact', 'question', 'shared_screen', 'webhook_endpoint'] as const;
export const AuditTargetKind = z.enum(AUDIT_TARGET_KINDS);
export type AuditTargetKind = z.infer<typeof AuditTargetKind>;

/** A signed-in user, the server's CLI (run by whoever has the machine), or the server itself. */
export const AUDIT_ACTOR_KINDS = ['user', 'cli', 'system'] as const;
export const AuditActorKind = z.enum(AUDIT_ACTOR_KINDS);
export type AuditActorKind = z.infer<typeof AuditActorKind>;

/** One field's value before and after; null on the side where it did not exist (created, deleted). */
/** Any JSON value: one schema for both sides, so the API description names it once (server/http/openapi-components.ts). */
export const JsonValue = z.json();
export const FieldChange = z.strictObject({ before: JsonValue, after: JsonValue });
export type FieldChange = z.infer<typeof FieldChange>;
export const FieldChanges = z.record(z.string(), FieldChange);
export type FieldChanges = z.infer<typeof FieldChanges>;

export const AuditEvent = z.object({
  id: Id,
  at: Instant,
  /** `userId`, `name` and `email` for a user (as they are now); null for the CLI and the system. */
  actor: z.object({ kind: AuditActorKind, userId: Id.nullable(), name: z.string().nullable(), email: Email.nullable() }),
  action: AuditAction,
  target: z.object({ kind: AuditTargetKind, id: z.string() }),
  changes: FieldChanges,
});
export type AuditEvent = z.infer<typeof AuditEvent>;

const actionOrArea = [...AUDIT_ACTIONS, ...AUDIT_AREAS];
export const AuditActionFilter = z.enum(actionOrArea as [AuditAction | AuditArea, ...(AuditAction | AuditArea)[]], {
  message: `must be an action such as settings.update, or an area such as settings: one of ${actionOrArea.join(', ')}`,
});

export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;
/** `GET /v1/audit?before=&limit=&action=&targetId=`: newest first; `before` is the `next` of the page before. */
export const AuditQuery = z.strictObject({
  before: PageCursor.optional(),
  limit: pageLimit(AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT),
  action: AuditActionFilter.optional(),
  targetId: Id.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  events: z.array(AuditEvent),
  more: z.boolean(),
  /** Pass as `before` for the next, older page; null when `more` is false. */
  next: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
