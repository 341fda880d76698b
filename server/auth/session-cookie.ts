import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_ABSOLUTE_MS } from '../../lib/core/session-state';
import type { AppEnv } from '../context';

/** The dashboard's session cookie: httpOnly (no script reads it), SameSite=Lax, the whole origin, Secure on https. */
export const SESSION_COOKIE = 'leadside_session';

/**
 * Whether this request reached us over https: the public URL says so, or, behind a load balancer we trust
 * (TRUST_PROXY), the proto it forwarded. A cookie marked Secure on plain http would never come back.
 */
export function isHttps(c: Context<AppEnv>): boolean {
  const { publicUrl, trustProxy } = c.get('deps');
  if (publicUrl.startsWith('https:')) return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim() === 'https';
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** Sets the cookie for a new session; it lasts as long as the session can (the server ends it sooner when idle). */
export function setSessionCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}

/** The Set-Cookie header that clears the cookie, for an error answer (which replaces the context's headers). */
export function clearingCookieHeader(c: Context<AppEnv>): string {
  return `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${isHttps(c) ? '; Secure' : ''}`;
}
