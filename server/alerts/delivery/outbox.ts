import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DAY_MS } from '../../../lib/core/time-units';
import { newId } from '../../auth/tokens';
import type { Db, Queryable } from '../../store/db';
import { alertOutbox } from '../../store/schema';

/**
 * The durable queue between handing an alert over and sending it (table `alert_outbox`). A row is composed when it is
 * queued, so the worker only sends; its `key` is unique per workspace, so queuing the same thing twice is one send.
 * A failed send is retried with exponential backoff (RETRY_BASE_MS doubling, at most RETRY_MAX_MS) and given up after
 * MAX_ATTEMPTS, the last error kept. A row being sent is leased (its next attempt pushed LEASE_MS ahead) so another
 * process, or the next tick, leaves it alone; a process that died mid-send lets the lease run out and it is sent again.
 */

export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;
export const MAX_ATTEMPTS = 10;
export const LEASE_MS = 2 * 60_000;

export const EmailPayload = z.object({
  kind: z.literal('email'),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** The signed one-click unsubscribe URL (RFC 8058), for List-Unsubscribe. */
  unsubscribeUrl: z.string().nullable(),
});
export type EmailPayload = z.infer<typeof EmailPayload>;

export const ChatPayload = z.object({
  kind: z.literal('chat'),
  url: z.string(),
  /** The JSON body, exactly as signed and sent. */
  body: z.string(),
});
export type ChatPayload = z.infer<typeof ChatPayload>;

/** A day's digest that had nothing to say: kept so the day counts as done, never sent. */
export const NothingPayload = z.object({ kind: z.literal('nothing'), reason: z.string() });

export const OutboxPayload = z.discriminatedUnion('kind', [EmailPayload, ChatPayload, NothingPayload]);
export type OutboxPayload = z.infer<typeof OutboxPayload>;

export interface OutboxEntry {
  workspaceId: string;
  key: string;
  payload: OutboxPayload;
}

export interface OutboxRow {
  id: string;
  workspaceId: string;
  key: string;
  attempts: number;
  payload: OutboxPayload;
}

/** Queues the entries; one already queued under its key is left as it is. Answers how many were new. */
export async function enqueue(db: Queryable, entries: readonly OutboxEntry[], now: Date): Promise<number> {
  if (entries.length === 0) return 0;
  const inserted = await db
    .insert(alertOutbox)
    .values(
      entries.map((e) => ({
        id: newId('aob'),
        workspaceId: e.workspaceId,
        key: e.key,
        channel: e.payload.kind === 'chat' ? ('chat' as const) : ('email' as const),
        payload: e.payload,
        createdAt: now,
        nextAttemptAt: now,
        // Nothing to send: done as it is written.
        sentAt: e.payload.kind === 'nothing' ? now : null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: alertOutbox.id });
  return inserted.length;
}

/** Whether something is queued (sent or not) under this key. */
export async function isQueued(db: Queryable, workspaceId: string, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: alertOutbox.id })
    .from(alertOutbox)
    .where(and(eq(alertOutbox.workspaceId, workspaceId), eq(alertOutbox.key, key)));
  return row !== undefined;
}

/** Leases up to `limit` rows due at `now`, oldest due first; rows another process holds are skipped. */
export async function claimDue(db: Db, now: Date, limit = 20): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(alertOutbox)
      .where(and(isNull(alertOutbox.sentAt), isNull(alertOutbox.failedAt), lte(alertOutbox.nextAttemptAt, now)))
      .orderBy(asc(alertOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(alertOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(alertOutbox.id, rows.map((r) => r.id)));
    return rows.map((r) => ({ id: r.id, workspaceId: r.workspaceId, key: r.key, attempts: r.attempts, payload: OutboxPayload.parse(r.payload) }));
  });
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.update(alertOutbox).set({ sentAt: now, attempts: sqlIncrement(), lastError: null }).where(eq(alertOutbox.id, id));
}

/** The wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}

/** Records a failed try: retried after the backoff, or given up after MAX_ATTEMPTS. Answers whether it gave up. */
export async function markFailed(db: Db, row: OutboxRow, error: string, now: Date): Promise<boolean> {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= MAX_ATTEMPTS;
  await db
    .update(alertOutbox)
    .set({
      attempts,
      lastError: error.slice(0, 1000),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      failedAt: giveUp ? now : null,
    })
    .where(eq(alertOutbox.id, row.id));
  return giveUp;
}

function sqlIncrement() {
  return sql`${alertOutbox.attempts} + 1`;
}

/** Sent and given-up rows are kept this long (for a look at what went out), then pruned: they hold addresses. */
export const OUTBOX_KEEP_DAYS = 30;

/** Removes rows sent or given up more than OUTBOX_KEEP_DAYS ago; a digest's day is long over by then. */
export async function pruneAlertOutbox(db: Db, now: Date): Promise<void> {
  const before = new Date(now.getTime() - OUTBOX_KEEP_DAYS * DAY_MS);
  await db.delete(alertOutbox).where(or(lt(alertOutbox.sentAt, before), lt(alertOutbox.failedAt, before)));
}
