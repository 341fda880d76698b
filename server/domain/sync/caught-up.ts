import { and, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { DAY_MS, MINUTE_MS } from '../../../lib/core/time-units';
import type { Queryable } from '../../store/db';
import { contacts, scopeEntries, syncHeads } from '../../store/schema';
import { LOOKUP_SCOPE_DAYS } from '../scope/entries';
import type { SyncScope } from '../scope/rule';
import type { SyncCursor } from './cursor';

// A rep's extension pulls every minute and most pulls find nothing: those are answered from what the request already
// knows, the workspace's head (read with the caller's token, sync_heads kept by triggers) and the cursor, with no page
// queries at all (docs/sync.md § Caught up).

/**
 * Whether a pull from this cursor would find nothing: it is a last page's cursor, at the workspace's head (no synced
 * row of the workspace took a newer version since), and none of the caller's lookups can have lapsed yet (lapsing is
 * the one change time makes without a write). Anything else takes the full path, whose last page moves the cursor to
 * the head again. Whatever makes a lapse come sooner (a new lookup, a contact reassigned away) writes a version, so it
 * moves the head too.
 */
export function isCaughtUp(cursor: SyncCursor, head: number, now: Date): boolean {
  if (cursor.lapseMinute === undefined || cursor.version === 0 || cursor.version !== head) return false;
  return cursor.lapseMinute === 0 || now.getTime() < cursor.lapseMinute * MINUTE_MS;
}

/** The workspace's head as the snapshot sees it (0 before any synced row): where a last page's cursor may move to. */
export async function syncHead(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await db.select({ version: syncHeads.version }).from(syncHeads).where(eq(syncHeads.workspaceId, workspaceId));
  return row?.version ?? 0;
}

/**
 * The first minute at which one of the caller's lookups may lapse (its last lookup plus LOOKUP_SCOPE_DAYS, rounded
 * down), or 0 when none can: every contact in scope is the caller's own. An entry already out of scope (deleted, or a
 * lookup never made) counts as lapsing now.
 */
export async function firstLapseMinute(db: Queryable, scope: SyncScope): Promise<number> {
  const minute = sql<string | null>`min(case when ${isNotNull(contacts.deletedAt)} or ${isNull(scopeEntries.lookedUpAt)} then 0 else floor(extract(epoch from ${scopeEntries.lookedUpAt}) / 60) end)`;
  const [row] = await db
    .select({ minute })
    .from(scopeEntries)
    .innerJoin(contacts, eq(contacts.id, scopeEntries.contactId))
    .where(and(eq(scopeEntries.userId, scope.userId), or(isNotNull(contacts.deletedAt), isNull(contacts.ownerId), ne(contacts.ownerId, scope.userId))));
  return row?.minute == null ? 0 : Number(row.minute) + (LOOKUP_SCOPE_DAYS * DAY_MS) / MINUTE_MS;
}
