import { Hono } from 'hono';
import { SessionInfo } from '../../lib/core/model/sessions';
import { operation } from '../http/openapi';
import { clearSessionCookie } from '../auth/session-cookie';
import type { AppEnv } from '../context';
import { noSession, signOut, signOutEverywhere } from '../domain/sign-in';

/** The dashboard's own session: who is signed in and its CSRF token, signing out here or everywhere. */
const tag = 'Sessions and sign-in';
const info = operation({ tag, summary: 'Who is signed in, and the session’s CSRF token', description: 'By session only: 401 with a bearer token or none.', responses: { 200: { description: 'the session', schema: SessionInfo } } });
const signout = operation({ tag, summary: 'End this session and clear its cookie', responses: { 204: 'signed out' } });
const everywhere = operation({ tag, summary: 'End every dashboard session of the caller, in every browser (tokens keep working)', responses: { 204: 'signed out everywhere' } });

export const sessionRoutes = new Hono<AppEnv>()
  .get('/', info, (c) => {
    const { user, workspace, credential } = c.get('caller');
    if (credential.kind !== 'session') throw noSession();
    c.header('Cache-Control', 'no-store');
    const info: SessionInfo = {
      user,
      workspace: { id: workspace.id, name: workspace.name, timeZone: workspace.settings.calendar.timeZone },
      csrfToken: credential.csrfToken,
      expiresAt: credential.endsAt.toISOString(),
    };
    return c.json(info);
  })
  .post('/signout', signout, async (c) => {
    const { db, now } = c.get('deps');
    await signOut(db, c.get('caller'), now());
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  // With a bearer token too: the extension's "sign out of every browser" needs no session of its own.
  .post('/signout-everywhere', everywhere, async (c) => {
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    await signOutEverywhere(db, caller, now());
    if (caller.credential.kind === 'session') clearSessionCookie(c);
    return c.body(null, 204);
  });
