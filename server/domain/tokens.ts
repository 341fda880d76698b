import { and, desc, eq, isNull } from 'drizzle-orm';
import { MAX_TOKEN_DAYS, type ApiToken, type NewTokenRequest } from '../../lib/core/model/admin-requests';
import { DAY_MS } from '../../lib/core/time-units';
import { generateToken, hashToken, newId } from '../auth/tokens';
import { badRequest } from '../http/errors';
import type { Queryable } from '../store/db';
import { tokenCreated, tokensRevoked } from './audit/changes';
import { recordAudit, type AuditActor } from './audit/record';
import { tokens } from '../store/schema';

// A user's API tokens. Making and revoking each happen in one function here, whoever asks (a route, the CLI, a seed),
// and each records its audit event there, in the caller's transaction. `by` is who made the change; null only for
// fixtures nobody made (the demo seed, test harnesses), which the audit log leaves out.

export type TokenRow = typeof tokens.$inferSelect;

export interface TokenSpec {
  name: string;
  /** Null or absent: the token lasts until revoked. */
  expiresAt?: Date | null;
}

export interface NewToken {
  /** The plain token, to show this once: only its hash is stored. */
  secret: string;
  token: ApiToken;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const asApiToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: iso(row.lastUsedAt),
  expiresAt: iso(row.expiresAt),
  revokedAt: iso(row.revokedAt),
});

/** Makes a token for a user. */
export async function createToken(db: Queryable, by: AuditActor | null, userId: string, spec: TokenSpec, now: Date): Promise<NewToken> {
  const secret = generateToken();
  const [row] = await db
    .insert(tokens)
    .values({ id: newId('tok'), userId, hash: hashToken(secret), name: spec.name, createdAt: now, expiresAt: spec.expiresAt ?? null })
    .returning();
  if (!row) throw new Error(`the token for user ${userId} was not stored`);
  const token = asApiToken(row);
  if (by) await recordAudit(db, by, tokenCreated(now, userId, token));
  return { secret, token };
}

/** When a token asked for now runs out: `expiresInDays` from now, or `expiresAt`, which must be ahead; null for never. */
export function expiryOf(request: Pick<NewTokenRequest, 'expiresInDays' | 'expiresAt'>, now: Date): Date | null {
  if (request.expiresInDays !== undefined) return new Date(now.getTime() + request.expiresInDays * DAY_MS);
  if (request.expiresAt === undefined) return null;
  const at = new Date(request.expiresAt);
  if (at.getTime() <= now.getTime()) throw badRequest(`expiresAt must be in the future (it is ${now.toISOString()} now)`);
  if (at.getTime() > now.getTime() + MAX_TOKEN_DAYS * DAY_MS) throw badRequest(`expiresAt must be at most ${MAX_TOKEN_DAYS} days ahead`);
  return at;
}

/** Every token of the user, newest first, revoked and expired ones too (so an admin sees what was there). */
export async function listTokens(db: Queryable, userId: string): Promise<TokenRow[]> {
  return db.select().from(tokens).where(eq(tokens.userId, userId)).orderBy(desc(tokens.createdAt), desc(tokens.id));
}

/** A token by id, and only if it is that user's when a user is given; null otherwise. */
export async function findToken(db: Queryable, tokenId: string, userId?: string): Promise<TokenRow | null> {
  const [row] = await db
    .select()
    .from(tokens)
    .where(userId === undefined ? eq(tokens.id, tokenId) : and(eq(tokens.id, tokenId), eq(tokens.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Revokes one token; revoking one already revoked changes nothing (it keeps the date it was first revoked). */
export async function revokeToken(db: Queryable, by: AuditActor | null, tokenId: string, now: Date): Promise<TokenRow> {
  const [revoked] = await db
    .update(tokens)
    .set({ revokedAt: now })
    .where(and(eq(tokens.id, tokenId), isNull(tokens.revokedAt)))
    .returning();
  if (revoked) {
    if (by) await recordAudit(db, by, tokensRevoked(now, revoked.userId, [revoked.id]));
    return revoked;
  }
  const row = await findToken(db, tokenId);
  if (!row) throw new Error(`no token ${tokenId} to revoke`);
  return row;
}

/** Revokes every live token of the user at once: a lost laptop, or someone leaving. */
export async function revokeAllTokens(db: Queryable, by: AuditActor | null, userId: string, now: Date): Promise<void> {
  const revoked = await db
    .update(tokens)
    .set({ revokedAt: now })
    .where(and(eq(tokens.userId, userId), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  if (by) await recordAudit(db, by, tokensRevoked(now, userId, revoked.map((t) => t.id)));
}
