import { and, asc, eq, getTableColumns, gt, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../store/db';
import { toActivity, toAlert, toAttempt, toContact, toContentItem, toQuestion, toQuestionAnswer } from '../../store/rows';
import { activities, alerts, attempts, contacts, content, questionAnswers, questions, scopeEntries, scopeExits, stageChanges, workspaces } from '../../store/schema';
import { stageChangesOf } from '../contacts/stage-history';
import type { Change } from './changes';
import { entryInScope, type SyncScope } from '../scope/rule';

// The changes after a version, one query per kind of row, each oldest first and at most `take` rows, so a page can
// merge them and still know whether more remain. Every query is bounded by an index: contacts_owner_version,
// scope_entries' key (user_id, contact_id) and scope_entries_user_version, activities_contact_version,
// attempts_contact_version, questions_contact_version, content_workspace_version, question_answers_workspace_version,
// scope_exits_workspace_version; stage changes by stage_changes_contact_at (a contact has a handful, so sorting them by
// version costs nothing).
//
// A contact's rows older than the caller's scope entry are not changes for the caller: they go down with the entry as
// its history (history.ts). So each contact-bound stream reads only rows newer than both the cursor and the entry:
// history and changes never overlap, and a page cut before an entry never sends activity for a contact the caller
// has not received yet.

export interface StreamWindow {
  after: number;
  take: number;
}

/** Every stream, merged oldest first (versions come from one sequence, so they never tie). */
export async function readChanges(tx: Tx, scope: SyncScope, window: StreamWindow): Promise<Change[]> {
  const streams = [
    ownedContactChanges,
    lookedUpContactChanges,
    scopeEntryChanges,
    activityChanges,
    attemptChanges,
    questionChanges,
    stageChangeChanges,
    contentChanges,
    answerChanges,
    settingsChange,
    scopeExitChanges,
    alertChanges,
  ];
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const changes: Change[] = [];
  for (const stream of streams) changes.push(...(await stream(tx, scope, window)));
  return changes.sort((a, b) => a.version - b.version);
}

/** Contacts the caller owns, walked along contacts_owner_version. */
async function ownedContactChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select(getTableColumns(contacts))
    .from(contacts)
    .innerJoin(scopeEntries, and(eq(scopeEntries.contactId, contacts.id), eq(scopeEntries.userId, scope.userId)))
    .where(
      and(
        eq(contacts.ownerId, scope.userId),
        eq(contacts.workspaceId, scope.workspaceId),
        isNull(contacts.deletedAt),
        gt(contacts.version, after),
        gt(contacts.version, scopeEntries.version),
      ),
    )
    .orderBy(asc(contacts.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'contact', version: r.version, contact: toContact(r) }));
}

/** Contacts someone else owns (or nobody) that the caller looked up recently: few, found through their entries. */
async function lookedUpContactChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select(getTableColumns(contacts))
    .from(scopeEntries)
    .innerJoin(contacts, eq(contacts.id, scopeEntries.contactId))
    .where(
      and(
        eq(scopeEntries.userId, scope.userId),
        gt(scopeEntries.lookedUpAt, scope.lookupCutoff),
        or(isNull(contacts.ownerId), ne(contacts.ownerId, scope.userId)),
        eq(contacts.workspaceId, scope.workspaceId),
        isNull(contacts.deletedAt),
        gt(contacts.version, after),
        gt(contacts.version, scopeEntries.version),
      ),
    )
    .orderBy(asc(contacts.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'contact', version: r.version, contact: toContact(r) }));
}

/** Contacts that entered the caller's scope: the entry's version orders them, whatever the contact row's is. */
async function scopeEntryChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select({ entryVersion: scopeEntries.version, contact: getTableColumns(contacts) })
    .from(scopeEntries)
    .innerJoin(contacts, eq(contacts.id, scopeEntries.contactId))
    .where(and(entryInScope(scope), gt(scopeEntries.version, after)))
    .orderBy(asc(scopeEntries.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'entry', version: r.entryVersion, contact: toContact(r.contact) }));
}

/** Activities of the contacts in scope. */
async function activityChanges(tx: Tx, scope: SyncScope, window: StreamWindow): Promise<Change[]> {
  const rows = await historyInScope(tx, activities, scope, window);
  return rows.map((r) => ({ kind: 'activity', version: r.version, activity: toActivity(r) }));
}

/** Attempts of the contacts in scope. */
async function attemptChanges(tx: Tx, scope: SyncScope, window: StreamWindow): Promise<Change[]> {
  const rows = await historyInScope(tx, attempts, scope, window);
  return rows.map((r) => ({ kind: 'attempt', version: r.version, attempt: toAttempt(r) }));
}

