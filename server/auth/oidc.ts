import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { MINUTE_MS } from '../../lib/core/time-units';
import { ApiError } from '../http/errors';
import type { Queryable } from '../store/db';
import { oidcLogins } from '../store/schema';
import { newId } from './tokens';

// Single sign-on with one OpenID provider, configured on the server (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// OIDC_NAME): the authorization code flow with PKCE, state and nonce (openid-client). The state is the browser's
// binding: it goes in a short-lived HttpOnly cookie and in the provider's redirect, and the database keeps its hash with
// the nonce and the PKCE verifier, so only the browser that began a sign-in can finish it, and only once.

/** How long a person has on the provider's pages before the sign-in must be begun again. */
export const OIDC_LOGIN_MS = 10 * MINUTE_MS;
/** Where the provider sends the browser back; registered with the provider as `PUBLIC_URL` + this. */
export const OIDC_CALLBACK_PATH = '/signin/oidc/callback';

export const OidcConfig = z.object({
  issuer: z.url({ protocol: /^https?$/, error: 'OIDC_ISSUER must be the provider\'s http(s) URL, such as https://login.example.com' }),
  clientId: z.string().min(1, 'OIDC_CLIENT_ID must not be empty'),
  clientSecret: z.string().min(1, 'OIDC_CLIENT_SECRET must not be empty'),
  /** Shown on the button: "Sign in with <name>". */
  name: z.string().trim().min(1).max(60, 'OIDC_NAME must be at most 60 characters'),
});
export type OidcConfig = z.infer<typeof OidcConfig>;

/**
 * The configuration from the environment: null when none of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET is set
 * (single sign-on is off); a half-set or bad one is an error at startup, not a button that fails later.
 */
export function oidcConfigFromEnv(env: Record<string, string | undefined>): OidcConfig | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`single sign-on needs ${missing.join(' and ')} too (or none of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)`);
  const name = env.OIDC_NAME || new URL(issuer!).hostname;
  const parsed = OidcConfig.safeParse({ issuer, clientId, clientSecret, name });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

/** Plain http only for a provider on this machine (a test's, or a local one): anywhere else it must be https. */
const isLoopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** What the callback proved: who the provider says signed in. */
export interface VerifiedClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** The provider, discovered once (again after a failure), and the two halves of the flow. */
export class OidcClient {
  private discovered: Promise<oidc.ServerMetadata> | null = null;

  constructor(readonly config: OidcConfig) {}

