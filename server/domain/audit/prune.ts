import { z } from 'zod';
import { lt } from 'drizzle-orm';
import { DAY_MS } from '../../../lib/core/time-units';
import type { Db } from '../../store/db';
import { auditEvents } from '../../store/schema';

/** How long audit events are kept unless AUDIT_RETENTION_DAYS says otherwise: a year, one full cycle of reviews. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/** AUDIT_RETENTION_DAYS as written in the environment: whole days, at least one (a hundred years at most). */
export const AuditRetentionDays = z.coerce
  .number({ message: 'must be a whole number of days, at least 1' })
  .int('must be a whole number of days, at least 1')
  .min(1, 'must be a whole number of days, at least 1')
  .max(36_500, 'must be at most 36500 days');

/** Removes the events older than the retention, in every workspace; an event exactly that old stays. Returns how many went. */
export async function pruneAuditEvents(db: Db, now: Date, retentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const removed = await db.delete(auditEvents).where(lt(auditEvents.at, cutoff)).returning({ id: auditEvents.id });
  return removed.length;
}
