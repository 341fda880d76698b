import { Hono } from 'hono';
import { QuestionAnswer, QuestionAnswerLink, QuestionGroupPage, QuestionKey, QuestionListQuery } from '../../lib/core/model/questions';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { linkAnswer, unlinkAnswer } from '../domain/questions/answers';
import { listQuestionGroups } from '../domain/questions/list';
import { notFound } from '../http/errors';
import { operation } from '../http/openapi';

/**
 * Marketing reads prospects' questions and links their answers; managers and admins too. Reps note questions through
 * the outbox; a rep who lists them gets their own leads' questions only (the contacts they own now), never the
 * workspace's, and links no answers.
 */
const marketers = requireRole('manager', 'marketing', 'admin');

/** A path segment that cannot be a group key names no group: 404, before it reaches a query. */
function keyFromPath(raw: string): string {
  if (!QuestionKey.safeParse(raw).success) throw notFound(`question group ${raw.slice(0, 80)}`);
  return raw;
}

const tag = 'Questions';
const list = operation({
  tag,
  summary: 'Prospects’ questions, grouped by key and ranked',
  description: 'Most asked first; a rep gets only the questions of the contacts they own now.',
  query: QuestionListQuery,
  responses: { 200: { description: 'a page of groups', schema: QuestionGroupPage } },
});
const link = operation({
  tag,
  summary: 'Link a library item as a group’s answer (audited)',
  description: 'A key nobody in the workspace asked is a 404; an archived item is a 409.',
  body: QuestionAnswerLink,
  bodyName: 'answer',
  responses: { 200: { description: 'the link', schema: QuestionAnswer } },
});
const unlink = operation({ tag, summary: 'Unlink a group’s answer (audited)', responses: { 204: 'unlinked' } });

export const questionsRoutes = new Hono<AppEnv>()
  .get('/', list, async (c) => {
    const query = list.query(c);
    const { workspace, user } = c.get('caller');
    return c.json(await listQuestionGroups(c.get('deps').db, workspace.id, query, user.role === 'rep' ? user.id : null));
  })
  .put('/:key/answer', link, marketers, async (c) => {
    const key = keyFromPath(c.req.param('key'));
    const { contentId } = await link.body(c);
    const { db, now } = c.get('deps');
    return c.json(await linkAnswer(db, c.get('caller'), key, contentId, now()));
  })
  .delete('/:key/answer', unlink, marketers, async (c) => {
    const key = keyFromPath(c.req.param('key'));
    const { db, now } = c.get('deps');
    await unlinkAnswer(db, c.get('caller'), key, now());
    return c.body(null, 204);
  });
