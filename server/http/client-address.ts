import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * The address of whoever made the request: the one place every per-address limit (on /v1 and on the public routes)
 * and every recorded hit takes it from. Behind a load balancer (`TRUST_PROXY`), the last `X-Forwarded-For` entry: the
 * one our own proxy appended, which a client cannot forge (the entries before it can be anything). Otherwise, or when
 * the header is missing, the socket's peer.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').trustProxy) {
    const last = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return peerAddress(c);
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
