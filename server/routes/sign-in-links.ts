import { Hono } from 'hono';
import { ExtensionCodeRequest, NewSignInLinkRequest } from '../../lib/core/model/sessions';
import type { AppEnv } from '../context';
import { dashboardCode, exchangeExtensionCode, requestSignInLink } from '../domain/sign-in';
import { jsonBody } from '../http/validate';

/** `POST /v1/signin-links`: an admin makes one for anyone of the workspace, anyone for themself (`{}`). */
export const signInLinksRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const request = await jsonBody(c, NewSignInLinkRequest, 'sign-in link');
  const { db, now, publicUrl } = c.get('deps');
  return c.json(await requestSignInLink(db, c.get('caller'), request, publicUrl, now()), 201);
});

/** `POST /v1/dashboard-code`: the extension's "Open dashboard", for every role (a rep sees their own figures). */
export const dashboardCodeRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const { db, now, publicUrl } = c.get('deps');
  return c.json(await dashboardCode(db, c.get('caller'), publicUrl, now()), 201);
});

/** `POST /v1/extension-code`: public (the extension has no token yet); the code is the credential, used once. */
export const extensionCodeRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const { code } = await jsonBody(c, ExtensionCodeRequest, 'extension code');
  const { db, now } = c.get('deps');
  return c.json(await exchangeExtensionCode(db, code, now()), 201);
});
