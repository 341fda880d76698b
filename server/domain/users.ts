import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { ApiToken, IssuedToken, NewTokenRequest, NewUserRequest, UserPatch, WorkspaceUser } from '../../lib/core/model/admin-requests';
import type { Caller } from '../context';
import { ApiError, notFound } from '../http/errors';
import { writeInWorkspace, type Db, type Queryable } from '../store/db';
import { users } from '../store/schema';
import { addUser, findUserByEmail } from './admin';
import { userCreated, userUpdated } from './audit/changes';
import { actorOf, recordAudit, type AuditActor } from './audit/record';
import { asApiToken, createToken, expiryOf, findToken, listTokens, revokeAllTokens, revokeToken, type NewToken } from './tokens';

export type UserRow = typeof users.$inferSelect;

const asWorkspaceUser = (u: UserRow): WorkspaceUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled });

export async function listUsers(db: Db, workspaceId: string): Promise<WorkspaceUser[]> {
  const rows = await db.select().from(users).where(eq(users.workspaceId, workspaceId)).orderBy(asc(users.email));
  return rows.map(asWorkspaceUser);
}

/** A user of the caller's workspace; another workspace's id answers like an unknown one. */
export async function findUser(db: Queryable, workspaceId: string, userId: string): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound(`user ${userId}`);
  return row;
}

/** Emails are unique across every workspace (people sign in by email), so one in use anywhere is a 409. */
export async function createUser(db: Db, caller: Caller, request: NewUserRequest, now: Date): Promise<WorkspaceUser> {
  const workspaceId = caller.workspace.id;
  const emailTaken = () => new ApiError('conflict', `the email ${request.email} is already in use`);
  if (await findUserByEmail(db, request.email)) throw emailTaken();
  try {
    return await writeInWorkspace(db, workspaceId, async (tx) => {
      const { id } = await addUser(tx, { workspaceId, ...request });
      const user = asWorkspaceUser(await findUser(tx, workspaceId, id));
      await recordAudit(tx, actorOf(caller), userCreated(now, user));
      return user;
    });
  } catch (err) {
    // Two admins adding the same address at once: the unique index decides, and the loser gets the same 409.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

/**
 * Renames, changes the role of, disables or enables a user. A workspace always keeps one active admin, or nobody
 * could manage its users again; the check runs under the workspace lock so two admins demoting each other at once
 * cannot both succeed.
 */
export async function updateUser(db: Db, caller: Caller, userId: string, patch: UserPatch, now: Date): Promise<WorkspaceUser> {
  const workspaceId = caller.workspace.id;
  return writeInWorkspace(db, workspaceId, async (tx) => {
    const user = await findUser(tx, workspaceId, userId);
    const isActiveAdmin = user.role === 'admin' && !user.disabled;
    const staysActiveAdmin = (patch.role ?? user.role) === 'admin' && !(patch.disabled ?? user.disabled);
    if (isActiveAdmin && !staysActiveAdmin && (await otherActiveAdmins(tx, workspaceId, userId)) === 0) {
      throw new ApiError('conflict', `${user.email} is the last active admin of this workspace: make someone else admin first`);
    }
    const [row] = await tx.update(users).set(patch).where(eq(users.id, userId)).returning();
    if (!row) throw new Error(`user ${userId} vanished while being updated`);
    await recordAudit(tx, actorOf(caller), userUpdated(now, asWorkspaceUser(user), asWorkspaceUser(row)));
    return asWorkspaceUser(row);
  });
}

async function otherActiveAdmins(db: Queryable, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, userId)));
  return row?.n ?? 0;
}

/** Admins manage everyone's tokens; anyone may manage their own (a new device, or "sign me out everywhere"). */
function assertSelfOrAdmin(caller: Caller, userId: string): void {
  if (caller.user.id !== userId && caller.user.role !== 'admin') {
    throw new ApiError('forbidden', `only an admin may manage another user's tokens; you are ${caller.user.role}`);
  }
}

/**
 * A new named token for the user, its secret returned this once; a disabled user's token would only ever answer 401,
 * so none is made. Run it in the transaction that records who asked.
 */
export async function issueTokenFor(db: Queryable, by: AuditActor, user: UserRow, request: NewTokenRequest, now: Date): Promise<NewToken> {
  if (user.disabled) throw new ApiError('conflict', `${user.email} is disabled: enable them before making a token`);
  return createToken(db, by, user.id, { name: request.name, expiresAt: expiryOf(request, now) }, now);
}

/** The same, asked over the API: by an admin, or the user themself. */
export async function issueToken(db: Db, caller: Caller, userId: string, request: NewTokenRequest, now: Date): Promise<IssuedToken> {
  assertSelfOrAdmin(caller, userId);
  return writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const user = await findUser(tx, caller.workspace.id, userId);
    const { secret, token } = await issueTokenFor(tx, actorOf(caller), user, request, now);
    return { ...token, token: secret };
  });
}

/** The user's tokens, newest first, without their secrets. */
export async function listUserTokens(db: Db, caller: Caller, userId: string): Promise<ApiToken[]> {
  assertSelfOrAdmin(caller, userId);
  const user = await findUser(db, caller.workspace.id, userId);
  return (await listTokens(db, user.id)).map(asApiToken);
}

/** Revokes one of the user's tokens; another user's token id answers like an unknown one. */
export async function revokeUserToken(db: Db, caller: Caller, userId: string, tokenId: string, now: Date): Promise<void> {
  assertSelfOrAdmin(caller, userId);
  await writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const user = await findUser(tx, caller.workspace.id, userId);
    const token = await findToken(tx, tokenId, user.id);
    if (!token) throw notFound(`token ${tokenId}`);
    await revokeToken(tx, actorOf(caller), token.id, now);
  });
}

/** Revokes every live token of the user at once: lost laptop, or someone leaving. */
export async function revokeTokens(db: Db, caller: Caller, userId: string, now: Date): Promise<void> {
  assertSelfOrAdmin(caller, userId);
  await writeInWorkspace(db, caller.workspace.id, async (tx) => {
    const user = await findUser(tx, caller.workspace.id, userId);
    await revokeAllTokens(tx, actorOf(caller), user.id, now);
  });
}

/** PostgreSQL's unique_violation, whether the driver's error comes bare or wrapped by Drizzle. */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
