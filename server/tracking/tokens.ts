import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { HttpUrl, Id } from '../../lib/core/model/primitives';
import { writeInWorkspace, type Db, type Queryable } from '../store/db';
import { trackingKeys } from '../store/schema';
import { DAY_MS, HOUR_MS } from '../../lib/core/time-units';
import { trackingKeyRotated } from '../domain/audit/changes';
import { recordAudit, type AuditActor } from '../domain/audit/record';

/**
 * Tracking tokens: what an open pixel, a tracked link and the website identification parameter carry, and the visitor
 * proof t.js holds, signed so that nobody can make one up, point one elsewhere or move one to another workspace.
 *
 *     token   = base64url(payload) "." base64url(mac)
 *     payload = JSON array [1, kind, workspaceId, keyId, subject, ...by kind]; the subject is a contact id, or for
 *               a visitor proof the visitor id
 *               open:     [..., emailId]
 *               click:    [..., emailId | null, url, contentId | null]
 *               identify: [..., issuedAt (unix seconds)]
 *               visitor:  [..., issuedAt (unix seconds)]
 *     mac     = the first 16 bytes of HMAC-SHA256(workspace key, "leadside-tracking." + base64url(payload))
 *
 * An array keeps a pixel URL near 130 characters. 128 bits of HMAC are far beyond guessing; the comparison is
 * constant-time. Only canonical base64url is accepted, so one token has exactly one spelling.
 */

export type TokenClaims =
  | { kind: 'open'; workspaceId: string; contactId: string; emailId: string }
  | { kind: 'click'; workspaceId: string; contactId: string; emailId: string | null; url: string; contentId: string | null }
  | { kind: 'identify'; workspaceId: string; contactId: string; issuedAt: Date }
  | { kind: 'visitor'; workspaceId: string; visitorId: string; issuedAt: Date };
export type TokenKind = TokenClaims['kind'];

/** How long a key retired by rotation still verifies: links sent just before a rotation keep working. */
export const TRACKING_KEY_GRACE_DAYS = 30;
/** How long a website identification token (the `ls_id` a tracked link adds) may be used after the click. */
export const IDENTIFY_TOKEN_DAYS = 7;
/** How long a visitor proof (what t.js sends to name a visitor by email without an Origin) stays good. */
export const VISITOR_PROOF_HOURS = 12;
/** Longer tokens are refused before any work (a click token holds a URL of at most 2048 characters). */
export const MAX_TOKEN_LENGTH = 4000;

const FORMAT_VERSION = 1;
const MAC_BYTES = 16;
const KIND_CODE = { open: 'o', click: 'c', identify: 'i', visitor: 'v' } as const;
/** How long each kind may be used after it was issued; the others never expire (their key's rotation ends them). */
const LIFETIME_MS: Partial<Record<TokenKind, number>> = { identify: IDENTIFY_TOKEN_DAYS * DAY_MS, visitor: VISITOR_PROOF_HOURS * HOUR_MS };
const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/;

const Head = [z.literal(FORMAT_VERSION), Id, Id, Id] as const;
const Payload = z.union([
  z.tuple([Head[0], z.literal('o'), Head[1], Head[2], Head[3], Id]),
  z.tuple([Head[0], z.literal('c'), Head[1], Head[2], Head[3], Id.nullable(), HttpUrl, Id.nullable()]),
  z.tuple([Head[0], z.literal('i'), Head[1], Head[2], Head[3], z.number().int().nonnegative()]),
  z.tuple([Head[0], z.literal('v'), Head[1], Head[2], Head[3], z.number().int().nonnegative()]),
]);

interface SigningKey {
  keyId: string;
  secret: Buffer;
}

/** Signs the claims with the workspace's current key (made on first use). */
export async function signToken(db: Db, claims: TokenClaims, now: Date): Promise<string> {
  const key = await signingKey(db, claims.workspaceId, now);
  return encode(claims, key);
}

/** The same, for several claims of one workspace with one key read. */
export async function signTokens(db: Db, workspaceId: string, claims: readonly TokenClaims[], now: Date): Promise<string[]> {
  if (claims.length === 0) return [];
  const key = await signingKey(db, workspaceId, now);
  return claims.map((c) => {
    if (c.workspaceId !== workspaceId) throw new Error('signTokens: every claim must be of the one workspace');
    return encode(c, key);
  });
}

/**
 * The claims of a genuine token of the expected kind, or null for anything else: malformed, truncated, edited,
 * signed by another workspace's key, by a key retired more than TRACKING_KEY_GRACE_DAYS ago, an identification
 * token older than IDENTIFY_TOKEN_DAYS, or a visitor proof older than VISITOR_PROOF_HOURS. Never throws for bad input.
 */
export async function verifyToken<K extends TokenKind>(
  db: Queryable,
  token: string,
  kind: K,
  now: Date,
): Promise<Extract<TokenClaims, { kind: K }> | null> {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, payloadText, macText] = match as unknown as [string, string, string];
  const payloadBytes = canonicalBase64url(payloadText);
  const mac = canonicalBase64url(macText);
  if (!payloadBytes || !mac || mac.length !== MAC_BYTES) return null;

  let json: unknown;
  try {
    json = JSON.parse(payloadBytes.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success || parsed.data[1] !== KIND_CODE[kind]) return null;
  const [, , workspaceId, keyId] = parsed.data;

  const secret = await verifyingSecret(db, workspaceId, keyId, now);
  if (!secret) return null;
  if (!timingSafeEqual(macOf(secret, payloadText), mac)) return null;

  const claims = toClaims(parsed.data);
  const lifetime = LIFETIME_MS[claims.kind];
  if (lifetime !== undefined && 'issuedAt' in claims && now.getTime() - claims.issuedAt.getTime() > lifetime) return null;
  return claims as Extract<TokenClaims, { kind: K }>;
}

