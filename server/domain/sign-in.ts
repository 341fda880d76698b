import { eq } from 'drizzle-orm';
import type { ExtensionCodeToken, NewSignInLinkRequest, SignInUrl } from '../../lib/core/model/sessions';
import { utcMinute } from '../../lib/core/token-state';
import { consumeGrant, createGrant, grantUrl, lookUpGrant, type BrowserGrantKind, type GrantKind } from '../auth/sign-in-grants';
import { endAllSessions, endSession, startSession } from '../auth/sessions';
import type { Caller } from '../context';
import { ApiError } from '../http/errors';
import { writeInWorkspace, type Db, type Queryable } from '../store/db';
import { users } from '../store/schema';
import { sessionsEnded, signInLinkCreated } from './audit/changes';
import { actorOf, recordAudit, type AuditActor } from './audit/record';
import { createToken } from './tokens';
import { findUser, type UserRow } from './users';

// Signing a person in to the dashboard: one-time links and codes, and the sessions they start. Whoever asks (a route,
// the CLI, `npm start`) makes a link through signInLinkFor, which records it in the audit log.

const WHAT: Record<GrantKind, string> = { link: 'sign-in link', code: 'dashboard link', extension: 'extension sign-in code' };
/** The name of the token an extension code is exchanged for, as the Team page and `token list` show it. */
export const EXTENSION_CODE_TOKEN_NAME = 'Extension (one-time code)';

/** A sign-in link for the user, recorded as made by `by` (null: the demo's own, printed by `npm start`). */
export async function signInLinkFor(db: Queryable, by: AuditActor | null, user: UserRow, publicUrl: string, now: Date): Promise<SignInUrl> {
  if (user.disabled) throw new ApiError('conflict', `${user.email} is disabled: enable them before making a sign-in link`);
  const { secret, grant } = await createGrant(db, 'link', user.id, now);
  if (by) await recordAudit(db, by, signInLinkCreated(now, user.id, grant));
  return { url: grantUrl(publicUrl, 'link', secret), expiresAt: grant.expiresAt.toISOString() };
}

/** `POST /v1/signin-links`: an admin for anyone of the workspace; anyone for themself (`{}` or their own id). */
export async function requestSignInLink(db: Db, caller: Caller, request: NewSignInLinkRequest, publicUrl: string, now: Date): Promise<SignInUrl> {
  const userId = request.userId ?? caller.user.id;
  if (userId !== caller.user.id && caller.user.role !== 'admin') {
    throw new ApiError('forbidden', `only an admin may make a sign-in link for someone else; you are ${caller.user.role}`);
  }
  return writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const user = await findUser(tx, caller.workspace.id, userId);
    return signInLinkFor(tx, actorOf(caller), user, publicUrl, now);
  });
}

/**
 * `POST /v1/dashboard-code`: the extension's way into the dashboard, so its bearer token never goes in a URL. Only a
 * token may ask: a browser session is in the dashboard already.
 */
export async function dashboardCode(db: Db, caller: Caller, publicUrl: string, now: Date): Promise<SignInUrl> {
  if (caller.credential.kind !== 'token') {
    throw new ApiError('forbidden', 'a dashboard link is made for the extension, with its bearer token; this browser is signed in to the dashboard already');
  }
  const { secret, grant } = await createGrant(db, 'code', caller.user.id, now);
  return { url: grantUrl(publicUrl, 'code', secret), expiresAt: grant.expiresAt.toISOString() };
}

/** Why a secret opens nothing, in words for the sign-in page: unknown (404), or used or expired (410). */
async function refusal(db: Queryable, kind: GrantKind, secret: string, now: Date): Promise<ApiError> {
  const found = await lookUpGrant(db, kind, secret, now);
  const what = WHAT[kind];
  if (found.state === 'used') return new ApiError('gone', `this ${what} was already used, on ${utcMinute(found.grant.usedAt!)}: ask for a new one`);
  if (found.state === 'expired') return new ApiError('gone', `this ${what} expired on ${utcMinute(found.grant.expiresAt)}: ask for a new one`);
  return new ApiError('not_found', `this ${what} is not one we made: check that it was copied whole, or ask for a new one`);
}

/** Whom a secret would sign in, for the page that asks "Sign in as …?"; uses nothing. */
export async function signInPreview(db: Db, kind: BrowserGrantKind, secret: string, now: Date): Promise<{ name: string }> {
  const found = await lookUpGrant(db, kind, secret, now);
  if (found.state !== 'usable') throw await refusal(db, kind, secret, now);
  if (found.user.disabled) throw disabled();
  return { name: found.user.name };
}

const disabled = () => new ApiError('forbidden', 'this account is disabled: ask your admin');

/** Uses the secret once and starts a session: answers the session's secret for the cookie. */
export async function signInWith(db: Db, kind: BrowserGrantKind, secret: string, now: Date): Promise<{ sessionSecret: string; userId: string }> {
  const started = await db.transaction(async (tx) => {
    const grant = await consumeGrant(tx, kind, secret, now);
    if (!grant) return null;
    const [user] = await tx.select({ disabled: users.disabled }).from(users).where(eq(users.id, grant.userId));
    // Rolled back: the link stays unused, and an admin who enables the user again need not make another.
    if (!user || user.disabled) throw disabled();
    const { secret: sessionSecret } = await startSession(tx, grant.userId, now);
    return { sessionSecret, userId: grant.userId };
  });
  if (!started) throw await refusal(db, kind, secret, now);
  return started;
}

/**
 * A one-time code the extension exchanges for a token of the user (`POST /v1/extension-code`), so a sign-in can be a
 * link with no token in it. Made only by `npm start` for the demo users today (null actor: the demo's own).
 */
export async function extensionCodeFor(db: Queryable, user: UserRow, now: Date): Promise<{ code: string; expiresAt: Date }> {
  if (user.disabled) throw disabled();
  const { secret, grant } = await createGrant(db, 'extension', user.id, now);
  return { code: secret, expiresAt: grant.expiresAt };
}

/**
 * Uses the code once and issues a new token of its user, in one transaction: a second exchange, an expired code or a
 * disabled user gets nothing, and a refusal leaves the code as it was.
 */
export async function exchangeExtensionCode(db: Db, code: string, now: Date): Promise<ExtensionCodeToken> {
  const issued = await db.transaction(async (tx) => {
    const grant = await consumeGrant(tx, 'extension', code, now);
    if (!grant) return null;
    const [user] = await tx.select({ name: users.name, email: users.email, disabled: users.disabled }).from(users).where(eq(users.id, grant.userId));
    if (!user || user.disabled) throw disabled();
    const { secret } = await createToken(tx, null, grant.userId, { name: EXTENSION_CODE_TOKEN_NAME }, now);
    return { token: secret, user: { name: user.name, email: user.email } };
  });
  if (!issued) throw await refusal(db, 'extension', code, now);
  return issued;
}

/** Signs this browser out (a bearer token has no session to end). */
export async function signOut(db: Db, caller: Caller, now: Date): Promise<void> {
  if (caller.credential.kind !== 'session') throw noSession();
  await endSession(db, caller.credential.id, now);
}

/** Ends every dashboard session of the caller, in every browser, and records it; API tokens are left as they are. */
export async function signOutEverywhere(db: Db, caller: Caller, now: Date): Promise<void> {
  await writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const ended = await endAllSessions(tx, caller.user.id, now);
    await recordAudit(tx, actorOf(caller), sessionsEnded(now, caller.user.id, ended));
  });
}

export const noSession = () =>
  new ApiError('unauthorized', 'no dashboard session: this route answers for the browser session cookie, which a sign-in link starts');
