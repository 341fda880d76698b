import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context';
import { clientAddress } from '../http/client-address';
import { notFound } from '../http/errors';
import { recordClick, recordOpen, type Hit } from '../tracking/email-events';
import { enforceIpLimit, overLimit } from '../tracking/limits';
import { findSite } from '../tracking/collect';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { etagOf, NO_SNIPPET, snippetFor } from '../tracking/snippet';
import { verifyToken } from '../tracking/tokens';

/** The smallest transparent GIF: 1x1, 43 bytes. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Never cached anywhere, so every open reaches us (mail proxies that cache anyway make one open look like one). */
const NO_STORE = { 'Cache-Control': 'no-store, no-cache, must-revalidate, private, max-age=0', Pragma: 'no-cache', Expires: '0' };
/** The snippet changes only when Leadside or the site's mode does: an hour of caching, then a cheap 304. */
const SNIPPET_CACHE = 'public, max-age=3600';
const SITE_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The public tracking routes, outside the authenticated API (docs/api.md): the website snippet, the open pixel and the
 * click redirect. Each is rate limited per address; none ever answers with something a request asked for: the pixel is
 * always the same GIF, the redirect goes only where a genuine token says.
 */
export const trackingRoutes = new Hono<AppEnv>()
  .get('/t.js', async (c) => {
    enforceIpLimit(c);
    const { db, publicUrl } = c.get('deps');
    const key = c.req.query('k') ?? '';
    const site = SITE_KEY.test(key) ? await findSite(db, key) : null;
    const mode = trackingPolicyOf(site?.settings).mode;
    const body = site && mode !== 'off' ? snippetFor({ siteKey: key, endpoint: `${publicUrl.replace(/\/+$/, '')}/v1/collect`, mode }) : NO_SNIPPET;
    // Gzipped when the browser takes it (nearly all do): about 2.2 KB on the wire instead of 4.7 KB.
    const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
    const etag = etagOf(body, gzip ? 'gz' : '');
    const headers: Record<string, string> = {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': site ? SNIPPET_CACHE : 'public, max-age=300',
      ETag: etag,
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    };
    if (site && c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(gzip ? new Uint8Array(gzipSync(body)) : body, site ? 200 : 404, headers);
  })
  .get('/o/:token', async (c) => {
    const deps = c.get('deps');
    // Over the limit, the GIF still comes back; it just records nothing.
    if (c.req.method === 'GET' && overLimit(c, 'ip') === 0) {
      try {
        const claims = await verifyToken(deps.db, c.req.param('token'), 'open', deps.now());
        if (claims) await recordOpen(deps, claims, hitOf(c));
      } catch (err) {
        // The image must not break because the database did: log it, answer the GIF.
        deps.log.error('recording an open failed', { reqId: c.get('requestId'), err: String(err) });
      }
    }
    return c.body(new Uint8Array(PIXEL_GIF), 200, { ...NO_STORE, 'Content-Type': 'image/gif', 'Content-Length': String(PIXEL_GIF.length) });
  })
  .get('/c/:token', async (c) => {
    enforceIpLimit(c);
    const deps = c.get('deps');
    const claims = await verifyToken(deps.db, c.req.param('token'), 'click', deps.now());
    if (!claims) throw notFound('link');
    let location = claims.url;
    // A HEAD is a link checker asking whether the link works, not someone clicking it.
    if (c.req.method === 'GET') {
      try {
        location = await recordClick(deps, claims, hitOf(c));
      } catch (err) {
        deps.log.error('recording a click failed', { reqId: c.get('requestId'), err: String(err) });
      }
    }
    return c.body(null, 302, { ...NO_STORE, Location: location });
  });

function hitOf(c: Context<AppEnv>): Hit {
  const deps = c.get('deps');
  return { at: deps.now(), userAgent: c.req.header('user-agent') ?? null, ip: clientAddress(c), method: c.req.method };
}
