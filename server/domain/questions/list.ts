import { and, asc, desc, eq, inArray, isNull, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { QuestionGroup, QuestionGroupPage, QuestionListQuery, QuestionStageCounts } from '../../../lib/core/model/questions';
import { QUESTION_SAMPLE_WORDINGS } from '../../../lib/core/model/questions';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../lib/core/model/vocabulary';
import { readSnapshot, type Db, type Tx } from '../../store/db';
import { contacts, content, questionAnswers, questions } from '../../store/schema';
import { decodeGroupPosition, encodeGroupPosition, type GroupPosition } from './cursor';

/**
 * The workspace's questions grouped by key and ranked: most asked first, then most recently asked, then key (in code
 * unit order, `collate "C"`, so PGlite and PostgreSQL agree). With `stage`, only questions asked at that stage count.
 * One aggregate query finds the page's groups; three more fill in their stages, wordings and answers. With
 * `askedOf` (a rep's id), only questions of the contacts that rep owns now count, in every figure.
 */
export async function listQuestionGroups(db: Db, workspaceId: string, query: QuestionListQuery, askedOf: string | null = null): Promise<QuestionGroupPage> {
  return readSnapshot(db, async (tx) => {
    const owned =
      askedOf === null
        ? undefined
        : inArray(
            questions.contactId,
            tx
              .select({ id: contacts.id })
              .from(contacts)
              .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.ownerId, askedOf), isNull(contacts.deletedAt))),
          );
    const asked = and(eq(questions.workspaceId, workspaceId), query.stage === undefined ? undefined : eq(questions.stage, query.stage), owned);
    const grouped = tx
      .select({
        key: questions.groupKey,
        count: sql<number>`count(*)::int`.mapWith(Number).as('count'),
        contacts: sql<number>`count(distinct ${questions.contactId})::int`.mapWith(Number).as('contacts'),
        firstAt: sql<Date>`min(${questions.at})`.mapWith(questions.at).as('first_at'),
        lastAt: sql<Date>`max(${questions.at})`.mapWith(questions.at).as('last_at'),
      })
      .from(questions)
      .where(asked)
      .groupBy(questions.groupKey)
      .as('grouped');
    const keyInOrder = sql`${grouped.key} collate "C"`;
    const after = query.before === undefined ? undefined : afterPosition(grouped, keyInOrder, decodeGroupPosition(query.before));
    const rows = await tx
      .select()
      .from(grouped)
      .where(after)
      .orderBy(desc(grouped.count), desc(grouped.lastAt), asc(keyInOrder))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map((r) => ({ ...r, firstAt: asDate(r.firstAt), lastAt: asDate(r.lastAt) }));
    const more = rows.length > query.limit;
    const keys = page.map((r) => r.key);
    // One after another: a transaction is one connection, which runs one query at a time anyway.
    const stages = await stageCountsOf(tx, asked, keys);
    const wordings = await wordingsOf(tx, asked, keys);
    const answers = await answersOf(tx, workspaceId, keys);
    const groups: QuestionGroup[] = page.map((r) => ({
      key: r.key,
      count: r.count,
      contacts: r.contacts,
      byStage: stages.get(r.key) ?? zeroCounts(),
      firstAskedAt: r.firstAt.toISOString(),
      lastAskedAt: r.lastAt.toISOString(),
      wordings: wordings.get(r.key) ?? [],
      answer: answers.get(r.key) ?? null,
    }));
    const last = page.at(-1);
    return { groups, more, next: more && last ? encodeGroupPosition({ count: last.count, lastAskedAt: last.lastAt, key: last.key }) : null };
  });
}

type Grouped = { count: SQL.Aliased<number>; lastAt: SQL.Aliased<Date> };

/** Strictly after the position in (count desc, last asked desc, key asc) order. */
function afterPosition(grouped: Grouped, key: SQL, p: GroupPosition): SQL {
  const last = sql`${p.lastAskedAt.toISOString()}::timestamptz`;
  return sql`(${grouped.count} < ${p.count} or (${grouped.count} = ${p.count} and (${grouped.lastAt} < ${last} or (${grouped.lastAt} = ${last} and ${key} > ${p.key} collate "C"))))`;
}

async function stageCountsOf(tx: Tx, asked: SQL | undefined, keys: string[]): Promise<Map<string, QuestionStageCounts>> {
  const counts = new Map<string, QuestionStageCounts>();
  if (keys.length === 0) return counts;
  const rows = await tx
    .select({ key: questions.groupKey, stage: questions.stage, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(questions)
    .where(and(asked, inArray(questions.groupKey, keys)))
    .groupBy(questions.groupKey, questions.stage);
  for (const r of rows) {
    const of = counts.get(r.key) ?? zeroCounts();
    of[r.stage as LifecycleStage] = r.n;
    counts.set(r.key, of);
  }
  return counts;
}

/** Distinct wordings per group, most recently asked first (ties by text), the first few of each. */
async function wordingsOf(tx: Tx, asked: SQL | undefined, keys: string[]): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  if (keys.length === 0) return byKey;
  const lastAt = sql<Date>`max(${questions.at})`;
  const rows = await tx
    .select({ key: questions.groupKey, text: questions.text })
    .from(questions)
    .where(and(asked, inArray(questions.groupKey, keys)))
    .groupBy(questions.groupKey, questions.text)
    .orderBy(desc(lastAt), sql`${questions.text} collate "C"`);
  for (const r of rows) {
    const texts = byKey.get(r.key) ?? [];
    if (texts.length < QUESTION_SAMPLE_WORDINGS) texts.push(r.text);
    byKey.set(r.key, texts);
  }
  return byKey;
}

/** Linked answers whose item is still in the library (a deleted item answers nothing). */
async function answersOf(tx: Tx, workspaceId: string, keys: string[]): Promise<Map<string, NonNullable<QuestionGroup['answer']>>> {
  const byKey = new Map<string, NonNullable<QuestionGroup['answer']>>();
  if (keys.length === 0) return byKey;
  const rows = await tx
    .select({ key: questionAnswers.groupKey, contentId: content.id, title: content.title, linkedBy: questionAnswers.linkedBy, linkedAt: questionAnswers.linkedAt })
    .from(questionAnswers)
    .innerJoin(content, eq(content.id, questionAnswers.contentId))
    .where(
      and(
        eq(questionAnswers.workspaceId, workspaceId),
        inArray(questionAnswers.groupKey, keys),
        isNotNull(questionAnswers.contentId),
        isNull(content.deletedAt),
      ),
    );
  for (const r of rows) byKey.set(r.key, { contentId: r.contentId, title: r.title, linkedBy: r.linkedBy, linkedAt: r.linkedAt.toISOString() });
  return byKey;
}

function zeroCounts(): QuestionStageCounts {
  return Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, 0])) as QuestionStageCounts;
}

/** Aggregates come back as Date or as text depending on the driver. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
