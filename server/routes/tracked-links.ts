import { Hono } from 'hono';
import { TrackedLinkRequest, TrackedLinkResponse } from '../../lib/core/model/tracking';
import type { AppEnv } from '../context';
import { operation } from '../http/openapi';
import { trackedLink } from '../tracking/links';

/** POST /v1/tracked-links: a signed tracked URL for a contact the caller can see and a URL or library item. */
const make = operation({
  tag: 'Email tracking',
  summary: 'A signed tracked link for a contact and a URL or library item',
  body: TrackedLinkRequest,
  bodyName: 'tracked link',
  responses: { 201: { description: 'the tracked URL', schema: TrackedLinkResponse } },
});

export const trackedLinksRoutes = new Hono<AppEnv>().post('/', make, async (c) => {
  const request = await make.body(c);
  const deps = c.get('deps');
  return c.json(await trackedLink(deps, c.get('caller'), request, deps.now()), 201);
});
