import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

// A real OpenID provider for the tests (panva's certified oidc-provider, in-memory adapter), on a loopback port. Its
// development interactions show a login form that accepts any login (the login is the account id) and no password;
// consent is granted at once, so a test drives the whole code flow over HTTP, or Chromium through the login page.

export interface TestAccount {
  email: string;
  emailVerified: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  /** Registers the clients and starts answering; until then every request gets 503 (the issuer is known first). */
  configure(clients: TestClient[]): void;
  /** Accounts by login; a test adds or changes them between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** When set, the token endpoint answers this id_token instead of the one it made (a token for another client). */
  swapIdToken: string | null;
  close(): Promise<void>;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Listens first, so the issuer is known to whoever the clients' redirect URIs need; `configure` then starts it. */
export async function openTestProvider(options: { idTokenTtlSeconds?: number } = {}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const server: Server = createServer((_req, res) => {
    if (handler) return handler(_req, res);
    res.writeHead(503).end('the test provider is not configured yet');
  });
  let handler: ReturnType<Provider['callback']> | null = null;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: TestProvider = {
    issuer,
    accounts,
    swapIdToken: null,
    configure: (clients) => {
      const provider = new Provider(issuer, configurationFor(clients, accounts, options.idTokenTtlSeconds ?? 3600));
      provider.use(async (ctx, next) => {
        await next();
        if (ctx.path === '/token' && state.swapIdToken && ctx.body && typeof ctx.body === 'object') {
          ctx.body = { ...(ctx.body as object), id_token: state.swapIdToken };
        }
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
  return state;
}

function configurationFor(clients: TestClient[], accounts: Map<string, TestAccount>, idTokenTtlSeconds: number): Configuration {
  return {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified, name: account.name }),
      };
    },
    // Consent is not what these tests are about: every client gets the scopes it asks for.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ accountId: ctx.oidc.session!.accountId!, clientId: ctx.oidc.client!.clientId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { IdToken: idTokenTtlSeconds },
  };
}

/** A cookie jar of one browser, for driving redirects by hand with fetch. */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  header(url: string): string {
    const host = new URL(url).host;
    return [...(this.cookies.get(host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.cookies.set(host, jar);
  }

  /** One request with this jar's cookies, its answer's cookies kept; redirects are not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(url, response);
    return response;
  }
}

/**
 * Follows redirects from `url` with the jar, and on the provider's login form signs in as `login`; stops at the first
 * answer that is not a redirect, or at the first redirect to `stopAt` (not fetched). Answers the last URL and response.
 */
export async function browse(jar: CookieJar, url: string, login: string, stopAt?: string): Promise<{ url: string; response: Response | null }> {
  let at = url;
  for (let hops = 0; hops < 20; hops++) {
    if (stopAt && at.startsWith(stopAt)) return { url: at, response: null };
    const response = await jar.fetch(at);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      at = new URL(location, at).toString();
      continue;
    }
    const interaction = /\/interaction\/([^/?#]+)$/.exec(new URL(at).pathname);
    if (interaction && response.status === 200) {
      await response.text();
      const submitted = await jar.fetch(at, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      });
      const next = submitted.headers.get('location');
      if (!next) throw new Error(`the provider's login answered ${submitted.status}: ${await submitted.text()}`);
      at = new URL(next, at).toString();
      continue;
    }
    return { url: at, response };
  }
  throw new Error(`more than 20 redirects from ${url}`);
}
