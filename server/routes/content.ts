import { Hono } from 'hono';
import { z } from 'zod';
import { ContentDraft, ContentListQuery, ContentReplacement } from '../../lib/core/model/admin-requests';
import { ContentItem } from '../../lib/core/model/content';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { createContent, deleteContent, getContent, listContent, replaceContent } from '../domain/content';
import { idFromPath } from '../domain/path-ids';
import { operation } from '../http/openapi';

/** Everyone reads the library; marketing curates it (admins too). */
const curators = requireRole('marketing', 'admin');
const contentId = (raw: string) => idFromPath(raw, 'content');

const tag = 'Content library';
const list = operation({
  tag,
  summary: 'The library by title',
  description: 'Archived items only with `archived=true`; each item’s `assists` is counted by the server.',
  query: ContentListQuery,
  responses: { 200: { description: 'the items', schema: z.object({ content: z.array(ContentItem) }) } },
});
const one = operation({ tag, summary: 'One item, archived ones too', responses: { 200: { description: 'the item', schema: ContentItem } } });
const create = operation({
  tag,
  summary: 'Create an item',
  description: 'Sending `assists` is a 400 on `assists`: the server counts them.',
  body: ContentDraft,
  bodyName: 'content',
  responses: { 201: { description: 'the item', schema: ContentItem } },
});
const replace = operation({
  tag,
  summary: 'Replace every writable field of an item',
  description: 'With `version`, 409 if someone changed it since.',
  body: ContentReplacement,
  bodyName: 'content',
  responses: { 200: { description: 'the item', schema: ContentItem } },
});
const remove = operation({ tag, summary: 'Delete an item (soft)', responses: { 204: 'deleted; every cache drops it' } });

export const contentRoutes = new Hono<AppEnv>()
  .get('/', list, async (c) => {
    const { archived } = list.query(c);
    return c.json({ content: await listContent(c.get('deps').db, c.get('caller').workspace.id, archived) });
  })
  .get('/:id', one, async (c) => {
    return c.json(await getContent(c.get('deps').db, c.get('caller').workspace.id, contentId(c.req.param('id'))));
  })
  .post('/', create, curators, async (c) => {
    const draft = await create.body(c);
    const { db, now } = c.get('deps');
    return c.json(await createContent(db, c.get('caller'), draft, now()), 201);
  })
  .put('/:id', replace, curators, async (c) => {
    const id = contentId(c.req.param('id'));
    const replacement = await replace.body(c);
    const { db, now } = c.get('deps');
    return c.json(await replaceContent(db, c.get('caller'), id, replacement, now()));
  })
  .delete('/:id', remove, curators, async (c) => {
    const { db, now } = c.get('deps');
    await deleteContent(db, c.get('caller'), contentId(c.req.param('id')), now());
    return c.body(null, 204);
  });
