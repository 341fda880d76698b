import { Hono } from 'hono';
import { EmailRegistration } from '../../lib/core/model/tracking';
import type { AppEnv } from '../context';
import { jsonBody } from '../http/validate';
import { registerEmail } from '../tracking/links';

/** POST /v1/emails: any role registers an email it sends to a contact it can see; 201 with its pixel and links. */
export const emailsRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const request = await jsonBody(c, EmailRegistration, 'email');
  const deps = c.get('deps');
  return c.json(await registerEmail(deps, c.get('caller'), request, deps.now()), 201);
});
