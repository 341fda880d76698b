import { Hono } from 'hono';
import { NewUserRequest, UserPatch, type IssuedToken } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { createUser, issueToken, listUsers, revokeTokens, updateUser } from '../domain/users';
import { idFromPath } from '../domain/path-ids';
import { jsonBody } from '../http/validate';

const userId = (raw: string) => idFromPath(raw, 'user');

/**
 * User admin. Managers may see the team (to assign leads and read the dashboard); only admins change it. Tokens may
 * also be made and revoked by the user themself: the domain checks that, per user.
 */
export const usersRoutes = new Hono<AppEnv>()
  .get('/', requireRole('manager', 'admin'), async (c) => {
    return c.json({ users: await listUsers(c.get('deps').db, c.get('caller').workspace.id) });
  })
  .post('/', requireRole('admin'), async (c) => {
    const request = await jsonBody(c, NewUserRequest, 'user');
    const { db, now } = c.get('deps');
    return c.json(await createUser(db, c.get('caller'), request, now()), 201);
  })
  .patch('/:id', requireRole('admin'), async (c) => {
    const id = userId(c.req.param('id'));
    const patch = await jsonBody(c, UserPatch, 'user change');
    const { db, now } = c.get('deps');
    return c.json(await updateUser(db, c.get('caller'), id, patch, now()));
  })
  .post('/:id/tokens', async (c) => {
    const { db, now } = c.get('deps');
    const issued: IssuedToken = { token: await issueToken(db, c.get('caller'), userId(c.req.param('id')), now()) };
    return c.json(issued, 201);
  })
  .delete('/:id/tokens', async (c) => {
    const { db, now } = c.get('deps');
    await revokeTokens(db, c.get('caller'), userId(c.req.param('id')), now());
    return c.body(null, 204);
  });
