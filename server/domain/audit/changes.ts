import { fieldChanges } from '../../../lib/core/audit/changes';
import type { ApiToken, SettingsSection } from '../../../lib/core/model/admin-requests';
import type { ContentItem } from '../../../lib/core/model/content';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { AuditChange } from './record';

// One builder per kind of change the audit log records, so each call site is one line and every event of a kind has
// the same shape. The fields compared are what a person changed: never ids, versions or updatedAt.

/** One event per part of the settings that changed, with the whole part before and after (parts are small documents). */
export function settingsUpdated(at: Date, before: WorkspaceSettings, after: WorkspaceSettings): AuditChange[] {
  const parts = Object.keys(after) as SettingsSection[];
  return parts.map((part) => ({
    at,
    action: 'settings.update',
    target: { kind: 'settings', id: part },
    changes: fieldChanges({ [part]: before[part] }, { [part]: after[part] }),
  }));
}

export interface NewWorkspaceFields {
  id: string;
  name: string;
  timeZone: string;
  domains: readonly string[];
}

export const workspaceCreated = (at: Date, ws: NewWorkspaceFields): AuditChange => ({
  at,
  action: 'workspace.create',
  target: { kind: 'workspace', id: ws.id },
  changes: fieldChanges(null, { name: ws.name, timeZone: ws.timeZone, domains: ws.domains }),
});

/** The fields of a user an admin changes; tokens are their own events. */
export type UserFields = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
};

const userChange = (before: UserFields | null, after: UserFields | null) => fieldChanges(before, after, { ignore: ['id'] });

export const userCreated = (at: Date, user: UserFields): AuditChange => ({
  at,
  action: 'user.create',
  target: { kind: 'user', id: user.id },
  changes: userChange(null, user),
});

export const userUpdated = (at: Date, before: UserFields, after: UserFields): AuditChange => ({
  at,
  action: 'user.update',
  target: { kind: 'user', id: after.id },
  changes: userChange(before, after),
});

/** A token is named by its row id, never by the token or its hash; the target is the user it signs in as. */
/** A new token, by id, name and expiry: never its secret or hash. */
export const tokenCreated = (at: Date, userId: string, token: Pick<ApiToken, 'id' | 'name' | 'expiresAt'>): AuditChange => ({
  at,
  action: 'token.create',
  target: { kind: 'user', id: userId },
  changes: fieldChanges(null, { tokenId: token.id, name: token.name, expiresAt: token.expiresAt }),
});

export const tokensRevoked = (at: Date, userId: string, tokenIds: readonly string[]): AuditChange => ({
  at,
  action: 'token.revoke',
  target: { kind: 'user', id: userId },
  changes: fieldChanges({ liveTokenIds: [...tokenIds].sort() }, { liveTokenIds: [] }),
});

/** Key ids only: the secrets never leave tracking_keys. */
export const trackingKeyRotated = (at: Date, workspaceId: string, retiredKeyId: string | null, keyId: string): AuditChange => ({
  at,
  action: 'tracking_key.rotate',
  target: { kind: 'workspace', id: workspaceId },
  changes: fieldChanges({ signingKeyId: retiredKeyId }, { signingKeyId: keyId }),
});

/** When each secret was made, never the secret: it stays in alert_secrets. */
export const alertWebhookSecretRotated = (at: Date, workspaceId: string, before: Date, after: Date): AuditChange => ({
  at,
  action: 'alert_webhook_secret.rotate',
  target: { kind: 'workspace', id: workspaceId },
  changes: fieldChanges({ secretCreatedAt: before.toISOString() }, { secretCreatedAt: after.toISOString() }),
});

const contentChange = (before: ContentItem | null, after: ContentItem | null) =>
  fieldChanges(before, after, { ignore: ['id', 'updatedAt', 'version'] });

export const contentCreated = (at: Date, item: ContentItem): AuditChange => ({
  at,
  action: 'content.create',
  target: { kind: 'content', id: item.id },
  changes: contentChange(null, item),
});

export const contentUpdated = (at: Date, before: ContentItem, after: ContentItem): AuditChange => ({
  at,
  action: 'content.update',
  target: { kind: 'content', id: after.id },
  changes: contentChange(before, after),
});

/** The item as it was, so the log says what left the library. */
export const contentDeleted = (at: Date, item: ContentItem): AuditChange => ({
  at,
  action: 'content.delete',
  target: { kind: 'content', id: item.id },
  changes: contentChange(item, null),
});

// Contact events carry ids only, never the contact's personal data: the contact row (soft-deleted or not) says who it
// is, and erasing a contact will not have to rewrite the audit log.

export const contactDeleted = (at: Date, contactId: string): AuditChange => ({
  at,
  action: 'contact.delete',
  target: { kind: 'contact', id: contactId },
  changes: fieldChanges({ deletedAt: null }, { deletedAt: at }),
});

/**
 * A privacy erasure: only that it happened, who did it and when, and the contact's id; never a name or an address.
 * The erasure removes the contact's earlier events (server/domain/privacy/erase.ts), so this is all the log keeps.
 */
export const contactErased = (at: Date, contactId: string): AuditChange => ({
  at,
  action: 'contact.erase',
  target: { kind: 'contact', id: contactId },
  changes: fieldChanges({ erased: false }, { erased: true }),
});

