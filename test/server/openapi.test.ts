import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, serverForSuite, STORE_KINDS } from './harness';

// The generated OpenAPI description (GET /v1/openapi.json): every route of the app is in it, the route tables of the
// README and docs/api.md say the same, it is a valid OpenAPI 3.1 document, and its request schemas refuse what the
// routes refuse.

interface Spec {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> }; security?: unknown[]; 'x-roles'?: string[] }>>;
  components: Record<string, unknown>;
}

/**
 * Routes that are not the API on purpose, so neither the spec nor the route tables' check covers them: pages and files
 * a browser opens, not calls a client makes.
 */
const NOT_API: Record<string, string> = {
  'GET /t.js': 'the website snippet: a script a site loads, not a call',
  'GET /o/:token': 'the open pixel: an image in an email',
  'GET /c/:token': 'the click redirect: a link in an email',
  'GET /app': 'the dashboard’s files (a redirect to /app/)',
  'GET /app/*': 'the dashboard’s files',
  'GET /shared/:token': 'the dashboard’s page for a shared screen',
  'GET /signin/:secret': 'the sign-in page of a one-time link',
  'POST /signin/:secret': 'the sign-in page’s button',
  'GET /signin/code/:secret': 'the sign-in page of an extension code',
  'POST /signin/code/:secret': 'the sign-in page’s button',
  'GET /signin/oidc': 'single sign-on begins: a redirect to the provider',
  'GET /signin/oidc/callback': 'single sign-on ends: the provider sends the browser back here',
};
const NOT_API_METHODS = new Set([
  'ALL', // middleware, not a route
  'OPTIONS', // CORS preflights, answered for the browser
]);

const fromOpenApi = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');
const specRoutes = (spec: Spec) =>
  Object.entries(spec.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${fromOpenApi(path)}`))
    .sort();

const METHODS = 'GET|POST|PUT|PATCH|DELETE';
const SPAN = new RegExp(`^((?:${METHODS})(?:/(?:${METHODS}))*)(?:\\s+(/\\S*))?$`);

/**
 * The routes a Markdown route table names: its first column's code spans, each `METHOD[/METHOD…] /path[?query]`, or a
 * span of methods alone that the next span's path takes too (`GET`/`POST /v1/x`). `<secret>` is a path parameter.
 */
function tableRoutes(markdown: string, header: string): { routes: string[]; unreadable: string[] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === header);
  if (start < 0) throw new Error(`no table with the header ${header}`);
  const routes: string[] = [];
  const unreadable: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cell = line.split(/(?<!\\)\|/)[1] ?? '';
    let pending: string[] = [];
    for (const [, span] of cell.matchAll(/`([^`]+)`/g)) {
      const m = SPAN.exec(span!.trim());
      if (!m) {
        unreadable.push(span!);
        continue;
      }
      const methods = [...pending, ...m[1]!.split('/')];
      if (!m[2]) {
        pending = methods;
        continue;
      }
      pending = [];
      const path = m[2].replace(/\?.*$/, '').replace(/<([^>]+)>/g, ':$1');
      for (const method of methods) routes.push(`${method} ${path}`);
    }
  }
  return { routes: [...new Set(routes)].sort(), unreadable };
}

const apiOnly = (routes: string[]) => routes.filter((r) => !(r in NOT_API)).sort();

