import { Hono } from 'hono';
import { EmailRegistration, EmailRegistrationResponse } from '../../lib/core/model/tracking';
import type { AppEnv } from '../context';
import { operation } from '../http/openapi';
import { registerEmail } from '../tracking/links';

/** POST /v1/emails: any role registers an email it sends to a contact it can see; 201 with its pixel and links. */
const register = operation({
  tag: 'Email tracking',
  summary: 'Register an email sent to a contact: its pixel and tracked links',
  description: '`tracked: false` when tracking is off or the contact opted out; the same `id` again answers the same email.',
  body: EmailRegistration,
  bodyName: 'email',
  responses: { 201: { description: 'the email’s pixel and links', schema: EmailRegistrationResponse } },
});

export const emailsRoutes = new Hono<AppEnv>().post('/', register, async (c) => {
  const request = await register.body(c);
  const deps = c.get('deps');
  return c.json(await registerEmail(deps, c.get('caller'), request, deps.now()), 201);
});
