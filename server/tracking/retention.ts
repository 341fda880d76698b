import { and, isNull, lt } from 'drizzle-orm';
import type { Db } from '../store/db';
import { visitorEvents, visitors } from '../store/schema';

/**
 * How long website events are kept as received. An identified visitor's events are the contact's activities by then;
 * an anonymous visitor's wait this long for them to identify, then go (and the visitor with them).
 */
export const VISITOR_EVENT_DAYS = 90;

export async function pruneVisitorEvents(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - VISITOR_EVENT_DAYS * 86_400_000);
  await db.delete(visitorEvents).where(lt(visitorEvents.receivedAt, cutoff));
  await db.delete(visitors).where(and(isNull(visitors.contactId), lt(visitors.lastSeen, cutoff)));
}