describe.each(STORE_KINDS)('the OpenAPI description on %s', (kind) => {
  const server = serverForSuite(kind);
  const spec = async (): Promise<Spec> => {
    const res = await server.api(null, '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return (await res.json()) as Spec;
  };

  it('is public and a valid OpenAPI 3.1 document', async () => {
    const document = await spec();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Every named schema is one of ours: zod's automatic `__schemaN` names would clash between routes.
    expect(Object.keys(document.components.schemas as object).filter((n) => n.startsWith('__'))).toEqual([]);
  });

  it('has every route the app registers, with its method, and nothing else', async () => {
    const app = [...new Set(server.app.routes.filter((r) => !NOT_API_METHODS.has(r.method)).map((r) => `${r.method} ${r.path}`))];
    for (const route of Object.keys(NOT_API)) expect(app, `NOT_API names a route the app has: ${route}`).toContain(route);
    expect(specRoutes(await spec())).toEqual(apiOnly(app));
  });

  it('is in step with the route tables of the README and docs/api.md', async () => {
    const inSpec = specRoutes(await spec());
    const readme = tableRoutes(readFileSync('README.md', 'utf8'), '| route | what |');
    expect(readme.unreadable, 'README API table: spans that are not `METHOD /path`').toEqual([]);
    expect(apiOnly(readme.routes)).toEqual(inSpec);
    const docs = tableRoutes(readFileSync('docs/api.md', 'utf8'), '| route | who | what |');
    expect(docs.unreadable, 'docs/api.md route table: spans that are not `METHOD /path`').toEqual([]);
    expect(apiOnly(docs.routes)).toEqual(inSpec);
  });

  it('says who may call each route: public ones ask nothing, role checks name their roles, cookie writes need the CSRF header', async () => {
    const { paths } = await spec();
    expect(paths['/v1/collect']!.post!.security).toEqual([]);
    expect(paths['/v1/openapi.json']!.get!.security).toEqual([]);
    expect(paths['/v1/users']!.post!['x-roles']).toEqual(['admin']);
    expect(paths['/v1/suggestions/{id}/accept']!.post!['x-roles']).toEqual(['manager', 'marketing', 'admin']);
    expect(paths['/v1/me']!.get!['x-roles']).toBeUndefined();
    expect(paths['/v1/contacts']!.post!.security).toEqual([{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }]);
    expect(paths['/v1/me']!.get!.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
  });

  it('describes request bodies that refuse what the routes refuse, and take what they take', async () => {
    const document = await spec();
    const acme = await makeWorkspace(server, 'Acme');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const bodySchema = (path: string, method: string) =>
      ajv.compile({ ...document.paths[path]![method]!.requestBody!.content['application/json']!.schema, components: document.components });

    const newUser = bodySchema('/v1/users', 'post');
    for (const bad of [{ email: 'ann@acme.example', name: 'Ann', role: 'boss' }, { email: 'ann@acme.example', name: '', role: 'rep' }, { email: 'ann@acme.example', name: 'Ann', role: 'rep', extra: 1 }]) {
      expect(newUser(bad), JSON.stringify(bad)).toBe(false);
      const res = await server.api(acme.users.admin!.token, '/v1/users', { method: 'POST', json: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const good = { email: 'ann@acme.example', name: 'Ann', role: 'rep' };
    expect(newUser(good)).toBe(true);
    expect((await server.api(acme.users.admin!.token, '/v1/users', { method: 'POST', json: good })).status).toBe(201);

    const shared = bodySchema('/v1/shared-screens', 'post');
    const tooLong = { name: 'Team screen', expiresInDays: 400 };
    expect(shared(tooLong)).toBe(false);
    expect((await server.api(acme.users.manager!.token, '/v1/shared-screens', { method: 'POST', json: tooLong })).status).toBe(400);
    expect(shared({ name: 'Team screen', expiresInDays: 30 })).toBe(true);
  });

  it('describes the answers as the routes give them', async () => {
    const document = await spec();
    const acme = await makeWorkspace(server, 'Globex');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const reads: [string, string, string?][] = [
      ['admin', '/v1/me'],
      ['admin', '/v1/me/alerts'],
      ['admin', '/v1/me/tokens'],
      ['admin', '/v1/users'],
      ['admin', '/v1/settings'],
      ['admin', '/v1/settings/site'],
      ['admin', '/v1/content'],
      ['admin', '/v1/audit'],
      ['admin', '/v1/questions'],
      ['admin', '/v1/suggestions'],
      ['admin', '/v1/shared-screens'],
      ['admin', '/v1/alerts/webhook-secret'],
      ['admin', '/v1/reports/sla'],
      ['admin', '/v1/reports/sources'],
      ['admin', '/v1/reports/content'],
      ['admin', '/v1/reports/recycled'],
      ['rep', '/v1/sync'],
      ['rep', '/v1/contacts/lookup?email=nobody@elsewhere.example', '/v1/contacts/lookup'],
    ];
    for (const [who, url, path = url] of reads) {
      const res = await server.api(acme.users[who]!.token, url);
      expect(res.status, url).toBe(200);
      const schema = (document.paths[path]!.get as { responses: Record<string, { content: Record<string, { schema: object }> }> }).responses['200']!.content['application/json']!.schema;
      const valid = ajv.compile({ ...schema, components: document.components });
      expect(valid(await res.json()) ? [] : valid.errors, url).toEqual([]);
    }
  });

  it('has a readable page, rendered on the server with no script', async () => {
    const res = await server.api(null, '/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    for (const route of specRoutes(await spec())) {
      const [method, path] = route.split(' ');
      expect(html).toContain(`<span class="method">${method!.toLowerCase()}</span> ${path!.replace(/:([A-Za-z]+)/g, '{$1}')}</code>`);
    }
  });
});