export const contactReassigned = (at: Date, contactId: string, fromOwnerId: string | null, toOwnerId: string | null): AuditChange => ({
  at,
  action: 'contact.reassign',
  target: { kind: 'contact', id: contactId },
  changes: fieldChanges({ ownerId: fromOwnerId }, { ownerId: toOwnerId }),
});

/** A question group's answer: the group key is the target, the linked content item the field (null: none). */
export const questionAnswered = (at: Date, key: string, before: string | null, after: string): AuditChange => ({
  at,
  action: 'question.answer',
  target: { kind: 'question', id: key },
  changes: fieldChanges({ contentId: before }, { contentId: after }),
});

export const questionUnanswered = (at: Date, key: string, before: string): AuditChange => ({
  at,
  action: 'question.unanswer',
  target: { kind: 'question', id: key },
  changes: fieldChanges({ contentId: before }, { contentId: null }),
});

/** A sign-in link made for a user: by its id and expiry, never its secret. */
export const signInLinkCreated = (at: Date, userId: string, link: { id: string; expiresAt: Date }): AuditChange => ({
  at,
  action: 'signin_link.create',
  target: { kind: 'user', id: userId },
  changes: fieldChanges(null, { linkId: link.id, expiresAt: link.expiresAt.toISOString() }),
});

/** "Sign out everywhere": the sessions that were live, by id. */
export const sessionsEnded = (at: Date, userId: string, sessionIds: readonly string[]): AuditChange => ({
  at,
  action: 'session.end_all',
  target: { kind: 'user', id: userId },
  changes: fieldChanges({ liveSessionIds: [...sessionIds].sort() }, { liveSessionIds: [] }),
});

export const sharedScreenCreated = (at: Date, screen: { id: string; name: string; expiresAt: string | null }): AuditChange => ({
  at,
  action: 'shared_screen.create',
  target: { kind: 'shared_screen', id: screen.id },
  changes: fieldChanges(null, { name: screen.name, expiresAt: screen.expiresAt }),
});

export const sharedScreenRevoked = (at: Date, screenId: string): AuditChange => ({
  at,
  action: 'shared_screen.revoke',
  target: { kind: 'shared_screen', id: screenId },
  changes: fieldChanges({ revokedAt: null }, { revokedAt: at.toISOString() }),
});

/** A webhook endpoint's fields an admin sets; its secret is never in the log, only when it was made. */
export type WebhookEndpointFields = {
  id: string;
  url: string;
  description: string;
  events: readonly string[];
  enabled: boolean;
};

const webhookChange = (before: WebhookEndpointFields | null, after: WebhookEndpointFields | null) => fieldChanges(before, after, { ignore: ['id'] });

export const webhookEndpointCreated = (at: Date, e: WebhookEndpointFields): AuditChange => ({
  at,
  action: 'webhook_endpoint.create',
  target: { kind: 'webhook_endpoint', id: e.id },
  changes: webhookChange(null, e),
});

export const webhookEndpointUpdated = (at: Date, before: WebhookEndpointFields, after: WebhookEndpointFields): AuditChange => ({
  at,
  action: 'webhook_endpoint.update',
  target: { kind: 'webhook_endpoint', id: after.id },
  changes: webhookChange(before, after),
});

export const webhookEndpointDeleted = (at: Date, e: WebhookEndpointFields): AuditChange => ({
  at,
  action: 'webhook_endpoint.delete',
  target: { kind: 'webhook_endpoint', id: e.id },
  changes: webhookChange(e, null),
});

export const webhookEndpointSecretRotated = (at: Date, id: string, before: Date, after: Date): AuditChange => ({
  at,
  action: 'webhook_endpoint.rotate_secret',
  target: { kind: 'webhook_endpoint', id },
  changes: fieldChanges({ secretCreatedAt: before.toISOString() }, { secretCreatedAt: after.toISOString() }),
});

/** The server turned an endpoint off after persistent failure (the actor is the system). */
export const webhookEndpointDisabled = (at: Date, id: string, reason: string): AuditChange => ({
  at,
  action: 'webhook_endpoint.disable',
  target: { kind: 'webhook_endpoint', id },
  changes: fieldChanges({ enabled: true, disabledReason: null }, { enabled: false, disabledReason: reason }),
});
/** A dashboard session begun through single sign-on: which session, and the provider's subject it proved. */
export const ssoSignedIn = (at: Date, userId: string, signIn: { sessionId: string; issuer: string; subject: string }): AuditChange => ({
  at,
  action: 'session.sso_sign_in',
  target: { kind: 'user', id: userId },
  changes: fieldChanges(null, { sessionId: signIn.sessionId, issuer: signIn.issuer, subject: signIn.subject }),
});

/** A CSV import: one event for the whole file, with its counts, on the workspace (no personal data in the log). */
export const contactsImported = (at: Date, workspaceId: string, counts: { rows: number; create: number; update: number; skip: number; bad: number }): AuditChange => ({
  at,
  action: 'contact.import',
  target: { kind: 'workspace', id: workspaceId },
  changes: fieldChanges({ created: null, updated: null, skipped: null, bad: null, rows: null }, { created: counts.create, updated: counts.update, skipped: counts.skip, bad: counts.bad, rows: counts.rows }),
});
