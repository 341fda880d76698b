import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../lib/core/model/vocabulary';
import { sessionEndsAt, sessionState } from '../../lib/core/session-state';
import { tokenState, utcMinute } from '../../lib/core/token-state';
import type { AppEnv, Caller } from '../context';
import { ApiError } from '../http/errors';
import { foreignOrigin, ownOrigin } from '../http/same-origin';
import { sessions, syncHeads, users, workspaces } from '../store/schema';
import { noteTokenUse } from './last-used';
import { clearingCookieHeader, readSessionCookie } from './session-cookie';
import { csrfMatches, csrfTokenOf, noteSessionUse } from './sessions';
import { hashToken } from './tokens';
import { callerColumns, callerOf } from './caller-row';
import { tokenByHash } from './token-lookup';

const BEARER = /^Bearer\s+(\S+)$/i;
/** Methods that change nothing: the only ones a cookie-signed request may make without its CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a bearer token (the extension, scripts) or, without an Authorization header, from the
 * dashboard's session cookie; the same roles apply either way. Anything else is a 401 that says what is wrong: an
 * expired token or session has its own code, so a client can say "expired" rather than "refused". A write signed in by
 * cookie must also carry its session's CSRF token and come from this server's own origin.
 */
export const requireCaller = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const cookie = header === undefined ? readSessionCookie(c) : undefined;
  if (header === undefined && cookie === undefined) throw new ApiError('unauthorized', 'sign in: send "Authorization: Bearer <token>"');
  const caller = header !== undefined ? await bearerCaller(c, header) : await sessionCaller(c, cookie!);
  if (caller.credential.kind === 'session') assertSameOriginWrite(c, cookie!);
  c.set('caller', caller);
  await next();
});

async function bearerCaller(c: Context<AppEnv>, header: string): Promise<Caller> {
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new ApiError('unauthorized', 'the Authorization header must be "Bearer <token>"');
  const { db, now } = c.get('deps');
  const row = await tokenByHash(db, hashToken(token));
  if (!row) throw new ApiError('unauthorized', 'this token is not valid (unknown, revoked, or its user is disabled)');
  const at = now();
  if (tokenState(row.token, at) === 'expired') {
    throw new ApiError('token_expired', `This token expired on ${utcMinute(row.token.expiresAt!)}; sign in again`);
  }
  await noteTokenUse(db, row.token, at);
  return { credential: { kind: 'token', id: row.token.id }, ...(await callerOf(db, row)) };
}

/** A session that cannot be used any more also clears its cookie, so the browser stops sending it. */
async function sessionCaller(c: Context<AppEnv>, secret: string): Promise<Caller> {
  const refuse = (code: 'unauthorized' | 'session_expired', message: string) =>
    new ApiError(code, message, undefined, { 'Set-Cookie': clearingCookieHeader(c) });
  const { db, now } = c.get('deps');
  const [row] = await db
    .select({ session: sessions, ...callerColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .leftJoin(syncHeads, eq(syncHeads.workspaceId, users.workspaceId))
    .where(and(eq(sessions.hash, hashToken(secret)), eq(users.disabled, false)))
    .limit(1);
  if (!row) throw refuse('unauthorized', 'this session is not valid (unknown, or its user is disabled): sign in again with a sign-in link');
  const at = now();
  switch (sessionState(row.session, at)) {
    case 'ended':
      throw refuse('unauthorized', `this session was signed out on ${utcMinute(row.session.endedAt!)}: sign in again with a sign-in link`);
    case 'expired':
      throw refuse('session_expired', `this session expired on ${utcMinute(row.session.expiresAt)}, 7 days after sign-in: sign in again with a sign-in link`);
    case 'idle':
      throw refuse('session_expired', 'this session expired after 12 hours without use: sign in again with a sign-in link');
    case 'live':
      break;
  }
  await noteSessionUse(db, row.session, at);
  const endsAt = sessionEndsAt({ lastSeenAt: at, expiresAt: row.session.expiresAt });
  return { credential: { kind: 'session', id: row.session.id, csrfToken: csrfTokenOf(secret), endsAt }, ...(await callerOf(db, row)) };
}

/**
 * A browser sends the cookie with any request to us, a forged form on another site's page included: a write must prove
 * it came from the dashboard, by the CSRF token only the dashboard could read (GET /v1/session), and by its Origin.
 */
function assertSameOriginWrite(c: Context<AppEnv>, secret: string): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = foreignOrigin(c);
  if (origin !== null) throw new ApiError('csrf', `a request signed in by the session cookie must come from ${ownOrigin(c)}, not ${origin}`);
  const sent = c.req.header('x-csrf-token');
  if (sent === undefined) throw new ApiError('csrf', 'send the X-CSRF-Token header with your session\'s token (GET /v1/session answers it)');
  if (!csrfMatches(secret, sent)) throw new ApiError('csrf', 'the X-CSRF-Token header does not match this session');
}

const ROLES = Symbol('roles');

/** Lets only the given roles through; the rest get a 403 naming who may. */
export function requireRole(...roles: Role[]) {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    assertRole(c.get('caller'), roles);
    await next();
  });
  // Marked with its roles, so the OpenAPI description says who may from the check itself (http/openapi-spec.ts).
  return Object.assign(middleware, { [ROLES]: roles as readonly Role[] });
}

/** The roles a requireRole middleware admits; undefined for any other handler. */
export function rolesOf(handler: unknown): readonly Role[] | undefined {
  return typeof handler === 'function' ? (handler as { [ROLES]?: readonly Role[] })[ROLES] : undefined;
}

export function assertRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.includes(caller.user.role)) {
    throw new ApiError('forbidden', `only ${roles.join(', ')} may do this; you are ${caller.user.role}`);
  }
}
