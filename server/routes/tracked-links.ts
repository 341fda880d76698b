import { Hono } from 'hono';
import { TrackedLinkRequest } from '../../lib/core/model/tracking';
import type { AppEnv } from '../context';
import { jsonBody } from '../http/validate';
import { trackedLink } from '../tracking/links';

/** POST /v1/tracked-links: a signed tracked URL for a contact the caller can see and a URL or library item. */
export const trackedLinksRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const request = await jsonBody(c, TrackedLinkRequest, 'tracked link');
  const deps = c.get('deps');
  return c.json(await trackedLink(deps, c.get('caller'), request, deps.now()), 201);
});
