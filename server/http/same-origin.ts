import type { Context } from 'hono';
import type { AppEnv } from '../context';

/** This server's own origin, as browsers name it in `Origin`: PUBLIC_URL's. */
export function ownOrigin(c: Context<AppEnv>): string {
  return new URL(c.get('deps').publicUrl).origin;
}

/**
 * The other origin a browser says this request came from, or null when it came from ours or says nothing (a script,
 * curl). A form posted from our own page under `Referrer-Policy: no-referrer` (our security headers) arrives with
 * `Origin: null`: then the browser's own `Sec-Fetch-Site`, which no page can set, must say it was same-origin.
 */
export function foreignOrigin(c: Context<AppEnv>): string | null {
  const origin = c.req.header('origin');
  if (origin === undefined || origin === ownOrigin(c)) return null;
  if (origin === 'null' && c.req.header('sec-fetch-site') === 'same-origin') return null;
  return origin;
}
