import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context';
import { clientAddress } from './client-address';
import { ApiError } from './errors';
import { RateLimiter } from './rate-limit';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Tags each request with an id (the client's, if it sent a sane one) and logs it as one JSON line when it ends. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const sent = c.req.header('x-request-id');
  const requestId = sent && REQUEST_ID.test(sent) ? sent : randomUUID();
  c.set('requestId', requestId);
  c.header('X-Request-Id', requestId);
  const started = performance.now();
  await next();
  const caller = c.get('caller') as AppEnv['Variables']['caller'] | undefined;
  c.get('deps').log.info('request', {
    reqId: requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    ...(caller ? { user: caller.user.id, workspace: caller.workspace.id } : {}),
  });
});

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  crossOriginResourcePolicy: false,
  // A response that set its own policy keeps it: the dashboard's pages (http/dashboard-files.ts) load scripts.
  overwrite: false,
});

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/** CORS for the extension's pages only: exact origins when configured, else any extension origin (tokens, not cookies, guard the API). */
export const extensionCors = createMiddleware<AppEnv>((c, next) => {
  const allowed = c.get('deps').extensionOrigins;
  return cors({
    origin: (origin) => (allowed.length > 0 ? (allowed.includes(origin) ? origin : null) : EXTENSION_ORIGIN.test(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  })(c, next);
});

export const MAX_BODY_BYTES = 1024 * 1024;
export const limitBody = (maxSize = MAX_BODY_BYTES) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', `the request body must be at most ${Math.round(maxSize / 1024)} KB`);
    },
  });

/** Per-address limit, before authentication, so a flood of bad tokens is cheap to refuse. */
export function limitPerIp(limit: number) {
  return limitEach(limit, (c) => clientAddress(c));
}

/** Per-token (or per-session) limit, after authentication. */
export function limitPerToken(limit: number) {
  return limitEach(limit, (c) => c.get('caller').credential.id);
}

/** Admits the request against its key's counter and leaves a way to charge the rest of its cost (request-cost.ts). */
function limitEach(limit: number, keyOf: (c: Context<AppEnv>) => string) {
  const limiter = new RateLimiter(limit);
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = keyOf(c);
    const now = () => c.get('deps').now().getTime();
    enforce(limiter.hit(key, now()));
    c.set('rateCharges', [...(c.get('rateCharges') ?? []), (extra) => limiter.spend(key, now(), extra)]);
    await next();
  });
}

function enforce(retryAfterSeconds: number): void {
  if (retryAfterSeconds > 0) {
    throw new ApiError('rate_limited', `too many requests: try again in ${retryAfterSeconds} s`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
