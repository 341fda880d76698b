import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SyncPage } from '../../../lib/core/model/sync';
import type { Caller } from '../../context';
import { readSnapshot, type Db, type Queryable } from '../../store/db';
import { users } from '../../store/schema';
import { assemblePage, firstChanges, lastVersion } from './assemble';
import { cursorNotOurs, encodeSyncCursor, START_VERSION, type SyncCursor } from './cursor';
import { expireLookups } from '../scope/expire-lookups';
import { firstLapseMinute, isCaughtUp, syncHead } from './caught-up';
import { readHistories } from './history';
import { syncScope } from '../scope/rule';
import { readChanges } from './streams';

export interface PullRequest {
  /** The client's cursor, decoded; version START_VERSION on the first pull. */
  cursor: SyncCursor;
  limit: number;
  now: Date;
}

/**
 * One page of the caller's delta sync (docs/sync.md):
 * 0. a caught-up cursor (at the workspace's head, read with the caller's token) is answered at once, empty;
 * 1. refuse a cursor past every version this database has drawn;
 * 2. expire lapsed lookups, which records their scope exits (the only write, and only when one lapsed);
 * 3. in one snapshot, read each kind of change after the cursor (at most limit + 1 of each), merge them by version and
 *    keep the first `limit`; contacts that entered the scope among them bring their history, which is not counted;
 * 4. the new cursor is the last kept version (the old one when nothing changed; on the last page, the workspace's head
 *    when newer, with the minute the caller's first lookup may lapse); `more` says whether any remain.
 */
export async function pullSyncPage(db: Db, caller: Caller, request: PullRequest): Promise<SyncPage> {
  const { cursor, limit, now } = request;
  const after = cursor.version;
  if (caller.workspace.head !== undefined && isCaughtUp(cursor, caller.workspace.head, now)) return emptyPage(cursor);
  const scope = syncScope(caller.user.id, caller.workspace.id, now);
  if (after > START_VERSION && after > (await lastDrawnVersion(db))) throw cursorNotOurs();
  await expireLookups(db, scope);
  return readSnapshot(db, async (tx) => {
    const { taken, more } = firstChanges(await readChanges(tx, scope, { after, take: limit + 1 }), limit);
    const entering = taken.flatMap((change) => (change.kind === 'entry' ? [change.contact.id] : []));
    const history = await readHistories(tx, scope, entering);
    const next: SyncCursor = more
      ? { version: lastVersion(taken, after) }
      : { version: lastVersion(taken, after, { more, head: await syncHead(tx, scope.workspaceId) }), lapseMinute: await firstLapseMinute(tx, scope) };
    const page = assemblePage(taken, history, { cursor: encodeSyncCursor(next), more });
    return { ...page, people: await peopleNamed(tx, caller.workspace.id, page) };
  });
}

/** The page of a pull that finds nothing, exactly as the full path would assemble it, with the same cursor. */
function emptyPage(cursor: SyncCursor): SyncPage {
  const nothing = { activities: [], attempts: [], questions: [], stageChanges: [] };
  return { ...assemblePage([], nothing, { cursor: encodeSyncCursor(cursor), more: false }), people: [] };
}

/** The workspace's users the page's contacts (owners) and attempts (who logged) name, by id and display name. */
async function peopleNamed(tx: Queryable, workspaceId: string, page: Pick<SyncPage, 'contacts' | 'attempts'>): Promise<SyncPage['people']> {
  const ids = [...new Set([...page.contacts.flatMap((c) => (c.ownerId === null ? [] : [c.ownerId])), ...page.attempts.map((a) => a.userId)])];
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)))
    .orderBy(users.id);
}

/** The highest version the row_version sequence has handed out: no cursor this server gave can be above it. */
async function lastDrawnVersion(db: Db): Promise<number> {
  const [row] = await db.select({ last: sql<string>`last_value` }).from(sql`row_version`);
  return Number(row?.last ?? 0);
}
