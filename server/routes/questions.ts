import { Hono } from 'hono';
import { QuestionAnswerLink, QuestionKey, QuestionListQuery } from '../../lib/core/model/questions';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { linkAnswer, unlinkAnswer } from '../domain/questions/answers';
import { listQuestionGroups } from '../domain/questions/list';
import { notFound } from '../http/errors';
import { jsonBody, queryOf } from '../http/validate';

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

export const questionsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = queryOf(c, QuestionListQuery);
    const { workspace, user } = c.get('caller');
    return c.json(await listQuestionGroups(c.get('deps').db, workspace.id, query, user.role === 'rep' ? user.id : null));
  })
  .put('/:key/answer', marketers, async (c) => {
    const key = keyFromPath(c.req.param('key'));
    const { contentId } = await jsonBody(c, QuestionAnswerLink, 'answer');
    const { db, now } = c.get('deps');
    return c.json(await linkAnswer(db, c.get('caller'), key, contentId, now()));
  })
  .delete('/:key/answer', marketers, async (c) => {
    const key = keyFromPath(c.req.param('key'));
    const { db, now } = c.get('deps');
    await unlinkAnswer(db, c.get('caller'), key, now());
    return c.body(null, 204);
  });
