import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../server/http/json-depth';
import type { LogFields, Logger } from '../../server/http/logger';
import { contacts, visitorEvents } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

/** Every line the server logs, as it would write it. */
function capturingLogger(lines: { level: string; msg: string; fields: LogFields }[]): Logger {
  const at = (level: string) => (msg: string, fields: LogFields = {}) => void lines.push({ level, msg, fields });
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

const nested = (depth: number, open = '[', close = ']', inner = '0') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}`;
const tooDeep = (what: string) => ({ error: { code: 'bad_request', message: `${what} must not nest JSON deeper than 64 levels` } });

describe.each(STORE_KINDS)('deeply nested JSON on %s', (kind) => {
  let acme: TestWorkspace;
  const log: { level: string; msg: string; fields: LogFields }[] = [];

  const server = serverForSuite(kind, { log: capturingLogger(log) });
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  }, 60_000);

  const post = (path: string, body: string, token: string | null = acme.users.admin!.token, method = 'POST') =>
    server.api(token, path, { method, headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['POST /v1/mutations', '/v1/mutations', 'POST', 'request body'],
    ['POST /v1/contacts', '/v1/contacts', 'POST', 'request body'],
    ['PUT /v1/settings', '/v1/settings', 'PUT', 'settings'],
    ['POST /v1/settings/scoring/preview', '/v1/settings/scoring/preview', 'POST', 'scoring preview'],
    ['POST /v1/emails', '/v1/emails', 'POST', 'email'],
  ])('refuses 2,000 levels of arrays or objects on %s with 400 naming the limit, and logs no stack', async (_name, path, method, what) => {
    for (const body of [nested(2000), nestedObjects(2000), `{"mutations":${nested(2000)}}`]) {
      log.length = 0;
      const res = await post(path, body, acme.users.admin!.token, method);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(tooDeep(what));
      // One request line, at info: a client's bad body is not our fault.
      expect(log.filter((l) => l.level !== 'info')).toEqual([]);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ msg: 'request', fields: { status: 400 } });
    }
  });

  it('refuses it on the public POST /v1/collect too, and stores nothing', async () => {
    const before = (await server.store.db.select({ n: count() }).from(visitorEvents))[0]!.n;
    const events = `[{"id":"e1","type":"page_view","url":"https://acme.example/","at":"2026-01-19T15:00:00Z","title":${nested(5000)}}]`;
    for (const body of [nested(2000), `{"siteKey":"${acme.siteKey}","visitorId":"visitor_deep","events":${events}}`]) {
      log.length = 0;
      const res = await fetch(`${server.url}/v1/collect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(tooDeep('batch'));
      expect(log.filter((l) => l.level !== 'info')).toEqual([]);
    }
    expect((await server.store.db.select({ n: count() }).from(visitorEvents))[0]!.n).toBe(before);
  });

  it('takes 64 levels (then judges the body by its schema), and brackets inside strings are only text', async () => {
    const atLimit = await post('/v1/mutations', `{"mutations":${nested(63)}}`);
    expect(atLimit.status).toBe(400);
    expect((await atLimit.json()).error.message).not.toContain('nested deeper');

    const contactsBefore = (await server.store.db.select({ n: count() }).from(contacts))[0]!.n;
    const bracketsInText = JSON.stringify({ email: 'deep@buyer.example', name: `[{"\\${'['.repeat(150)}`, title: '{'.repeat(150) });
    const created = await post('/v1/contacts', bracketsInText);
    expect(created.status).toBe(201);
    expect((await server.store.db.select({ n: count() }).from(contacts))[0]!.n).toBe(contactsBefore + 1);

    const overByOne = await post('/v1/mutations', `{"mutations":${nested(64)}}`);
    expect(overByOne.status).toBe(400);
    expect(await overByOne.json()).toEqual(tooDeep('request body'));
  });
});

describe('nestsDeeperThan', () => {
  it('counts brackets outside strings only, escapes included, in one pass over any text', () => {
    expect(nestsDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestsDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[]}}', 2)).toBe(true);
    expect(nestsDeeperThan('[1],[2],[3]', 1)).toBe(false);
    // An escaped quote does not end the string; an escaped backslash does not escape the quote after it.
    expect(nestsDeeperThan('["\\"[[[[", 1]', 1)).toBe(false);
    expect(nestsDeeperThan('["\\\\", [[1]]]', 2)).toBe(true);
    expect(nestsDeeperThan('"unterminated [[[[', 1)).toBe(false);
    expect(nestsDeeperThan('', 0)).toBe(false);
    expect(nestsDeeperThan(`${'['.repeat(1_000_000)}`, MAX_JSON_DEPTH)).toBe(true);
  });
});
