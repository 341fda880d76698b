import { Hono } from 'hono';
import { z } from 'zod';
import { IssuedToken, NewTokenRequest, NewUserRequest, TokenList, UserPatch, WorkspaceUser } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { createUser, issueToken, listUserTokens, listUsers, revokeTokens, revokeUserToken, updateUser } from '../domain/users';
import { idFromPath } from '../domain/path-ids';
import { operation } from '../http/openapi';

const userId = (raw: string) => idFromPath(raw, 'user');
const tokenId = (raw: string) => idFromPath(raw, 'token');

/**
 * User admin. Managers may see the team (to assign leads and read the dashboard); only admins change it. Tokens may
 * also be listed, made and revoked by the user themself (here or at /v1/me/tokens): the domain checks that, per user.
 */
const tag = 'Users and tokens';
const list = operation({ tag, summary: 'The workspace’s users with role and `disabled`', responses: { 200: { description: 'the users', schema: z.object({ users: z.array(WorkspaceUser) }) } } });
const create = operation({ tag, summary: 'Add a user', description: 'An email in use in any workspace is a 409.', body: NewUserRequest, bodyName: 'user', responses: { 201: { description: 'the user', schema: WorkspaceUser } } });
const patch = operation({ tag, summary: 'Change a user’s name, role or `disabled`', description: 'The workspace always keeps one active admin.', body: UserPatch, bodyName: 'user change', responses: { 200: { description: 'the user', schema: WorkspaceUser } } });
const tokens = operation({ tag, summary: 'A user’s tokens, newest first (admin, or the user)', description: 'Revoked and expired ones too; never the secret or its hash.', responses: { 200: { description: 'the tokens', schema: TokenList } } });
const issue = operation({ tag, summary: 'Make a token for a user (admin, or the user)', description: 'The secret is in `token`, shown this once; a disabled user is a 409.', body: NewTokenRequest, bodyName: 'new token', responses: { 201: { description: 'the token and its secret', schema: IssuedToken } } });
const revokeAll = operation({ tag, summary: 'Revoke every live token of a user (admin, or the user)', responses: { 204: 'revoked' } });
const revokeOne = operation({ tag, summary: 'Revoke one token of a user (admin, or the user)', description: 'The user’s other tokens keep working; another user’s token id is a 404.', responses: { 204: 'revoked' } });

export const usersRoutes = new Hono<AppEnv>()
  .get('/', list, requireRole('manager', 'admin'), async (c) => {
    return c.json({ users: await listUsers(c.get('deps').db, c.get('caller').workspace.id) });
  })
  .post('/', create, requireRole('admin'), async (c) => {
    const request = await create.body(c);
    const { db, now } = c.get('deps');
    return c.json(await createUser(db, c.get('caller'), request, now()), 201);
  })
  .patch('/:id', patch, requireRole('admin'), async (c) => {
    const id = userId(c.req.param('id'));
    const change = await patch.body(c);
    const { db, now } = c.get('deps');
    return c.json(await updateUser(db, c.get('caller'), id, change, now()));
  })
  .get('/:id/tokens', tokens, async (c) => {
    const list: TokenList = { tokens: await listUserTokens(c.get('deps').db, c.get('caller'), userId(c.req.param('id'))) };
    return c.json(list);
  })
  .post('/:id/tokens', issue, async (c) => {
    const id = userId(c.req.param('id'));
    const request = await issue.body(c);
    const { db, now } = c.get('deps');
    return c.json(await issueToken(db, c.get('caller'), id, request, now()), 201);
  })
  .delete('/:id/tokens', revokeAll, async (c) => {
    const { db, now } = c.get('deps');
    await revokeTokens(db, c.get('caller'), userId(c.req.param('id')), now());
    return c.body(null, 204);
  })
  .delete('/:id/tokens/:tokenId', revokeOne, async (c) => {
    const { db, now } = c.get('deps');
    await revokeUserToken(db, c.get('caller'), userId(c.req.param('id')), tokenId(c.req.param('tokenId')), now());
    return c.body(null, 204);
  });
