import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../lib/core/model/vocabulary';
import { tokenState, utcMinute } from '../../lib/core/token-state';
import type { AppEnv, Caller } from '../context';
import { ApiError } from '../http/errors';
import { tokens, users, workspaces } from '../store/schema';
import { noteTokenUse } from './last-used';
import { hashToken } from './tokens';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Resolves the bearer token to its user and workspace; anything else is a 401 that says what is wrong. An expired token
 * has its own code, `token_expired`, so the extension can tell its rep so rather than "refused".
 */
export const requireCaller = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  if (!header) throw new ApiError('unauthorized', 'sign in: send "Authorization: Bearer <token>"');
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new ApiError('unauthorized', 'the Authorization header must be "Bearer <token>"');
  const { db, now } = c.get('deps');
  const [row] = await db
    .select({ token: { id: tokens.id, lastUsedAt: tokens.lastUsedAt, expiresAt: tokens.expiresAt, revokedAt: tokens.revokedAt }, user: users, workspace: workspaces })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(tokens.hash, hashToken(token)), isNull(tokens.revokedAt), eq(users.disabled, false)))
    .limit(1);
  if (!row) throw new ApiError('unauthorized', 'this token is not valid (unknown, revoked, or its user is disabled)');
  const at = now();
  if (tokenState(row.token, at) === 'expired') {
    throw new ApiError('token_expired', `This token expired on ${utcMinute(row.token.expiresAt!)}; sign in again`);
  }
  await noteTokenUse(db, row.token, at);
  const caller: Caller = {
    tokenId: row.token.id,
    user: { id: row.user.id, name: row.user.name, email: row.user.email, role: row.user.role },
    workspace: { id: row.workspace.id, name: row.workspace.name, settings: row.workspace.settings },
  };
  c.set('caller', caller);
  await next();
});

/** Lets only the given roles through; the rest get a 403 naming who may. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertRole(c.get('caller'), roles);
    await next();
  });
}

export function assertRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.includes(caller.user.role)) {
    throw new ApiError('forbidden', `only ${roles.join(', ')} may do this; you are ${caller.user.role}`);
  }
}
