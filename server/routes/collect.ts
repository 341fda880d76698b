import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { CollectBatch, CollectResult, MAX_COLLECT_BYTES, VisitorProofQuery, VisitorProofResponse } from '../../lib/core/model/tracking';
import type { AppEnv } from '../context';
import { ApiError } from '../http/errors';
import { limitBody } from '../http/middleware';
import { operation } from '../http/openapi';
import { workspaces } from '../store/schema';
import { collect, findSite } from '../tracking/collect';
import { enforceIpLimit, overLimit, tooManyRequests } from '../tracking/limits';
import { trackingPolicyOf } from '../../lib/core/model/settings';
import { isSiteOrigin } from '../tracking/policy';
import { issueVisitorProof, mayNameByEmail } from '../tracking/site-proof';

/**
 * POST /v1/collect: website events from t.js, public, by site key (docs/api.md). Mounted before the authenticated /v1
 * router, so no token is asked for. CORS admits only the site key's workspace's origins; a browser page on another
 * origin is refused outright (403), so nobody's site can write into someone else's workspace from a visitor's browser.
 * Without an Origin (a script, a beacon that lost it) page views are taken, but naming a visitor by email needs the
 * visitor proof that GET /v1/collect/proof gives a page of the site (tracking/site-proof.ts).
 */
const tag = 'Website tracking';
const proof = operation({
  tag,
  public: true,
  summary: 'A visitor proof, for naming that visitor by email without an `Origin`',
  description: 'Public, for a page of the site: 403 to any other origin or none; never cached.',
  query: VisitorProofQuery,
  responses: { 200: { description: 'the proof', schema: VisitorProofResponse } },
});
const collectBatch = operation({
  tag,
  public: true,
  summary: 'Website events from t.js, by site key',
  description: 'Public. CORS admits only the site key’s workspace’s origins; naming a visitor by email needs a site origin or the visitor proof.',
  body: CollectBatch,
  bodyName: 'batch',
  responses: { 200: { description: 'what was stored', schema: CollectResult } },
});

export const collectRoutes = new Hono<AppEnv>()
  .options('/', async (c) => {
    enforceIpLimit(c);
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    // A preflight carries no body, so no site key: admit an origin some workspace lists. The POST checks its own.
    // (t.js never preflights: it sends text/plain.)
    if (origin && (await someSiteHasOrigin(c.get('deps').db, origin))) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'POST');
      c.header('Access-Control-Allow-Headers', 'Content-Type');
      c.header('Access-Control-Max-Age', '600');
    }
    return c.body(null, 204);
  })
  .get('/proof', proof, async (c) => {
    enforceIpLimit(c);
    c.header('Vary', 'Origin');
    c.header('Cache-Control', 'no-store');
    const deps = c.get('deps');
    const { k, v } = proof.query(c);
    const site = await findSite(deps.db, k);
    if (!site) throw unknownSite();
    const origin = c.req.header('origin');
    if (!isSiteOrigin(trackingPolicyOf(site.settings), origin)) {
      throw new ApiError('forbidden', "a visitor proof is given only to a page on one of this site's origins; a marketer can add them in the tracking settings");
    }
    c.header('Access-Control-Allow-Origin', origin);
    return c.json(await issueVisitorProof(deps.db, site, v, deps.now()));
  })
  .post('/', collectBatch, limitBody(MAX_COLLECT_BYTES), async (c) => {
    enforceIpLimit(c);
    c.header('Vary', 'Origin');
    const deps = c.get('deps');
    const batch = await collectBatch.body(c);
    const site = await findSite(deps.db, batch.siteKey);
    if (!site) throw unknownSite();
    const origin = c.req.header('origin') ?? null;
    const fromSitePage = isSiteOrigin(trackingPolicyOf(site.settings), origin);
    if (fromSitePage) c.header('Access-Control-Allow-Origin', origin);
    else if (origin !== null) throw new ApiError('forbidden', `${origin} is not one of this site's origins; a marketer can add it in the tracking settings`);
    const wait = overLimit(c, 'siteKey', site.id);
    if (wait > 0) throw tooManyRequests(wait);
    if (!(await mayNameByEmail(deps.db, site, batch, fromSitePage, deps.now()))) {
      throw new ApiError(
        'forbidden',
        'identifying a visitor by email needs proof that the batch comes from the site: send it from one of the site origins, or with the proof t.js gets from GET /v1/collect/proof',
      );
    }
    const result = await collect(deps, site, batch, { globalPrivacyControl: c.req.header('sec-gpc') === '1', now: deps.now() });
    return c.json(result);
  });

const unknownSite = () => new ApiError('not_found', 'no site has this key: copy the snippet from the tracking settings again');

async function someSiteHasOrigin(db: AppEnv['Variables']['deps']['db'], origin: string): Promise<boolean> {
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return false;
  }
  if (normalized === 'null') return false;
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(workspaces)
    .where(sql`${workspaces.settings} -> 'tracking' -> 'siteOrigins' @> ${JSON.stringify([normalized])}::jsonb`)
    .limit(1);
  return rows.length > 0;
}
