import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { DASHBOARD_CODE_MS, EXTENSION_CODE_MS, SIGN_IN_LINK_MS, grantState, type GrantState } from '../../lib/core/session-state';
import { DAY_MS } from '../../lib/core/time-units';
import type { Queryable } from '../store/db';
import { signInGrants, users } from '../store/schema';
import { hashToken, newId } from './tokens';

// One-time ways into a session: a sign-in link (`/signin/<secret>`, 15 minutes) or the extension's dashboard code
// (`/signin/code/<secret>`, 60 seconds). Both are consumed by a POST only, once, atomically: mail scanners fetch
// links with GET, and two tabs posting the same link at once get one session between them. The third kind is the
// extension's sign-in code (`extension`, 15 minutes): `POST /v1/extension-code` exchanges it once for an API token, so
// `npm start` can print a one-click sign-in for each demo user without a token in any URL.

export type GrantKind = 'link' | 'code' | 'extension';
/** The kinds a browser opens to start a dashboard session. */
export type BrowserGrantKind = Exclude<GrantKind, 'extension'>;
export type GrantRow = typeof signInGrants.$inferSelect;

const LIFETIME: Record<GrantKind, number> = { link: SIGN_IN_LINK_MS, code: DASHBOARD_CODE_MS, extension: EXTENSION_CODE_MS };
const PREFIX: Record<GrantKind, string> = { link: 'lsl_', code: 'lsc_', extension: 'lse_' };
/** Where the browser kinds are opened, under PUBLIC_URL (the extension's code is posted by the extension). */
export const GRANT_PATH: Record<BrowserGrantKind, string> = { link: '/signin/', code: '/signin/code/' };

export function grantUrl(publicUrl: string, kind: BrowserGrantKind, secret: string): string {
  return `${publicUrl}${GRANT_PATH[kind]}${secret}`;
}

/** Makes a grant for the user; answers its secret (shown once, in the URL) and its row. */
export async function createGrant(db: Queryable, kind: GrantKind, userId: string, now: Date): Promise<{ secret: string; grant: GrantRow }> {
  const secret = `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
  const [grant] = await db
    .insert(signInGrants)
    .values({ id: newId('sig'), kind, userId, hash: hashToken(secret), createdAt: now, expiresAt: new Date(now.getTime() + LIFETIME[kind]) })
    .returning();
  if (!grant) throw new Error(`the sign-in ${kind} for user ${userId} was not stored`);
  return { secret, grant };
}

export type GrantLookup =
  | { state: 'usable'; grant: GrantRow; user: { id: string; name: string; disabled: boolean } }
  | { state: Exclude<GrantState, 'usable'>; grant: GrantRow }
  | { state: 'unknown' };

/** What a secret opens, without using it: for the page that shows "Sign in as …". */
export async function lookUpGrant(db: Queryable, kind: GrantKind, secret: string, now: Date): Promise<GrantLookup> {
  const [row] = await db
    .select({ grant: signInGrants, user: { id: users.id, name: users.name, disabled: users.disabled } })
    .from(signInGrants)
    .innerJoin(users, eq(users.id, signInGrants.userId))
    .where(and(eq(signInGrants.hash, hashToken(secret)), eq(signInGrants.kind, kind)))
    .limit(1);
  if (!row) return { state: 'unknown' };
  const state = grantState(row.grant, now);
  return state === 'usable' ? { state, grant: row.grant, user: row.user } : { state, grant: row.grant };
}

/** Uses the grant: only the one request whose update finds it unused and unexpired gets it. */
export async function consumeGrant(db: Queryable, kind: GrantKind, secret: string, now: Date): Promise<GrantRow | null> {
  const [used] = await db
    .update(signInGrants)
    .set({ usedAt: now })
    .where(and(eq(signInGrants.hash, hashToken(secret)), eq(signInGrants.kind, kind), isNull(signInGrants.usedAt), gt(signInGrants.expiresAt, now)))
    .returning();
  return used ?? null;
}

/** Grants a day past their expiry only ever answer "expired": the hourly prune deletes them. */
export async function pruneGrants(db: Queryable, now: Date): Promise<void> {
  await db.delete(signInGrants).where(lte(signInGrants.expiresAt, new Date(now.getTime() - DAY_MS)));
}
