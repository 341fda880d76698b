import { Hono } from 'hono';
import { NewTokenRequest, NewUserRequest, UserPatch, type TokenList } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { createUser, issueToken, listUserTokens, listUsers, revokeTokens, revokeUserToken, updateUser } from '../domain/users';
import { idFromPath } from '../domain/path-ids';
import { jsonBody } from '../http/validate';

const userId = (raw: string) => idFromPath(raw, 'user');
const tokenId = (raw: string) => idFromPath(raw, 'token');

/**
 * User admin. Managers may see the team (to assign leads and read the dashboard); only admins change it. Tokens may
 * also be listed, made and revoked by the user themself (here or at /v1/me/tokens): the domain checks that, per user.
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
  .get('/:id/tokens', async (c) => {
    const list: TokenList = { tokens: await listUserTokens(c.get('deps').db, c.get('caller'), userId(c.req.param('id'))) };
    return c.json(list);
  })
  .post('/:id/tokens', async (c) => {
    const id = userId(c.req.param('id'));
    const request = await jsonBody(c, NewTokenRequest, 'new token');
    const { db, now } = c.get('deps');
    return c.json(await issueToken(db, c.get('caller'), id, request, now()), 201);
  })
  .delete('/:id/tokens', async (c) => {
    const { db, now } = c.get('deps');
    await revokeTokens(db, c.get('caller'), userId(c.req.param('id')), now());
    return c.body(null, 204);
  })
  .delete('/:id/tokens/:tokenId', async (c) => {
    const { db, now } = c.get('deps');
    await revokeUserToken(db, c.get('caller'), userId(c.req.param('id')), tokenId(c.req.param('tokenId')), now());
    return c.body(null, 204);
  });
