import { Hono } from 'hono';
import { ExtensionCodeRequest, ExtensionCodeToken, NewSignInLinkRequest, SignInUrl } from '../../lib/core/model/sessions';
import type { AppEnv } from '../context';
import { dashboardCode, exchangeExtensionCode, requestSignInLink } from '../domain/sign-in';
import { operation } from '../http/openapi';

const tag = 'Sessions and sign-in';

/** `POST /v1/signin-links`: an admin makes one for anyone of the workspace, anyone for themself (`{}`). */
const link = operation({
  tag,
  summary: 'A one-time sign-in link to the dashboard, for 15 minutes (audited)',
  description: '`{userId}` (an admin, for anyone of the workspace) or `{}` (the caller).',
  body: NewSignInLinkRequest,
  bodyName: 'sign-in link',
  responses: { 201: { description: 'the link', schema: SignInUrl } },
});

export const signInLinksRoutes = new Hono<AppEnv>().post('/', link, async (c) => {
  const request = await link.body(c);
  const { db, now, publicUrl } = c.get('deps');
  return c.json(await requestSignInLink(db, c.get('caller'), request, publicUrl, now()), 201);
});

/** `POST /v1/dashboard-code`: the extension's "Open dashboard", for every role (a rep sees their own figures). */
const dashboardCodeOp = operation({
  tag,
  summary: 'The extension’s “Open dashboard”: a one-time link for 60 seconds, by token',
  description: 'The bearer token never goes in a URL. A session asking is a 403.',
  responses: { 201: { description: 'the link', schema: SignInUrl } },
});

export const dashboardCodeRoutes = new Hono<AppEnv>().post('/', dashboardCodeOp, async (c) => {
  const { db, now, publicUrl } = c.get('deps');
  return c.json(await dashboardCode(db, c.get('caller'), publicUrl, now()), 201);
});

/** `POST /v1/extension-code`: public (the extension has no token yet); the code is the credential, used once. */
const exchange = operation({
  tag,
  public: true,
  summary: 'Exchange a one-time extension sign-in code for an API token',
  description: 'Public, by the code. A used or expired code is a 410, an unknown one a 404; nothing is issued on a refusal.',
  body: ExtensionCodeRequest,
  bodyName: 'extension code',
  responses: { 201: { description: 'the new token and whose it is', schema: ExtensionCodeToken } },
});

export const extensionCodeRoutes = new Hono<AppEnv>().post('/', exchange, async (c) => {
  const { code } = await exchange.body(c);
  const { db, now } = c.get('deps');
  return c.json(await exchangeExtensionCode(db, code, now()), 201);
});
