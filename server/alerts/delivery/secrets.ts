import { randomBytes } from 'node:crypto';
import { HOUR_MS } from '../../../lib/core/time-units';
import { eq } from 'drizzle-orm';
import { alertWebhookSecretRotated } from '../../domain/audit/changes';
import { recordAudit, type AuditActor } from '../../domain/audit/record';
import { writeInWorkspace, type Db, type Queryable } from '../../store/db';
import { alertSecrets } from '../../store/schema';

/** A workspace's alert secrets: the unsubscribe links' key, and the chat's Standard Webhooks secret. */
export interface AlertSecrets {
  unsubscribeKey: Buffer;
  /** "whsec_" + base64 of 32 random bytes, as the Standard Webhooks libraries take it. */
  webhookSecret: string;
  webhookSecretAt: Date;
  /** The secret before the last rotation, while posts are still signed with it too. */
  previousWebhookSecret: string | null;
}

/**
 * After a rotation, posts carry a signature with the old secret too (Standard Webhooks allows several, space
 * apart) for this long, so the receiver keeps verifying while the admin puts the new secret in its verifier.
 */
export const WEBHOOK_SECRET_GRACE_HOURS = 24;

/** The secrets a post is signed with at `now`: the current one, and the previous one within the grace. */
export function webhookSigningSecrets(s: AlertSecrets, now: Date): string[] {
  const inGrace = s.previousWebhookSecret !== null && now.getTime() < s.webhookSecretAt.getTime() + WEBHOOK_SECRET_GRACE_HOURS * HOUR_MS;
  return inGrace ? [s.webhookSecret, s.previousWebhookSecret!] : [s.webhookSecret];
}

const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The workspace's secrets, made on first use (two processes making them at once keep the first). */
export async function alertSecretsOf(db: Queryable, workspaceId: string, now: Date): Promise<AlertSecrets> {
  const found = await read(db, workspaceId);
  if (found) return found;
  await db
    .insert(alertSecrets)
    .values({ workspaceId, unsubscribeKey: randomBytes(32).toString('base64url'), webhookSecret: newWebhookSecret(), webhookSecretAt: now })
    .onConflictDoNothing();
  return (await read(db, workspaceId))!;
}

/**
 * A new webhook secret: posts from now on are signed with it, and with the old one for WEBHOOK_SECRET_GRACE_HOURS
 * more, so the admin has a day to put the new one in the chat's verifier. Unsubscribe links are not affected.
 */
export async function rotateWebhookSecret(db: Db, workspaceId: string, now: Date, actor: AuditActor): Promise<AlertSecrets> {
  const before = await alertSecretsOf(db, workspaceId, now);
  return writeInWorkspace(db, workspaceId, async (tx) => {
    await tx
      .update(alertSecrets)
      .set({ webhookSecret: newWebhookSecret(), webhookSecretAt: now, previousWebhookSecret: before.webhookSecret })
      .where(eq(alertSecrets.workspaceId, workspaceId));
    await recordAudit(tx, actor, alertWebhookSecretRotated(now, workspaceId, before.webhookSecretAt, now));
    return (await read(tx, workspaceId))!;
  });
}

async function read(db: Queryable, workspaceId: string): Promise<AlertSecrets | null> {
  const [row] = await db.select().from(alertSecrets).where(eq(alertSecrets.workspaceId, workspaceId));
  return row ? { unsubscribeKey: Buffer.from(row.unsubscribeKey, 'base64url'), webhookSecret: row.webhookSecret,
        webhookSecretAt: row.webhookSecretAt,
        previousWebhookSecret: row.previousWebhookSecret,
      } : null;
}