  private async metadata(): Promise<oidc.ServerMetadata> {
    this.discovered ??= (async () => {
      const issuer = new URL(this.config.issuer);
      const found = await oidc.discovery(issuer, this.config.clientId, undefined, oidc.ClientSecretPost(this.config.clientSecret), {
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
      });
      return found.serverMetadata();
    })();
    try {
      return await this.discovered;
    } catch (err) {
      this.discovered = null;
      throw new ApiError('internal', `the sign-in provider at ${this.config.issuer} could not be reached: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * A configuration for one use, on the server's clock: ID token expiry is judged against `now` (the same clock that
   * stamps the session), not against this process's wall clock.
   */
  private async configuration(now: Date): Promise<oidc.Configuration> {
    const skew = Math.round((now.getTime() - Date.now()) / 1000);
    const metadata = { client_secret: this.config.clientSecret, [oidc.clockSkew]: skew };
    const config = new oidc.Configuration(await this.metadata(), this.config.clientId, metadata, oidc.ClientSecretPost(this.config.clientSecret));
    if (isLoopback(new URL(this.config.issuer))) oidc.allowInsecureRequests(config);
    return config;
  }

  /** Begins a sign-in: answers the provider's URL to send the browser to and the state for the browser's cookie. */
  async begin(db: Queryable, publicUrl: string, now: Date): Promise<{ url: string; state: string }> {
    const config = await this.configuration(now);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await db.insert(oidcLogins).values({
      id: newId('oil'),
      stateHash: hashState(state),
      nonce,
      codeVerifier,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OIDC_LOGIN_MS),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${publicUrl}${OIDC_CALLBACK_PATH}`,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.toString(), state };
  }

  /**
   * Finishes a sign-in from the provider's redirect (`query`), for the browser whose cookie holds `cookieState`. A
   * state that is not this browser's, or was used or is stale, is refused before anything is written; a good one is
   * used up (pass the database, not a transaction) whether or not the provider's answer then holds, since the
   * provider's code cannot be used twice either.
   */
  async finish(db: Queryable, query: URLSearchParams, cookieState: string | undefined, publicUrl: string, now: Date): Promise<VerifiedClaims> {
    const state = query.get('state');
    if (!state) throw refused('the provider sent no state back: begin the sign-in again from the dashboard');
    if (!cookieState || !sameText(cookieState, state)) {
      throw refused('this sign-in was not begun in this browser (its state does not match): begin it again from the dashboard');
    }
    const [login] = await db
      .update(oidcLogins)
      .set({ usedAt: now })
      .where(and(eq(oidcLogins.stateHash, hashState(state)), isNull(oidcLogins.usedAt), gt(oidcLogins.expiresAt, now)))
      .returning();
    if (!login) throw await staleLogin(db, state);
    const error = query.get('error');
    if (error) throw refused(`the provider did not sign you in: ${query.get('error_description') ?? error}`);
    const currentUrl = new URL(`${publicUrl}${OIDC_CALLBACK_PATH}?${query.toString()}`);
    let claims: Record<string, unknown> & { sub: string };
    try {
      const config = await this.configuration(now);
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedNonce: login.nonce,
        expectedState: state,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider sent no ID token');
      claims = idToken;
      // Many providers keep email out of the ID token of a code flow and answer it at userinfo, for the same subject.
      if (idToken.email === undefined) claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), sub: idToken.sub };
    } catch (err) {
      throw refused(`the provider's answer could not be verified: ${reasonOf(err)}`);
    }
    return {
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null,
    };
  }
}

const refused = (message: string) => new ApiError('forbidden', message);

/** Why openid-client refused the provider's answer, in words a person can pass on: by the claim when it names one. */
function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // openid-client wraps oauth4webapi's error, whose message is the precise one and whose cause names the claim.
  const inner = err.cause instanceof Error ? err.cause : err;
  const detail = inner.cause as { claim?: unknown; claims?: { exp?: unknown; aud?: unknown } } | undefined;
  switch (detail?.claim) {
    case 'aud':
    case 'azp':
      return `the ID token was made for another application (audience ${JSON.stringify(detail.claims?.aud ?? null)}), not for Leadside`;
    case 'exp':
      return typeof detail.claims?.exp === 'number' ? `the ID token expired at ${new Date(detail.claims.exp * 1000).toISOString()}` : 'the ID token has expired';
    case 'nonce':
      return 'the ID token belongs to another sign-in (its nonce does not match)';
    case 'iss':
      return 'the ID token comes from another issuer';
    default:
      return inner.message;
  }
}

async function staleLogin(db: Queryable, state: string): Promise<ApiError> {
  const [row] = await db.select().from(oidcLogins).where(eq(oidcLogins.stateHash, hashState(state)));
  if (!row) return refused('this sign-in is not one we began: begin it again from the dashboard');
  if (row.usedAt) return refused('this sign-in was already used: begin it again from the dashboard');
  return refused('this sign-in took longer than 10 minutes: begin it again from the dashboard');
}

const hashState = (state: string) => createHash('sha256').update(state).digest('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sign-ins begun or used more than `keepMs` ago: the hourly prune deletes them. */
export async function pruneOidcLogins(db: Queryable, now: Date, keepMs: number): Promise<void> {
  const before = new Date(now.getTime() - keepMs);
  await db.delete(oidcLogins).where(or(lte(oidcLogins.expiresAt, before), lte(oidcLogins.usedAt, before)));
}
