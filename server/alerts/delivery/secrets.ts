import { randomBytes } from 'node:crypto';
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
 * A new webhook secret: posts from now on are signed with it only, so the chat's verifier must take the new one
 * (the admin copies it from the same place). Unsubscribe links are not affected.
 */
export async function rotateWebhookSecret(db: Db, workspaceId: string, now: Date, actor: AuditActor): Promise<AlertSecrets> {
  const before = await alertSecretsOf(db, workspaceId, now);
  return writeInWorkspace(db, workspaceId, async (tx) => {
    await tx.update(alertSecrets).set({ webhookSecret: newWebhookSecret(), webhookSecretAt: now }).where(eq(alertSecrets.workspaceId, workspaceId));
    await recordAudit(tx, actor, alertWebhookSecretRotated(now, workspaceId, before.webhookSecretAt, now));
    return (await read(tx, workspaceId))!;
  });
}

async function read(db: Queryable, workspaceId: string): Promise<AlertSecrets | null> {
  const [row] = await db.select().from(alertSecrets).where(eq(alertSecrets.workspaceId, workspaceId));
  return row ? { unsubscribeKey: Buffer.from(row.unsubscribeKey, 'base64url'), webhookSecret: row.webhookSecret, webhookSecretAt: row.webhookSecretAt } : null;
}