export interface TrackingKeyRotation {
  /** The key that signs every new pixel and link from now on. */
  keyId: string;
  /** The key it replaced, and until when tokens it signed still verify; null when the workspace had no key yet. */
  retired: { keyId: string; verifiesUntil: Date } | null;
}

/**
 * Retires the workspace's signing key and makes a new one: new tokens are signed with it at once, and tokens signed
 * by the old key keep verifying for TRACKING_KEY_GRACE_DAYS. The one place a key is rotated (the route and the CLI
 * both call it). Under the workspace's lock, so two rotations at once run one after the other and leave one signing key.
 */
export async function rotateTrackingKey(db: Db, workspaceId: string, now: Date, by: AuditActor): Promise<TrackingKeyRotation> {
  return writeInWorkspace(db, workspaceId, async (tx) => {
    const [retired] = await tx
      .update(trackingKeys)
      .set({ retiredAt: now })
      .where(and(eq(trackingKeys.workspaceId, workspaceId), isNull(trackingKeys.retiredAt)))
      .returning({ keyId: trackingKeys.keyId });
    const keyId = newKeyId();
    await tx.insert(trackingKeys).values({ workspaceId, keyId, secret: randomBytes(32).toString('base64url'), createdAt: now });
    await recordAudit(tx, by, trackingKeyRotated(now, workspaceId, retired?.keyId ?? null, keyId));
    return {
      keyId,
      retired: retired ? { keyId: retired.keyId, verifiesUntil: new Date(now.getTime() + TRACKING_KEY_GRACE_DAYS * DAY_MS) } : null,
    };
  });
}

async function signingKey(db: Db, workspaceId: string, now: Date): Promise<SigningKey> {
  const current = await activeKey(db, workspaceId);
  if (current) return current;
  // First use. Two processes may race here: the partial unique index lets one insert win, and both read the winner.
  await db
    .insert(trackingKeys)
    .values({ workspaceId, keyId: newKeyId(), secret: randomBytes(32).toString('base64url'), createdAt: now })
    .onConflictDoNothing();
  const made = await activeKey(db, workspaceId);
  if (!made) throw new Error(`no tracking key for workspace ${workspaceId}`);
  return made;
}

async function activeKey(db: Queryable, workspaceId: string): Promise<SigningKey | null> {
  const [row] = await db
    .select({ keyId: trackingKeys.keyId, secret: trackingKeys.secret })
    .from(trackingKeys)
    .where(and(eq(trackingKeys.workspaceId, workspaceId), isNull(trackingKeys.retiredAt)))
    .limit(1);
  return row ? { keyId: row.keyId, secret: Buffer.from(row.secret, 'base64url') } : null;
}

async function verifyingSecret(db: Queryable, workspaceId: string, keyId: string, now: Date): Promise<Buffer | null> {
  const graceStart = new Date(now.getTime() - TRACKING_KEY_GRACE_DAYS * DAY_MS);
  const [row] = await db
    .select({ secret: trackingKeys.secret })
    .from(trackingKeys)
    .where(
      and(
        eq(trackingKeys.workspaceId, workspaceId),
        eq(trackingKeys.keyId, keyId),
        or(isNull(trackingKeys.retiredAt), gt(trackingKeys.retiredAt, graceStart)),
      ),
    )
    .limit(1);
  return row ? Buffer.from(row.secret, 'base64url') : null;
}

function encode(claims: TokenClaims, key: SigningKey): string {
  const subject = claims.kind === 'visitor' ? claims.visitorId : claims.contactId;
  const head = [FORMAT_VERSION, KIND_CODE[claims.kind], claims.workspaceId, key.keyId, subject];
  const tail =
    claims.kind === 'open'
      ? [claims.emailId]
      : claims.kind === 'click'
        ? [claims.emailId, claims.url, claims.contentId]
        : [Math.floor(claims.issuedAt.getTime() / 1000)];
  const payloadText = Buffer.from(JSON.stringify([...head, ...tail]), 'utf8').toString('base64url');
  return `${payloadText}.${macOf(key.secret, payloadText).toString('base64url')}`;
}

function toClaims(p: z.infer<typeof Payload>): TokenClaims {
  switch (p[1]) {
    case 'o':
      return { kind: 'open', workspaceId: p[2], contactId: p[4], emailId: p[5] };
    case 'c':
      return { kind: 'click', workspaceId: p[2], contactId: p[4], emailId: p[5], url: p[6], contentId: p[7] };
    case 'i':
      return { kind: 'identify', workspaceId: p[2], contactId: p[4], issuedAt: new Date(p[5] * 1000) };
    case 'v':
      return { kind: 'visitor', workspaceId: p[2], visitorId: p[4], issuedAt: new Date(p[5] * 1000) };
  }
}

function macOf(secret: Buffer, payloadText: string): Buffer {
  return createHmac('sha256', secret).update(`leadside-tracking.${payloadText}`).digest().subarray(0, MAC_BYTES);
}

/** Bytes of a base64url text only if it is written the one canonical way (no stray trailing bits). */
function canonicalBase64url(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

function newKeyId(): string {
  return randomBytes(6).toString('base64url');
}
