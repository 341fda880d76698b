import { Hono } from 'hono';
import type { SessionInfo } from '../../lib/core/model/sessions';
import { clearSessionCookie } from '../auth/session-cookie';
import type { AppEnv } from '../context';
import { noSession, signOut, signOutEverywhere } from '../domain/sign-in';

/** The dashboard's own session: who is signed in and its CSRF token, signing out here or everywhere. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
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
  .post('/signout', async (c) => {
    const { db, now } = c.get('deps');
    await signOut(db, c.get('caller'), now());
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  // With a bearer token too: the extension's "sign out of every browser" needs no session of its own.
  .post('/signout-everywhere', async (c) => {
    const { db, now } = c.get('deps');
    const caller = c.get('caller');
    await signOutEverywhere(db, caller, now());
    if (caller.credential.kind === 'session') clearSessionCookie(c);
    return c.body(null, 204);
  });