/** Questions the contacts in scope asked. */
async function questionChanges(tx: Tx, scope: SyncScope, window: StreamWindow): Promise<Change[]> {
  const rows = await historyInScope(tx, questions, scope, window);
  return rows.map((r) => ({ kind: 'question', version: r.version, question: toQuestion(r) }));
}

/** Lifecycle changes of the contacts in scope, each with its actor's name. */
async function stageChangeChanges(tx: Tx, scope: SyncScope, window: StreamWindow): Promise<Change[]> {
  const rows = await historyInScope(tx, stageChanges, scope, window);
  return (await stageChangesOf(tx, rows)).map((stageChange) => ({ kind: 'stage', version: stageChange.version, stageChange }));
}

/**
 * A history table's rows newer than the window, for the contacts in scope. The lateral join walks the table's
 * (contact_id, version) index once per contact in scope (a rep has a few hundred), reading at most `take` rows from
 * each, so the plan stays the same however large the workspace's table grows.
 */
async function historyInScope<T extends typeof activities | typeof attempts | typeof questions | typeof stageChanges>(
  tx: Tx,
  table: T,
  scope: SyncScope,
  { after, take }: StreamWindow,
): Promise<T['$inferSelect'][]> {
  const history = table as typeof activities; // the columns used here exist on every such table with the same types
  const recent = tx
    .select()
    .from(history)
    .where(
      and(
        eq(history.contactId, scopeEntries.contactId),
        gt(history.version, newerThan(after)),
        eq(history.workspaceId, scope.workspaceId),
      ),
    )
    .orderBy(asc(history.version))
    .limit(take)
    .as('recent');
  const rows = await tx
    .select(recent._.selectedFields)
    .from(scopeEntries)
    .innerJoin(contacts, eq(contacts.id, scopeEntries.contactId))
    .innerJoinLateral(recent, sql`true`)
    .where(entryInScope(scope))
    .orderBy(asc(recent.version))
    .limit(take);
  return rows as T['$inferSelect'][];
}

/** The lower bound of a contact's changes: newer than the cursor and than the caller's entry (see the top). */
function newerThan(after: number): SQL {
  return sql`greatest(${after}, ${scopeEntries.version})`;
}

/** The library is everyone's; a deleted item goes down as its scope exit instead. */
async function contentChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select()
    .from(content)
    .where(and(eq(content.workspaceId, scope.workspaceId), isNull(content.deletedAt), gt(content.version, after)))
    .orderBy(asc(content.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'content', version: r.version, item: toContentItem(r) }));
}

/**
 * Question groups' answers are the workspace's, like the library: every link and unlink goes to everyone. An unlink
 * comes down as the row with no item, so the cache drops its copy.
 */
async function answerChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select()
    .from(questionAnswers)
    .where(and(eq(questionAnswers.workspaceId, scope.workspaceId), gt(questionAnswers.version, after)))
    .orderBy(asc(questionAnswers.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'answer', version: r.version, answer: toQuestionAnswer(r) }));
}

/** The workspace row carries every setting: when it changed, the client gets them whole. */
async function settingsChange(tx: Tx, scope: SyncScope, { after }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select({ version: workspaces.version, settings: workspaces.settings })
    .from(workspaces)
    .where(and(eq(workspaces.id, scope.workspaceId), gt(workspaces.version, after)));
  return rows.map((r) => ({ kind: 'settings', version: r.version, settings: r.settings }));
}

/** Exits addressed to the caller, or to everyone in the workspace (user_id null). */
async function scopeExitChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select({ version: scopeExits.version, kind: scopeExits.kind, objectId: scopeExits.objectId })
    .from(scopeExits)
    .where(
      and(
        eq(scopeExits.workspaceId, scope.workspaceId),
        or(eq(scopeExits.userId, scope.userId), isNull(scopeExits.userId)),
        gt(scopeExits.version, after),
      ),
    )
    .orderBy(asc(scopeExits.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'exit', version: r.version, of: r.kind, id: r.objectId }));
}

/** The caller's own alerts, once delivered (a held or dropped one is nobody's news), along alerts_user_version. */
async function alertChanges(tx: Tx, scope: SyncScope, { after, take }: StreamWindow): Promise<Change[]> {
  const rows = await tx
    .select()
    .from(alerts)
    .where(and(eq(alerts.userId, scope.userId), eq(alerts.workspaceId, scope.workspaceId), eq(alerts.state, 'delivered'), gt(alerts.version, after)))
    .orderBy(asc(alerts.version))
    .limit(take);
  return rows.map((r) => ({ kind: 'alert', version: r.version, alert: toAlert(r) }));
}
