import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointList, WebhookEndpointWithSecret } from '../../lib/core/model/webhooks';
import { WEBHOOK_RETRY_SCHEDULE_MS } from '../../lib/core/webhooks';
import { insertContact, type NewContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { freePort, recordingLog, testChatReceiver, type ReceivedPost } from './alert-delivery-support';
import { freshPostgresDatabase, makeWorkspace, STORE_KINDS, startTestServer, type TestServer, type TestWorkspace } from './harness';

// Webhooks out to a real HTTP receiver the test starts: every event type, signed per Standard Webhooks and verified with
// the specification's own library; retried from the durable queue while the receiver is down; sent after a restart;
// an endpoint failing for a day turned off; bad URLs refused; another workspace's endpoints out of sight.

const MONDAY_10_ET = '2026-01-19T15:00:00.000Z';

/** The specification's verifier, at the instant the test's clock says (it refuses timestamps five minutes off). */
function verify(post: ReceivedPost, secret: string, at: Date): { type: string; timestamp: string; data: Record<string, unknown> } {
  const h = (name: string) => String(post.headers[name]);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return new Webhook(secret).verify(post.body, { 'webhook-id': h('webhook-id'), 'webhook-timestamp': h('webhook-timestamp'), 'webhook-signature': h('webhook-signature') }) as never;
  } finally {
    vi.useRealTimers();
  }
}

function rigs(getServer: () => TestServer) {
  const admin = (ws: TestWorkspace) => ws.users.admin!.token;
  const create = async (ws: TestWorkspace, json: unknown) => getServer().api(admin(ws), '/v1/webhooks', { method: 'POST', json });
  const endpoint = async (ws: TestWorkspace, url: string, events: string[] = ['lead.created', 'lead.stage_changed', 'attempt.logged', 'sla.breached', 'lead.won']) => {
    const res = await create(ws, { url, events });
    expect(res.status).toBe(201);
    return WebhookEndpointWithSecret.parse(await res.json());
  };
  const deliveries = async (ws: TestWorkspace, id: string, query = '') => {
    const res = await getServer().api(admin(ws), `/v1/webhooks/${id}/deliveries${query}`);
    expect(res.status).toBe(200);
    return WebhookDeliveryPage.parse(await res.json());
  };
  let seq = 0;
  const contact = async (ws: TestWorkspace, input: Partial<NewContact> = {}) => {
    const id = `c-wh-${++seq}`;
    const server = getServer();
    await writeInWorkspace(server.store.db, ws.id, (tx) =>
      insertContact(tx, ws.id, { email: `${id}@lead.example`, stage: 'lead', ...input, id }, server.clock.now(), { kind: 'import' }),
    );
    return id;
  };
  return { admin, create, endpoint, deliveries, contact };
}

