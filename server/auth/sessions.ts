import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../lib/core/session-state';
import { MINUTE_MS } from '../../lib/core/time-units';
import type { Queryable } from '../store/db';
import { sessions } from '../store/schema';
import { hashToken, newId } from './tokens';

// Browser sessions of the dashboard. The cookie carries a 256-bit secret; the database keeps its SHA-256 only. The
// CSRF token is derived from the secret (a different hash), so it needs no column, cannot be computed from what the
// database holds, and a page that cannot read the httpOnly cookie cannot compute it either: it must ask GET /v1/session.

export type SessionRow = typeof sessions.$inferSelect;

/** How stale lastSeenAt may get: the idle expiry is 12 h, so "to within 5 minutes" is plenty, and most requests write nothing. */
export const SESSION_SEEN_PRECISION_MS = 5 * MINUTE_MS;

export function generateSessionSecret(): string {
  return `lss_${randomBytes(32).toString('base64url')}`;
}

export function csrfTokenOf(secret: string): string {
  return createHash('sha256').update(`leadside-csrf\u0000${secret}`).digest('base64url');
}

/** Compares in constant time, so the header cannot be guessed a character at a time. */
export function csrfMatches(secret: string, sent: string): boolean {
  const expected = Buffer.from(csrfTokenOf(secret));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Starts a session for the user; answers the secret for the cookie. */
export async function startSession(db: Queryable, userId: string, now: Date): Promise<{ secret: string; session: SessionRow }> {
  const secret = generateSessionSecret();
  const [session] = await db
    .insert(sessions)
    .values({ id: newId('ses'), userId, hash: hashToken(secret), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) })
    .returning();
  if (!session) throw new Error(`the session for user ${userId} was not stored`);
  return { secret, session };
}

/** Notes the session was used now, unless it was noted less than SESSION_SEEN_PRECISION_MS ago (once, among requests at once). */
export async function noteSessionUse(db: Queryable, session: Pick<SessionRow, 'id' | 'lastSeenAt'>, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_SEEN_PRECISION_MS) return;
  const staleBefore = new Date(now.getTime() - SESSION_SEEN_PRECISION_MS);
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, session.id), lte(sessions.lastSeenAt, staleBefore)));
}

/** Signs one session out; one already ended keeps the time it ended. */
export async function endSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Signs every session of the user out that could still be used (sessionState 'live'); answers their ids (for the audit log). */
export async function endAllSessions(db: Queryable, userId: string, now: Date): Promise<string[]> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS);
  const ended = await db
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)))
    .returning({ id: sessions.id });
  return ended.map((s) => s.id);
}

/** Sessions ended or expired more than `keepMs` ago are of no use to anyone: the hourly prune deletes them. */
export async function pruneSessions(db: Queryable, now: Date, keepMs: number): Promise<void> {
  const before = new Date(now.getTime() - keepMs);
  await db.delete(sessions).where(or(lte(sessions.expiresAt, before), lte(sessions.endedAt, before)));
}
