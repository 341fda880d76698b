import { and, eq } from 'drizzle-orm';
import type { QuestionAnswer } from '../../../lib/core/model/questions';
import type { Caller } from '../../context';
import { ApiError, notFound } from '../../http/errors';
import { writeInWorkspace, type Db, type Tx } from '../../store/db';
import { toQuestionAnswer } from '../../store/rows';
import { questionAnswers, questions } from '../../store/schema';
import { questionAnswered, questionUnanswered } from '../audit/changes';
import { actorOf, recordAudit } from '../audit/record';
import { findContent } from '../content';

/**
 * Links a library item as the answer to a question group (replacing any earlier answer). The group must have been
 * asked in this workspace and the item must be this workspace's, not archived. Linking the same item again changes
 * nothing and records nothing. The row's new version carries the link to every rep's cache.
 */
export async function linkAnswer(db: Db, caller: Caller, key: string, contentId: string, now: Date): Promise<QuestionAnswer> {
  return writeInWorkspace(db, caller.workspace.id, (tx) => linkAnswerIn(tx, caller, key, contentId, now));
}

/** linkAnswer inside a transaction that already holds the workspace's lock (the demo seed's). */
export async function linkAnswerIn(tx: Tx, caller: Caller, key: string, contentId: string, now: Date): Promise<QuestionAnswer> {
  const workspaceId = caller.workspace.id;
  await assertGroupAsked(tx, workspaceId, key);
  const item = await findContent(tx, workspaceId, contentId);
  if (item.archived) {
    throw new ApiError('conflict', `content ${contentId} is archived: restore it to the library before linking it as an answer`);
  }
  const current = await answerRow(tx, workspaceId, key);
  if (current?.contentId === contentId) return toQuestionAnswer(current);
  const [row] = await tx
    .insert(questionAnswers)
    .values({ workspaceId, groupKey: key, contentId, linkedBy: caller.user.id, linkedAt: now })
    .onConflictDoUpdate({
      target: [questionAnswers.workspaceId, questionAnswers.groupKey],
      set: { contentId, linkedBy: caller.user.id, linkedAt: now },
    })
    .returning();
  if (!row) throw new Error(`answer to ${key} was not written`);
  await recordAudit(tx, actorOf(caller), questionAnswered(now, key, current?.contentId ?? null, contentId));
  return toQuestionAnswer(row);
}

/**
 * Takes a group's answer away. The row stays with no item, under a new version, so caches drop their copy; with no
 * answer linked this changes and records nothing (like revoking a token twice).
 */
export async function unlinkAnswer(db: Db, caller: Caller, key: string, now: Date): Promise<void> {
  const workspaceId = caller.workspace.id;
  await writeInWorkspace(db, workspaceId, async (tx) => {
    await assertGroupAsked(tx, workspaceId, key);
    const current = await answerRow(tx, workspaceId, key);
    if (!current?.contentId) return;
    await tx
      .update(questionAnswers)
      .set({ contentId: null, linkedBy: caller.user.id, linkedAt: now })
      .where(and(eq(questionAnswers.workspaceId, workspaceId), eq(questionAnswers.groupKey, key)));
    await recordAudit(tx, actorOf(caller), questionUnanswered(now, key, current.contentId));
  });
}

/** A key nobody asked in this workspace (another workspace's included) is a 404. */
async function assertGroupAsked(tx: Tx, workspaceId: string, key: string): Promise<void> {
  const [asked] = await tx
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.workspaceId, workspaceId), eq(questions.groupKey, key)))
    .limit(1);
  if (!asked) throw notFound(`question group ${key}`);
}

async function answerRow(tx: Tx, workspaceId: string, key: string) {
  const [row] = await tx
    .select()
    .from(questionAnswers)
    .where(and(eq(questionAnswers.workspaceId, workspaceId), eq(questionAnswers.groupKey, key)))
    .limit(1);
  return row;
}