describe.each(STORE_KINDS)('webhooks out on %s', (kind) => {
  let server: TestServer;
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const recorded = recordingLog();
  const { admin, create, endpoint, deliveries, contact } = rigs(() => server);

  beforeAll(async () => {
    server = await startTestServer(kind, { now: MONDAY_10_ET, log: recorded.log });
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);
  afterAll(() => server?.close());
  // Each test starts with no endpoints and the clock at Monday 10:00, whatever the one before left.
  beforeEach(async () => {
    server.clock.set(MONDAY_10_ET);
    for (const ws of [acme, globex]) {
      for (const e of WebhookEndpointList.parse(await (await server.api(admin(ws), '/v1/webhooks')).json()).endpoints) {
        expect((await server.api(admin(ws), `/v1/webhooks/${e.id}`, { method: 'DELETE' })).status).toBe(204);
      }
    }
  });

  it('lets admins only manage endpoints; the secret is answered at creation and rotation only, and every change is audited', async () => {
    for (const who of ['rep', 'manager', 'marketing']) {
      expect((await server.api(acme.users[who]!.token, '/v1/webhooks')).status).toBe(403);
      expect((await server.api(acme.users[who]!.token, '/v1/webhooks', { method: 'POST', json: { url: 'https://hooks.example/x', events: ['lead.created'] } })).status).toBe(403);
    }
    const made = await endpoint(acme, 'https://hooks.example/leadside', ['lead.created']);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(made.endpoint).toMatchObject({ url: 'https://hooks.example/leadside', events: ['lead.created'], enabled: true, disabledReason: null, secretCreatedAt: MONDAY_10_ET });

    const listed = WebhookEndpointList.parse(await (await server.api(admin(acme), '/v1/webhooks')).json());
    expect(listed.endpoints.map((e) => e.id)).toContain(made.endpoint.id);
    expect(JSON.stringify(listed)).not.toContain(made.secret);

    const patched = await server.api(admin(acme), `/v1/webhooks/${made.endpoint.id}`, { method: 'PATCH', json: { events: ['lead.created', 'lead.won'], enabled: false } });
    expect(patched.status).toBe(200);
    expect(WebhookEndpoint.parse(await patched.json())).toMatchObject({ events: ['lead.created', 'lead.won'], enabled: false });

    server.clock.advance(60_000);
    const rotated = await server.api(admin(acme), `/v1/webhooks/${made.endpoint.id}/rotate-secret`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const fresh = WebhookEndpointWithSecret.parse(await rotated.json());
    expect(fresh.secret).not.toBe(made.secret);
    expect(fresh.endpoint.secretCreatedAt).toBe('2026-01-19T15:01:00.000Z');

    expect((await server.api(admin(acme), `/v1/webhooks/${made.endpoint.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await server.api(admin(acme), `/v1/webhooks/${made.endpoint.id}`)).status).toBe(404);

    const audit = (await (await server.api(admin(acme), '/v1/audit?action=webhook_endpoint')).json()) as { events: { action: string; target: { id: string }; changes: Record<string, unknown> }[] };
    expect(audit.events.filter((e) => e.target.id === made.endpoint.id).map((e) => e.action).sort()).toEqual([
      'webhook_endpoint.create',
      'webhook_endpoint.delete',
      'webhook_endpoint.rotate_secret',
      'webhook_endpoint.update',
    ]);
    expect(audit.events.find((e) => e.action === 'webhook_endpoint.update')!.changes).toEqual({
      events: { before: ['lead.created'], after: ['lead.created', 'lead.won'] },
      enabled: { before: true, after: false },
    });
    expect(JSON.stringify(audit)).not.toContain(made.secret.slice(6));
    expect(JSON.stringify(audit)).not.toContain(fresh.secret.slice(6));
    server.clock.set(MONDAY_10_ET);
  });

  it('refuses a URL that is not http(s), and any other bad input, precisely and without creating anything', async () => {
    const before = WebhookEndpointList.parse(await (await server.api(admin(acme), '/v1/webhooks')).json()).endpoints.length;
    for (const url of ['ftp://hooks.example/x', 'javascript:alert(1)', 'file:///etc/passwd', '/relative/path', 'hooks.example/x', 'http://']) {
      const res = await create(acme, { url, events: ['lead.created'] });
      expect(res.status, url).toBe(400);
      const body = (await res.json()) as { error: { message: string; issues: { path: string; message: string }[] } };
      expect(body.error.issues).toEqual([{ path: 'url', message: 'must be an http:// or https:// address' }]);
    }
    const noEvents = await create(acme, { url: 'https://hooks.example/x', events: [] });
    expect(((await noEvents.json()) as { error: { issues: unknown[] } }).error.issues).toEqual([{ path: 'events', message: 'must choose at least one event' }]);
    const unknown = await create(acme, { url: 'https://hooks.example/x', events: ['lead.deleted'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('events.0');

    const kept = await endpoint(acme, 'https://hooks.example/kept', ['lead.created']);
    const badPatch = await server.api(admin(acme), `/v1/webhooks/${kept.endpoint.id}`, { method: 'PATCH', json: { url: 'ftp://hooks.example/y' } });
    expect(badPatch.status).toBe(400);
    expect(WebhookEndpoint.parse(await (await server.api(admin(acme), `/v1/webhooks/${kept.endpoint.id}`)).json()).url).toBe('https://hooks.example/kept');
    expect(WebhookEndpointList.parse(await (await server.api(admin(acme), '/v1/webhooks')).json()).endpoints).toHaveLength(before + 1);
    await server.api(admin(acme), `/v1/webhooks/${kept.endpoint.id}`, { method: 'DELETE' });
  });

  it("keeps another workspace's endpoints and deliveries out of sight", async () => {
    const theirs = await endpoint(globex, 'https://hooks.example/globex', ['lead.created']);
    const listed = WebhookEndpointList.parse(await (await server.api(admin(acme), '/v1/webhooks')).json());
    expect(listed.endpoints.map((e) => e.id)).not.toContain(theirs.endpoint.id);
    const id = theirs.endpoint.id;
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
      ['POST', '/test'],
    ] as const) {
      const res = await server.api(admin(acme), `/v1/webhooks/${id}${path}`, { method, ...(method === 'PATCH' ? { json: { enabled: false } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(WebhookEndpoint.parse(await (await server.api(admin(globex), `/v1/webhooks/${id}`)).json())).toMatchObject({ enabled: true, secretCreatedAt: theirs.endpoint.secretCreatedAt });
    // Acme's contacts never reach Globex's endpoint.
    await contact(acme);
    expect((await deliveries(globex, id)).deliveries).toEqual([]);
    await server.api(admin(globex), `/v1/webhooks/${id}`, { method: 'DELETE' });
  });

  it('delivers each event type, signed and verified with the Standard Webhooks library, queued with the change and sent by the worker', async () => {
    const receiver = await testChatReceiver();
    try {
      const { endpoint: ep, secret } = await endpoint(acme, receiver.url);
      const rep = acme.users.rep!;
      // lead.created, through the API.
      const created = await server.api(acme.users.manager!.token, '/v1/contacts', { method: 'POST', json: { email: 'dana@brightwave.example', name: 'Dana Reyes', stage: 'lead', ownerId: rep.id } });
      expect(created.status).toBe(201);
      const dana = ((await created.json()) as { id: string }).id;
      // Queued, not sent: the request did not wait on the receiver.
      expect(receiver.posts).toHaveLength(0);
      expect((await deliveries(acme, ep.id)).deliveries.map((d) => [d.type, d.state])).toEqual([['lead.created', 'pending']]);

      // attempt.logged, lead.stage_changed and lead.won, through the rep's outbox.
      const opp = await contact(acme, { stage: 'opportunity', ownerId: rep.id, name: 'Omar Pike' });
      const mutations = [
        { id: 'm-wh-1', type: 'attempt.log', at: MONDAY_10_ET, attempt: { id: 'a-wh-1', contactId: dana, channel: 'call', outcome: 'connected', note: 'private words', at: MONDAY_10_ET } },
        { id: 'm-wh-2', type: 'contact.stage', at: MONDAY_10_ET, contactId: opp, from: 'opportunity', to: 'customer', dealValue: 1200 },
      ];
      const pushed = await server.api(rep.token, '/v1/mutations', { method: 'POST', json: { mutations } });
      expect(((await pushed.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['applied', 'applied']);

      // sla.breached: a day on, the first touch of a lead nobody called is past due; seen on two minute checks, one event.
      const late = await contact(acme, { ownerId: rep.id, name: 'Lena Late' });
      server.clock.advance(24 * 60 * 60_000);
      await server.alerts.tick();
      server.clock.advance(60_000);
      await server.alerts.tick();

      expect(await server.webhooks.runDue()).toBeGreaterThanOrEqual(6);
      const now = server.clock.now();
      const got = receiver.posts.map((p) => verify(p, secret, now));
      // The opportunity's own creation was queued too (it was inserted with an endpoint listening).
      expect(got.map((g) => g.type).sort()).toEqual(['attempt.logged', 'lead.created', 'lead.created', 'lead.created', 'lead.stage_changed', 'lead.won', 'sla.breached']);
      const of = (type: string, contactId: string) => got.find((g) => g.type === type && (g.data.contact as { id: string }).id === contactId)!;
      expect(of('lead.created', dana)).toEqual({
        type: 'lead.created',
        timestamp: MONDAY_10_ET,
        data: { contact: { id: dana, email: 'dana@brightwave.example', name: 'Dana Reyes', company: null, stage: 'lead', leadType: null, source: 'manual', ownerId: rep.id } },
      });
      expect(of('attempt.logged', dana).data.attempt).toEqual({ id: 'a-wh-1', userId: rep.id, channel: 'call', outcome: 'connected', at: MONDAY_10_ET });
      expect(JSON.stringify(got)).not.toContain('private words');
      expect(of('lead.stage_changed', opp).data).toMatchObject({ from: 'opportunity', to: 'customer', by: { kind: 'user', userId: rep.id }, contact: { stage: 'customer' } });
      expect(of('lead.won', opp).data).toMatchObject({ from: 'opportunity', dealValue: 1200 });
      expect(of('sla.breached', late).data).toMatchObject({ step: 'first_touch', dueAt: '2026-01-19T19:00:00.000Z', contact: { name: 'Lena Late' } });
      // Every post's webhook-id is its delivery's id in the log, and all are delivered.
      const log = await deliveries(acme, ep.id);
      expect(log.deliveries.every((d) => d.state === 'delivered' && d.attempts === 1 && d.lastStatus === 200)).toBe(true);
      expect(new Set(receiver.posts.map((p) => p.headers['webhook-id']))).toEqual(new Set(log.deliveries.map((d) => d.id)));
      // A body changed on the way no longer verifies.
      expect(() => verify({ ...receiver.posts[0]!, body: receiver.posts[0]!.body.replace('lead', 'leed') }, secret, now)).toThrow();

      // The log pages, newest first.
      const first = await deliveries(acme, ep.id, '?limit=2');
      expect(first.deliveries).toHaveLength(2);
      const second = await deliveries(acme, ep.id, `?limit=10&before=${first.next}`);
      expect([...first.deliveries, ...second.deliveries].map((d) => d.id)).toEqual(log.deliveries.map((d) => d.id));
      expect(second.next).toBeNull();

      // Sent once: a second run finds nothing due.
      expect(await server.webhooks.runDue()).toBe(0);
      await server.api(admin(acme), `/v1/webhooks/${ep.id}`, { method: 'DELETE' });
    } finally {
      await receiver.close();
      server.clock.set(MONDAY_10_ET);
    }
  });

  it('retries a receiver that is down, and delivers once when it is back, under the same webhook-id; a test event goes too', async () => {
    const port = await freePort();
    const { endpoint: ep, secret } = await endpoint(acme, `http://127.0.0.1:${port}/in`, ['lead.created']);
    await contact(acme, { name: 'Rita Retry' });
    expect(await server.webhooks.runDue()).toBe(1);
    const [waiting] = (await deliveries(acme, ep.id)).deliveries;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastStatus: null, nextAttemptAt: new Date(Date.parse(MONDAY_10_ET) + 5_000).toISOString() });
    expect(recorded.lines.some((l) => l.msg === 'webhook delivery failed; will retry' && l.fields.delivery === waiting!.id)).toBe(true);

    const receiver = await testChatReceiver(port);
    try {
      receiver.state.status = 503;
      server.clock.advance(4_000);
      expect(await server.webhooks.runDue()).toBe(0);
      server.clock.advance(1_000);
      await server.webhooks.runDue();
      expect(receiver.posts).toHaveLength(1);
      expect((await deliveries(acme, ep.id)).deliveries[0]).toMatchObject({ state: 'pending', attempts: 2, lastStatus: 503 });

      receiver.state.status = 200;
      server.clock.advance(5 * 60_000);
      await server.webhooks.runDue();
      expect(receiver.posts).toHaveLength(2);
      const [refused, taken] = receiver.posts as [ReceivedPost, ReceivedPost];
      expect(taken.headers['webhook-id']).toBe(waiting!.id);
      expect(refused.headers['webhook-id']).toBe(waiting!.id);
      expect(verify(taken, secret, server.clock.now())).toMatchObject({ type: 'lead.created', data: { contact: { name: 'Rita Retry' } } });
      expect((await deliveries(acme, ep.id)).deliveries[0]).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, nextAttemptAt: null });
      server.clock.advance(60 * 60_000);
      await server.webhooks.runDue();
      expect(receiver.posts).toHaveLength(2);

      const test = await server.api(admin(acme), `/v1/webhooks/${ep.id}/test`, { method: 'POST' });
      expect(test.status).toBe(202);
      await server.webhooks.runDue();
      expect(verify(receiver.posts[2]!, secret, server.clock.now())).toMatchObject({ type: 'webhook.test', data: { endpointId: ep.id } });
    } finally {
      await receiver.close();
      await server.api(admin(acme), `/v1/webhooks/${ep.id}`, { method: 'DELETE' });
      server.clock.set(MONDAY_10_ET);
    }
  });

  it("hears a deleted contact added again as a new lead, and a contact's deliveries go with it on erasure", async () => {
    const { endpoint: ep } = await endpoint(acme, 'https://hooks.example/revive', ['lead.created', 'lead.stage_changed']);
    const manager = acme.users.manager!.token;
    const add = async () => {
      const res = await server.api(manager, '/v1/contacts', { method: 'POST', json: { email: 'rex@again.example', stage: 'lead' } });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const id = await add();
    expect((await server.api(manager, `/v1/contacts/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await add()).toBe(id);
    expect((await deliveries(acme, ep.id)).deliveries.map((d) => d.type)).toEqual(['lead.created', 'lead.created']);
    // The privacy erasure (server/domain/privacy/erase.ts) takes the contact's webhook events with it.
    const erased = await server.api(manager, '/v1/privacy/erase', { method: 'POST', json: { contactId: id, confirmEmail: 'rex@again.example' } });
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { removed: Record<string, number> }).removed.webhookDeliveries).toBe(2);
    expect((await deliveries(acme, ep.id)).deliveries).toEqual([]);
  });

  it('signs with the old secret too for a day after a rotation', async () => {
    const receiver = await testChatReceiver();
    try {
      const { endpoint: ep, secret: old } = await endpoint(acme, receiver.url, ['lead.created']);
      const fresh = WebhookEndpointWithSecret.parse(await (await server.api(admin(acme), `/v1/webhooks/${ep.id}/rotate-secret`, { method: 'POST' })).json()).secret;
      await contact(acme);
      await server.webhooks.runDue();
      expect(String(receiver.posts[0]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
      verify(receiver.posts[0]!, fresh, server.clock.now());
      verify(receiver.posts[0]!, old, server.clock.now());
      server.clock.advance(24 * 60 * 60_000);
      await contact(acme);
      await server.webhooks.runDue();
      verify(receiver.posts[1]!, fresh, server.clock.now());
      expect(() => verify(receiver.posts[1]!, old, server.clock.now())).toThrow();
      await server.api(admin(acme), `/v1/webhooks/${ep.id}`, { method: 'DELETE' });
    } finally {
      await receiver.close();
      server.clock.set(MONDAY_10_ET);
    }
  });

  it('turns off an endpoint that failed for a day, says why on it and in the audit log, and sends nothing more to it', async () => {
    const port = await freePort();
    const { endpoint: ep } = await endpoint(acme, `http://127.0.0.1:${port}/never`, ['lead.created']);
    await contact(acme, { name: 'Gail Gone' });
    await server.webhooks.runDue();
    for (const wait of WEBHOOK_RETRY_SCHEDULE_MS) {
      server.clock.advance(wait);
      await server.webhooks.runDue();
      const now = WebhookEndpoint.parse(await (await server.api(admin(acme), `/v1/webhooks/${ep.id}`)).json());
      if (!now.enabled) break;
    }
    const off = WebhookEndpoint.parse(await (await server.api(admin(acme), `/v1/webhooks/${ep.id}`)).json());
    expect(off.enabled).toBe(false);
    expect(off.disabledReason).toMatch(/^every delivery failed since 2026-01-19T15:00:00.000Z/);
    // 5 s + 5 min + 30 min + 2 h + 5 h + 10 h + 10 h: the try that crossed the day.
    expect(off.disabledAt).toBe(new Date(Date.parse(MONDAY_10_ET) + WEBHOOK_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toISOString());
    const audit = (await (await server.api(admin(acme), '/v1/audit?action=webhook_endpoint.disable')).json()) as { events: { actor: { kind: string }; target: { id: string } }[] };
    expect(audit.events).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'system' }), target: { kind: 'webhook_endpoint', id: ep.id } })]);
    // Nothing new is queued for it while it is off.
    await contact(acme);
    expect((await deliveries(acme, ep.id)).deliveries).toHaveLength(1);
    // Turned on again by an admin: the notice goes.
    const on = await server.api(admin(acme), `/v1/webhooks/${ep.id}`, { method: 'PATCH', json: { enabled: true } });
    expect(WebhookEndpoint.parse(await on.json())).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
    await server.api(admin(acme), `/v1/webhooks/${ep.id}`, { method: 'DELETE' });
    server.clock.set(MONDAY_10_ET);
  });
});

describe.each(STORE_KINDS)('webhooks across a restart on %s', (kind) => {
  it('sends a delivery queued before the server stopped once it is back', async () => {
    const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'leadside-webhooks-')) : undefined;
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : undefined;
    const receiver = await testChatReceiver();
    try {
      let server = await startTestServer(kind, { now: MONDAY_10_ET, dataDir, databaseUrl });
      const acme = await makeWorkspace(server, 'Acme');
      const { endpoint, contact } = rigs(() => server);
      const { endpoint: ep, secret } = await endpoint(acme, receiver.url, ['lead.created']);
      await contact(acme, { name: 'Sam Survivor' });
      await server.close();
      expect(receiver.posts).toHaveLength(0);

      server = await startTestServer(kind, { now: MONDAY_10_ET, dataDir, databaseUrl });
      try {
        expect(await server.webhooks.runDue()).toBe(1);
        expect(receiver.posts).toHaveLength(1);
        expect(verify(receiver.posts[0]!, secret, server.clock.now())).toMatchObject({ type: 'lead.created', data: { contact: { name: 'Sam Survivor' } } });
        expect(ep.id).toMatch(/^wh_/);
      } finally {
        await server.close();
      }
    } finally {
      await receiver.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
