import { Hono } from 'hono';
import { ContentDraft, ContentListQuery, ContentReplacement } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { createContent, deleteContent, getContent, listContent, replaceContent } from '../domain/content';
import { idFromPath } from '../domain/path-ids';
import { jsonBody, queryOf } from '../http/validate';

/** Everyone reads the library; marketing curates it (admins too). */
const curators = requireRole('marketing', 'admin');
const contentId = (raw: string) => idFromPath(raw, 'content');

export const contentRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { archived } = queryOf(c, ContentListQuery);
    return c.json({ content: await listContent(c.get('deps').db, c.get('caller').workspace.id, archived) });
  })
  .get('/:id', async (c) => {
    return c.json(await getContent(c.get('deps').db, c.get('caller').workspace.id, contentId(c.req.param('id'))));
  })
  .post('/', curators, async (c) => {
    const draft = await jsonBody(c, ContentDraft, 'content');
    const { db, now } = c.get('deps');
    return c.json(await createContent(db, c.get('caller'), draft, now()), 201);
  })
  .put('/:id', curators, async (c) => {
    const id = contentId(c.req.param('id'));
    const replacement = await jsonBody(c, ContentReplacement, 'content');
    const { db, now } = c.get('deps');
    return c.json(await replaceContent(db, c.get('caller'), id, replacement, now()));
  })
  .delete('/:id', curators, async (c) => {
    const { db, now } = c.get('deps');
    await deleteContent(db, c.get('caller'), contentId(c.req.param('id')), now());
    return c.body(null, 204);
  });
