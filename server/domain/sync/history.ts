import { and, asc, eq, getTableColumns, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../store/db';
import { toActivity, toAttempt, toQuestion } from '../../store/rows';
import { activities, attempts, questions, scopeEntries, stageChanges } from '../../store/schema';
import { stageChangesOf } from '../contacts/stage-history';
import type { History } from './changes';
import type { SyncScope } from '../scope/rule';

/**
 * A contact entering the scope brings at most its newest 2,000 activities: a contact with years of page views would
 * otherwise make one page arbitrarily large. The older ones stay on the server (the timeline route pages through
 * them). Attempts and questions are noted by hand and stage changes are few, so they all come.
 */
export const HISTORY_ACTIVITY_CAP = 2000;

/**
 * The history of the contacts entering the caller's scope: every row older than the caller's entry, whatever the
 * cursor, since the caller has never had them. Rows newer than the entry are changes like any other (streams.ts), so
 * history and changes never overlap and no row goes down twice. A few queries for the whole page, not a few per contact.
 */
export async function readHistories(tx: Tx, scope: SyncScope, contactIds: readonly string[]): Promise<History> {
  if (contactIds.length === 0) return { activities: [], attempts: [], stageChanges: [], questions: [] };
  const ids = [...contactIds];
  const newestFirst = sql<number>`row_number() over (partition by ${activities.contactId} order by ${activities.at} desc, ${activities.id} desc)`;
  const ranked = tx
    .select({ ...getTableColumns(activities), rank: newestFirst.as('rank') })
    .from(activities)
    .innerJoin(scopeEntries, and(eq(scopeEntries.contactId, activities.contactId), eq(scopeEntries.userId, scope.userId)))
    .where(and(eq(activities.workspaceId, scope.workspaceId), inArray(activities.contactId, ids), lt(activities.version, scopeEntries.version)))
    .as('ranked');
  const { rank, ...activityColumns } = ranked._.selectedFields;
  const activityRows = await tx.select(activityColumns).from(ranked).where(lte(rank, HISTORY_ACTIVITY_CAP)).orderBy(asc(ranked.version));
  const attemptRows = await tx
    .select(getTableColumns(attempts))
    .from(attempts)
    .innerJoin(scopeEntries, and(eq(scopeEntries.contactId, attempts.contactId), eq(scopeEntries.userId, scope.userId)))
    .where(and(eq(attempts.workspaceId, scope.workspaceId), inArray(attempts.contactId, ids), lt(attempts.version, scopeEntries.version)))
    .orderBy(asc(attempts.version));
  const questionRows = await tx
    .select(getTableColumns(questions))
    .from(questions)
    .innerJoin(scopeEntries, and(eq(scopeEntries.contactId, questions.contactId), eq(scopeEntries.userId, scope.userId)))
    .where(and(eq(questions.workspaceId, scope.workspaceId), inArray(questions.contactId, ids), lt(questions.version, scopeEntries.version)))
    .orderBy(asc(questions.version));
  const stageRows = await tx
    .select(getTableColumns(stageChanges))
    .from(stageChanges)
    .innerJoin(scopeEntries, and(eq(scopeEntries.contactId, stageChanges.contactId), eq(scopeEntries.userId, scope.userId)))
    .where(and(eq(stageChanges.workspaceId, scope.workspaceId), inArray(stageChanges.contactId, ids), lt(stageChanges.version, scopeEntries.version)))
    .orderBy(asc(stageChanges.version));
  return {
    activities: activityRows.map(toActivity),
    attempts: attemptRows.map(toAttempt),
    stageChanges: await stageChangesOf(tx, stageRows),
    questions: questionRows.map(toQuestion),
  };
}
