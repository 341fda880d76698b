import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/core/model/contact';
import type { ContentItem } from '../../lib/core/model/content';
import { addUser } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { STORE_KINDS, makeWorkspace, serverForSuite, type StoreKind, type TestServer, type TestWorkspace } from './harness';

// Every route of the app, for every role and for callers without a token or with a bad one, with generated bad
// bodies (wrong types, huge strings, deep nesting, NUL, lone surrogates, unknown fields, arrays for objects, broken
// JSON), bad query strings and bad path ids. Whatever comes in, the answer is never a 5xx. Deterministic: a seeded
// generator (LEADSIDE_FUZZ_SEED picks another seed to explore).

const SEED = Number(process.env.LEADSIDE_FUZZ_SEED ?? 20260119);
/** Requests per route and caller: the full sample on PGlite, a smaller one on the PostgreSQL server. */
const CASES: Record<StoreKind, number> = { pglite: 24, postgres: 8 };
/** Requests in flight at once. */
const CONCURRENCY = 8;
const NOW = '2026-01-19T15:00:00.000Z';
const SITE = 'https://www.fuzz.example';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

interface Route {
  method: string;
  path: string;
}

/** The app's own routes (handlers, not middleware), each once. */
function routesOf(server: TestServer): Route[] {
  const seen = new Map<string, Route>();
  for (const r of server.app.routes) {
    if (r.method === 'ALL' || r.path.includes('*')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

const nest = (depth: number, inner: unknown = 0): unknown => (depth === 0 ? inner : [nest(depth - 1, inner)]);

/** Values that are wrong somewhere: types, sizes, encodings, dates, ids, nesting. */
function badValue(rng: Rng, fresh: () => string): unknown {
  const values: (() => unknown)[] = [
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1e308,
    () => -1e-308,
    () => 2 ** 53 + 1,
    () => '',
    () => ' ',
    () => 'x'.repeat(rng.pick([65, 301, 2049, 10_000, 200_000])),
    () => 'a\u0000b',
    () => '\u0000',
    () => '\uD800',
    () => '\uDFFF\uD800',
    () => '💩'.repeat(100),
    () => 'e\u0301\u200b\u202e',
    () => '2026-02-30T25:61:00Z',
    () => '0000-01-01T00:00:00Z',
    () => '9999-12-31T23:59:59Z',
    () => '2026-01-19',
    () => 'NaN',
    () => '-0',
    () => '1e309',
    () => "'; drop table contacts; --",
    () => '<script>alert(1)</script>',
    () => 'javascript:alert(1)',
    () => 'http://[::1',
    () => `${'a'.repeat(250)}@x.io`,
    () => 'a@b',
    () => `${fresh()}@buyer.example`,
    () => 'c_unknown',
    () => '../../etc/passwd',
    () => [],
    () => {},
    () => [1, 'two', null],
    () => ({ unknown: 'field' }),
    () => nest(rng.pick([10, 63, 64, 65, 500, 3000])),
    () => Array.from({ length: rng.pick([100, 1000, 5000]) }, (_, i) => i),
  ];
  return rng.pick(values)();
}

/** A near-valid body, changed in one to three places: a field set to a bad value, dropped, or an unknown one added. */
function mutate(rng: Rng, value: unknown, fresh: () => string, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return rng.chance(0.5) ? badValue(rng, fresh) : value;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (copy.length === 0 || rng.chance(0.2)) copy.push(badValue(rng, fresh));
    else {
      const i = rng.int(copy.length);
      copy[i] = mutate(rng, copy[i], fresh, depth + 1);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const roll = rng.next();
    if (keys.length > 0 && roll < 0.55) {
      const key = rng.pick(keys);
      copy[key] = rng.chance(0.6) ? badValue(rng, fresh) : mutate(rng, copy[key], fresh, depth + 1);
    } else if (keys.length > 0 && roll < 0.75) delete copy[rng.pick(keys)];
    else copy[rng.pick(['unknown', '__proto__', 'constructor', 'id', 'workspaceId', '', 'a\u0000b'])] = badValue(rng, fresh);
  }
  return copy;
}

/** Raw bodies that are not the JSON a route wants at all. */
function rawBody(rng: Rng): string | Uint8Array<ArrayBuffer> {
  return rng.pick<() => string | Uint8Array<ArrayBuffer>>([
    () => '',
    () => '{',
    () => '{"a":}',
    () => '[1,]',
    () => 'null',
    () => '[]',
    () => '"text"',
    () => '\uFEFF{}',
    () => '{"a":1}{"b":2}',
    () => '{"a":"\\ud800"}',
    () => '{"a":"\\u0000"}',
    () => '{"__proto__":{"polluted":true}}',
    () => `${'['.repeat(100_000)}`,
    () => `${'['.repeat(rng.pick([2000, 20_000]))}${']'.repeat(20_000)}`.slice(0, 40_000),
    () => `{"mutations":${'[{"a":'.repeat(1500)}1${'}]'.repeat(1500)}}`,
    () => `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
    () => `[${'"x",'.repeat(50_000)}"x"]`,
    () => 'a=b&c=d',
    () => '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
    () => new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
    () => new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  ])();
}

describe.each(STORE_KINDS)('fuzzing every route on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const ids: Record<string, string> = {};
  let settings: unknown;
  const session = { cookie: '', csrf: '' };
  /** What the server logged as errors: shown beside any failure. */
  const errors: string[] = [];

  const server = serverForSuite(kind, { now: NOW, log: { info() {}, warn() {}, error: (msg, fields) => void errors.push(`${msg} ${JSON.stringify(fields).slice(0, 600)}`) } });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Fuzz');
    globex = await makeWorkspace(server, 'Other');
    const manager = acme.users.manager!.token;
    const contact = (await (await server.api(manager, '/v1/contacts', { method: 'POST', json: { email: 'lead@buyer.example', ownerId: acme.users.rep!.id } })).json()) as Contact;
    const theirs = (await (await server.api(globex.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: 'theirs@buyer.example' } })).json()) as Contact;
    const item = (await (
      await server.api(acme.users.marketing!.token, '/v1/content', {
        method: 'POST',
        json: { title: 'Guide', url: `${SITE}/guide.pdf`, kind: 'ebook', journeyStage: 'consideration' },
      })
    ).json()) as ContentItem;
    // The users a request may change or take tokens from: never the ones the fuzzing signs in as.
    const victim = await addUser(server.store.db, { workspaceId: acme.id, email: 'victim@fuzz.example', name: 'Victim', role: 'rep' });
    await createToken(server.store.db, null, victim.id, { name: 'fuzz victim' }, new Date());
    await server.api(acme.users.rep!.token, '/v1/mutations', {
      method: 'POST',
      json: { mutations: [{ id: 'm_suggest', type: 'contact.suggest', at: NOW, email: 'suggested@buyer.example' }] },
    });
    const suggestions = (await (await server.api(manager, '/v1/suggestions')).json()) as { suggestions: { id: string }[] };
    Object.assign(ids, { contact: contact.id, theirs: theirs.id, content: item.id, victim: victim.id, suggestion: suggestions.suggestions[0]?.id ?? 's_none' });
    // A dashboard session too: every route answers the cookie as it answers a token, CSRF check and all.
    const link = (await (await server.api(acme.users.manager!.token, '/v1/signin-links', { method: 'POST', json: {} })).json()) as { url: string };
    const signIn = await fetch(`${server.url}${new URL(link.url).pathname}`, { method: 'POST', redirect: 'manual' });
    session.cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    session.csrf = ((await (await fetch(`${server.url}/v1/session`, { headers: { cookie: session.cookie } })).json()) as { csrfToken: string }).csrfToken;
    settings = await (await server.api(acme.users.admin!.token, '/v1/settings')).json();
    const current = settings as { tracking: Record<string, unknown> };
    await server.api(acme.users.admin!.token, '/v1/settings', { method: 'PUT', json: { ...current, tracking: { ...current.tracking, siteOrigins: [SITE] } } });
  }, 60_000);

  it('answers no request with a 5xx, whatever it carries', async () => {
    const rng = prng(SEED + (kind === 'postgres' ? 1 : 0));
    let made = 0;
    const fresh = () => `f${++made}_${rng.int(1e9).toString(36)}`;
    const callers: [string, string | null][] = [
      ['admin', acme.users.admin!.token],
      ['manager', acme.users.manager!.token],
      ['marketing', acme.users.marketing!.token],
      ['rep', acme.users.rep!.token],
      ['no token', null],
      ['manager session', 'session'],
      ['bad token', 'lsk_thisisnotatokenanyonewasgiven'],
    ];
    const pathIds = () => [
      ids.contact!,
      ids.theirs!,
      ids.content!,
      ids.victim!,
      ids.suggestion!,
      'c_unknown',
      'x'.repeat(rng.pick([65, 300, 3000])),
      '%00',
      '%2e%2e',
      '%',
      '%E0%A4%A',
      '%F0%9F%92%A9',
      "'",
      'null',
      '-1',
      ' ',
      '%20',
      'a.b',
      `${'a'.repeat(30)}.${'b'.repeat(22)}`,
    ];
    const queryKeys = ['cursor', 'limit', 'before', 'email', 'status', 'archived', 'from', 'to', 'revenueGoal', 'averageDealSize', 'rate', 'workingWeeks', 'k', 'v', 'x', 'a%00b', '%'];
    const queryValues = [
      '',
      '-1',
      '0',
      '1e309',
      'NaN',
      '10000000000000000000000',
      '%00',
      '%',
      '%E0%A4%A',
      'true',
      'pending',
      '2026-02-30',
      '0000-01-01',
      '9999-12-31',
      '1900-01-01',
      '2026-01-19T15:00:00Z',
      'a@b.example,c@d.example',
      encodeURIComponent(Array.from({ length: 60 }, (_, i) => `p${i}@buyer.example`).join(',')),
      'x'.repeat(5000),
      'eyJ0IjoxfQ',
      '%F0%9F%92%A9',
      '..%2F',
    ];
    const near = (route: Route): unknown => {
      const at = NOW;
      switch (`${route.method} ${route.path}`) {
        case 'POST /v1/mutations':
          return {
            mutations: [
              { id: fresh(), type: 'attempt.log', at, attempt: { id: fresh(), contactId: ids.contact, channel: 'call', outcome: 'no_answer', at } },
              { id: fresh(), type: 'contact.stage', at, contactId: ids.contact, from: 'lead', to: 'mql' },
              { id: fresh(), type: 'contact.recycle', at, contactId: ids.contact, reason: 'not now' },
              { id: fresh(), type: 'attempt.undo', at, attemptId: 'a_unknown' },
              { id: fresh(), type: 'contact.suggest', at, email: `${fresh()}@buyer.example`, name: 'Someone' },
            ].slice(0, 1 + rng.int(5)),
          };
        case 'POST /v1/contacts':
          return { email: `${fresh()}@buyer.example`, name: 'New Lead', ownerId: acme.users.rep!.id, stage: 'lead' };
        case 'PATCH /v1/contacts/:id':
          return { name: 'Renamed', ownerId: acme.users.rep!.id, optedOut: false, pauses: [{ from: at, to: null, reason: 'holiday' }] };
        case 'POST /v1/suggestions/:id/accept':
          return { ownerId: acme.users.rep!.id, stage: 'lead' };
        case 'POST /v1/suggestions/:id/reject':
          return { reason: 'not a fit' };
        case 'PUT /v1/settings':
          return settings;
        case 'POST /v1/content':
        case 'PUT /v1/content/:id':
          return { title: 'Guide', url: `${SITE}/guide.pdf`, kind: 'ebook', journeyStage: 'consideration', version: 1 };
        case 'POST /v1/users':
          return { email: `${fresh()}@fuzz.example`, name: 'New User', role: 'rep' };
        case 'PATCH /v1/users/:id':
          return { name: 'Renamed', role: 'rep', disabled: false };
        case 'POST /v1/emails':
          return { id: fresh(), contactId: ids.contact, subject: 'Hello', links: [`${SITE}/pricing`], sentAt: at };
        case 'POST /v1/signin-links':
          return { userId: rng.pick([acme.users.rep!.id, ids.victim, globex.users.rep!.id]) };
        case 'POST /v1/shared-screens':
          return { name: 'Team screen', expiresInDays: 7 };
        case 'POST /v1/tracked-links':
          return { contactId: ids.contact, url: `${SITE}/pricing` };
        case 'POST /v1/collect':
          return {
            siteKey: rng.pick([acme.siteKey, globex.siteKey, 'site_nobody_has_this']),
            visitorId: `visitor_${fresh()}`,
            sentAt: at,
            events: [
              { id: fresh(), type: 'page_view', url: `${SITE}/`, at, title: 'Home' },
              { id: fresh(), type: 'form_submit', url: `${SITE}/demo`, at, email: `${fresh()}@buyer.example`, leadType: 'demo_request' },
              { id: fresh(), type: 'content_download', url: `${SITE}/guide.pdf`, at, contentId: ids.content },
              { id: fresh(), type: 'identify', url: `${SITE}/`, at, token: `${'a'.repeat(30)}.${'b'.repeat(22)}` },
            ].slice(0, 1 + rng.int(4)),
          };
        default:
          return {};
      }
    };

    const requests: { label: string; run: () => Promise<Response> }[] = [];
    const routes = routesOf(server);
    for (const route of routes) {
      for (const [role, token] of callers) {
        for (let n = 0; n < CASES[kind]; n++) {
          const method = rng.chance(0.08) ? rng.pick(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) : route.method;
          let path = route.path.replace(/:[a-z]+/gi, () => rng.pick(pathIds()));
          if (rng.chance(0.7)) {
            const pairs = Array.from({ length: 1 + rng.int(4) }, () => `${rng.pick(queryKeys)}=${rng.pick(queryValues)}`);
            path += `?${pairs.join('&')}`;
          }
          const headers: Record<string, string> = {};
          if (token === 'session') {
            headers.cookie = rng.chance(0.05) ? 'leadside_session=lss_forged' : session.cookie;
            if (rng.chance(0.7)) headers['x-csrf-token'] = rng.chance(0.9) ? session.csrf : 'wrong';
          } else if (token) headers.authorization = rng.chance(0.05) ? `Bearer ${token} extra` : `Bearer ${token}`;
          if (rng.chance(0.5)) headers.origin = rng.pick([SITE, 'https://evil.example', 'null', 'not a url', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop']);
          if (rng.chance(0.2)) headers['x-forwarded-for'] = rng.pick(['203.0.113.5', 'garbage', '', '1.1.1.1, 2.2.2.2', '::1']);
          if (rng.chance(0.1)) headers['x-request-id'] = rng.pick(['short', 'x'.repeat(100), 'valid_request_id_1']);
          if (rng.chance(0.1)) headers['sec-gpc'] = '1';
          if (rng.chance(0.05)) headers['if-none-match'] = rng.pick(['"x"', '*']);
          let body: string | Uint8Array<ArrayBuffer> | undefined;
          if (!['GET', 'HEAD'].includes(method)) {
            const roll = rng.next();
            body = roll < 0.6 ? JSON.stringify(mutate(rng, near(route), fresh)) : roll < 0.7 ? JSON.stringify(badValue(rng, fresh)) : rawBody(rng);
            headers['content-type'] = rng.pick(['application/json', 'application/json', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']);
          }
          const size = body === undefined ? 0 : typeof body === 'string' ? body.length : body.byteLength;
          requests.push({
            label: `${role}: ${method} ${path.slice(0, 160)} (${size} bytes of body${typeof body === 'string' ? `: ${body.slice(0, 600)}` : ''})`,
            run: () => fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' }),
          });
        }
      }
    }

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        try {
          const res = await request.run();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          // An event stream never ends on its own: its status is what counts.
          if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body?.cancel();
          else await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${res.status} for ${request.label}`);
        } catch (err) {
          failures.push(`no answer (${String(err)}) for ${request.label}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    console.log(`fuzz on ${kind} (seed ${SEED}): ${requests.length} requests over ${routes.length} routes × ${callers.length} callers; ${byStatus.join(', ')}`);
    expect(routes.length).toBeGreaterThanOrEqual(34);
    expect({ failures: failures.slice(0, 20), errors: errors.slice(0, 20) }).toEqual({ failures: [], errors: [] });
  }, 180_000);
});
