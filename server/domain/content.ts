import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ContentDraft, ContentReplacement } from '../../lib/core/model/admin-requests';
import type { ContentItem } from '../../lib/core/model/content';
import { newId } from '../auth/tokens';
import type { Caller } from '../context';
import { ApiError, notFound } from '../http/errors';
import { writeInWorkspace, type Db, type Queryable } from '../store/db';
import { toContentItem } from '../store/rows';
import { content, scopeExits } from '../store/schema';
import type { ContentRow } from '../store/rows';
import { contentCreated, contentDeleted, contentUpdated } from './audit/changes';
import { actorOf, recordAudit } from './audit/record';
import { recountAssists } from './closed-loop/assists';

/** The library, by title; archived items only when asked for, deleted ones never. */
export async function listContent(db: Db, workspaceId: string, includeArchived: boolean): Promise<ContentItem[]> {
  const rows = await db
    .select()
    .from(content)
    .where(and(eq(content.workspaceId, workspaceId), isNull(content.deletedAt), includeArchived ? undefined : eq(content.archived, false)))
    .orderBy(asc(content.title), asc(content.id));
  return rows.map(toContentItem);
}

/**
 * One item of the caller's workspace (archived ones too: a rep may follow an old link). Another workspace's id, a
 * deleted item and an unknown id all answer the same 404, so nobody learns what exists elsewhere.
 */
export async function findContent(db: Queryable, workspaceId: string, id: string): Promise<ContentRow> {
  const [row] = await db
    .select()
    .from(content)
    .where(and(eq(content.id, id), eq(content.workspaceId, workspaceId), isNull(content.deletedAt)))
    .limit(1);
  if (!row) throw notFound(`content ${id}`);
  return row;
}

export async function getContent(db: Db, workspaceId: string, id: string): Promise<ContentItem> {
  return toContentItem(await findContent(db, workspaceId, id));
}

export async function createContent(db: Db, caller: Caller, draft: ContentDraft, now: Date): Promise<ContentItem> {
  const workspaceId = caller.workspace.id;
  return writeInWorkspace(db, workspaceId, async (tx) => {
    const [row] = await tx
      .insert(content)
      .values({ ...draft, id: newId('ct'), workspaceId, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert returned no content');
    await recordAudit(tx, actorOf(caller), contentCreated(now, toContentItem(row)));
    // Customers may have read its page before it joined the library: its assists count from what was recorded.
    await recountAssists(tx, workspaceId);
    return toContentItem(await findContent(tx, workspaceId, row.id));
  });
}

/** Replaces every writable field; with `version` sent, refuses (409) to overwrite an edit made since that version. */
export async function replaceContent(db: Db, caller: Caller, id: string, replacement: ContentReplacement, now: Date): Promise<ContentItem> {
  const workspaceId = caller.workspace.id;
  const { version: editedVersion, ...fields } = replacement;
  return writeInWorkspace(db, workspaceId, async (tx) => {
    const current = await findContent(tx, workspaceId, id);
    if (editedVersion !== undefined && editedVersion !== current.version) {
      throw new ApiError('conflict', `content ${id} changed since version ${editedVersion} (it is at ${current.version}): reload it and edit again`);
    }
    const [row] = await tx
      .update(content)
      .set({ ...fields, updatedAt: now })
      .where(eq(content.id, id))
      .returning();
    if (!row) throw new Error(`content ${id} vanished while being replaced`);
    await recordAudit(tx, actorOf(caller), contentUpdated(now, toContentItem(current), toContentItem(row)));
    if (row.url === current.url) return toContentItem(row);
    // Another page: the readings of its old URL no longer count for it, those of the new one do.
    await recountAssists(tx, workspaceId);
    return toContentItem(await findContent(tx, workspaceId, id));
  });
}

/**
 * Deletes softly (activities and attempts keep pointing at it for reports) and, in the same transaction, records that
 * it left everyone's scope, so every rep's cache drops it on the next sync.
 */
export async function deleteContent(db: Db, caller: Caller, id: string, now: Date): Promise<void> {
  const workspaceId = caller.workspace.id;
  await writeInWorkspace(db, workspaceId, async (tx) => {
    const current = await findContent(tx, workspaceId, id);
    await tx.update(content).set({ deletedAt: now, updatedAt: now }).where(eq(content.id, id));
    await tx.insert(scopeExits).values({ workspaceId, userId: null, kind: 'content', objectId: id });
    await recordAudit(tx, actorOf(caller), contentDeleted(now, toContentItem(current)));
  });
}
