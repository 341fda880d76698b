import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AlertRule } from '../../../lib/core/model/alerts';
import { Id } from '../../../lib/core/model/primitives';
import { alertPreferencesOf } from '../../domain/alerts/preferences';
import { ApiError } from '../../http/errors';
import { writeInWorkspace, type Db } from '../../store/db';
import { users } from '../../store/schema';
import { alertSecretsOf } from './secrets';

/**
 * One-click unsubscribe links in alert emails (RFC 8058): a token naming the workspace, the person and one rule (or
 * the morning digest),
 * signed with the workspace's unsubscribe key, so that nobody can unsubscribe someone else or another rule.
 *
 *     token   = base64url(JSON [1, workspaceId, userId, rule]) "." base64url(mac)
 *     mac     = the first 16 bytes of HMAC-SHA256(key, "leadside-unsubscribe." + base64url(payload))
 *
 * The link never expires: a person reading last month's email can still stop the next ones.
 */

const FORMAT_VERSION = 1;
const MAC_BYTES = 16;
export const UNSUBSCRIBE_TOKEN = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/;
/** What a link stops: one rule's instant emails, or the morning digest. */
export const UnsubscribeTopic = z.union([AlertRule, z.literal('morning_digest')]);
export type UnsubscribeTopic = z.infer<typeof UnsubscribeTopic>;
const Payload = z.tuple([z.literal(FORMAT_VERSION), Id, Id, UnsubscribeTopic]);

export interface UnsubscribeClaims {
  workspaceId: string;
  userId: string;
  rule: UnsubscribeTopic;
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`leadside-unsubscribe.${payload}`).digest().subarray(0, MAC_BYTES);
}

export function signUnsubscribe(key: Buffer, claims: UnsubscribeClaims): string {
  const payload = Buffer.from(JSON.stringify([FORMAT_VERSION, claims.workspaceId, claims.userId, claims.rule])).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

const refused = () => new ApiError('forbidden', 'this unsubscribe link is not valid: it was changed or made up; use the link in the email as it came');

/** The claims of a token whose signature holds; a malformed, forged or tampered one is a 403 that changes nothing. */
export async function verifyUnsubscribe(db: Db, token: string, now: Date): Promise<UnsubscribeClaims> {
  const m = UNSUBSCRIBE_TOKEN.exec(token);
  if (!m) throw refused();
  let parsed: z.infer<typeof Payload>;
  try {
    const raw: unknown = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
    const result = Payload.safeParse(raw);
    if (!result.success) throw refused();
    parsed = result.data;
  } catch {
    throw refused();
  }
  // Only canonical base64url, payload and MAC alike: one token, one spelling (a last character that differs only in
  // its unused bits would otherwise decode to the same MAC).
  if (Buffer.from(m[1]!, 'base64url').toString('base64url') !== m[1]) throw refused();
  if (Buffer.from(m[2]!, 'base64url').toString('base64url') !== m[2]) throw refused();
  const [, workspaceId, userId, rule] = parsed;
  const [exists] = await db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!exists) throw refused();
  const expected = mac((await alertSecretsOf(db, workspaceId, now)).unsubscribeKey, m[1]!);
  const given = Buffer.from(m[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
  return { workspaceId, userId, rule };
}

/**
 * Removes the rule from the person's emailRules, or turns the morning digest off (again is a no-op); answers what
 * they still receive by email.
 */
export async function unsubscribe(
  db: Db,
  token: string,
  now: Date,
): Promise<{ rule: UnsubscribeTopic; email: string; emailRules: AlertRule[]; morningDigest: boolean }> {
  const claims = await verifyUnsubscribe(db, token, now);
  return writeInWorkspace(db, claims.workspaceId, async (tx) => {
    const preferences = (await alertPreferencesOf(tx, claims.workspaceId, [claims.userId])).get(claims.userId)!;
    const emailRules = preferences.emailRules.filter((r) => r !== claims.rule);
    const morningDigest = preferences.morningDigest && claims.rule !== 'morning_digest';
    const [row] = await tx
      .update(users)
      .set({ alertPreferences: { ...preferences, emailRules, morningDigest } })
      .where(and(eq(users.workspaceId, claims.workspaceId), eq(users.id, claims.userId)))
      .returning({ email: users.email });
    return { rule: claims.rule, email: row!.email, emailRules, morningDigest };
  });
}

/** Where the links point: public, outside the /v1 authentication (server/routes/alert-unsubscribe.ts). */
export const UNSUBSCRIBE_PATH = '/v1/alerts/unsubscribe';

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${UNSUBSCRIBE_PATH}?token=${token}`;
}
