import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TimelineItem, TimelinePage } from '../../../lib/core/model/api';
import type { Queryable } from '../../store/db';
import { toActivity, toAttempt } from '../../store/rows';
import { activities, attempts, stageChanges } from '../../store/schema';
import { decodePagePosition, newestFirst, pageOfRows, type PagePosition } from '../page-cursor';
import { stageChangesOf } from './stage-history';

type Kind = TimelineItem['kind'];
type HistoryTable = typeof activities | typeof attempts | typeof stageChanges;

/**
 * A contact's activities, attempts and stage changes merged, newest first by (at, id, kind), `limit` at a time. Each
 * table gives at most `limit + 1` rows after the cursor; merged, the first `limit` are the page and one more says
 * there is more.
 */
export async function timelinePage(db: Queryable, contactId: string, before: string | undefined, limit: number): Promise<TimelinePage> {
  const after = before === undefined ? null : decodePagePosition(before);
  // One after another: the snapshot is one connection, which runs one query at a time anyway.
  const activityRows = await db
    .select()
    .from(activities)
    .where(and(eq(activities.contactId, contactId), olderThan(activities, 'activity', after)))
    .orderBy(...newestFirstSql(activities))
    .limit(limit + 1);
  const attemptRows = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.contactId, contactId), olderThan(attempts, 'attempt', after)))
    .orderBy(...newestFirstSql(attempts))
    .limit(limit + 1);
  const stageRows = await db
    .select()
    .from(stageChanges)
    .where(and(eq(stageChanges.contactId, contactId), olderThan(stageChanges, 'stage', after)))
    .orderBy(...newestFirstSql(stageChanges))
    .limit(limit + 1);
  const stages = await stageChangesOf(db, stageRows);
  const merged = [
    ...activityRows.map((row) => ({ position: positionOf(row, 'activity'), item: { kind: 'activity', activity: toActivity(row) } as const })),
    ...attemptRows.map((row) => ({ position: positionOf(row, 'attempt'), item: { kind: 'attempt', attempt: toAttempt(row) } as const })),
    ...stages.map((stageChange) => ({
      position: { at: new Date(stageChange.at), id: stageChange.id, kind: 'stage' },
      item: { kind: 'stage', stageChange } as const,
    })),
  ].sort((a, b) => newestFirst(a.position, b.position));
  const { page, more, next } = pageOfRows(merged, limit, (p) => p.position);
  return { items: page.map((p) => p.item), more, next };
}

function positionOf(row: { at: Date; id: string }, kind: Kind): PagePosition {
  return { at: row.at, id: row.id, kind };
}

// Ids compare in the "C" collation, byte order, which is how page-cursor.ts compares them in JS: the database's
// default collation could order "a_b" and "aB" the other way and make the merge skip or repeat an item.
const idInC = (table: HistoryTable): SQL => sql`${table.id} collate "C"`;

function newestFirstSql(table: HistoryTable): SQL[] {
  return [desc(table.at), desc(idInC(table))];
}

/** Rows strictly after the cursor in newest-first (at, id, kind) order; every row when there is no cursor. */
function olderThan(table: HistoryTable, kind: Kind, after: PagePosition | null): SQL | undefined {
  if (after === null) return undefined;
  // At the cursor's very (at, id) the kind decides: this table's row comes after the cursor only if its kind is smaller.
  const sameIdComesAfter = kind < after.kind;
  const idAfter = sameIdComesAfter ? sql`${idInC(table)} <= ${after.id}` : sql`${idInC(table)} < ${after.id}`;
  return or(lt(table.at, after.at), and(eq(table.at, after.at), idAfter));
}
