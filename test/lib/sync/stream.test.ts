import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../lib/api/client';
import { LeadsideDatabase } from '../../../lib/db/database';
import { createSseParser, runActivityStream, type ServerSentEvent, type StreamState } from '../../../lib/sync/stream';
import { activity } from '../core/fixtures';

describe('the server-sent events parser', () => {
  it('reads events in any chunking, joins data lines, skips comments, takes ids and retry hints', () => {
    const events: ServerSentEvent[] = [];
    const retries: number[] = [];
    const feed = createSseParser((e) => events.push(e), (ms) => retries.push(ms));
    const text = 'retry: 3000\r\n: connected\r\n\r\nevent: activity\nid: v1\ndata: {"a":\ndata: 1}\n\n: heartbeat\n\ndata:plain\r\rdata: x\n\n';
    for (const ch of text) feed(ch);
    expect(events).toEqual([
      { event: 'activity', data: '{"a":\n1}', id: 'v1' },
      { event: 'message', data: 'plain', id: 'v1' },
      { event: 'message', data: 'x', id: 'v1' },
    ]);
    expect(retries).toEqual([3000]);
  });
});

describe('the live activity stream', () => {
  let server: Server;
  let base: string;
  let db: LeadsideDatabase;
  const connections: { auth: string | undefined; accept: string | undefined; res: ServerResponse }[] = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  beforeEach(async () => {
    connections.length = 0;
    db = new LeadsideDatabase(`leadside-stream-${Math.random().toString(36).slice(2)}`);
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    db.close();
    await Dexie.delete(db.name);
  });

  const sse = (req: IncomingMessage, res: ServerResponse) => {
    connections.push({ auth: req.headers.authorization, accept: req.headers.accept, res });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('retry: 3000\n: connected\n\n');
  };
  const send = (res: ServerResponse, body: unknown) => res.write(`event: activity\nid: x\ndata: ${JSON.stringify(body)}\n\n`);
  const until = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('writes each activity into the cache, ignores what it cannot read, reconnects after a drop and stops on abort', async () => {
    handler = sse;
    const controller = new AbortController();
    const states: StreamState[] = [];
    const waits: number[] = [];
    const api = createApiClient({ baseUrl: base, token: 'lsk_stream_test_token_000000' });
    const running = runActivityStream({
      db,
      api,
      signal: controller.signal,
      random: () => 0,
      onState: (s) => states.push(s),
      sleep: async (ms) => void waits.push(ms),
    });
    await until(() => connections.length === 1);
    expect(connections[0]).toMatchObject({ auth: 'Bearer lsk_stream_test_token_000000', accept: 'text/event-stream' });
    const visit = activity('page_view', '2026-01-19T14:58:00Z', { id: 'live1', url: 'https://northwind.example/pricing' });
    send(connections[0]!.res, visit);
    connections[0]!.res.write('event: activity\ndata: not json\n\n');
    send(connections[0]!.res, { id: 'broken' });
    connections[0]!.res.write(': heartbeat\n\n');
    await until(async () => (await db.activities.count()) === 1);
    expect(await db.activities.toArray()).toEqual([visit]);

    // The server goes away: the client comes back after the server's retry hint.
    connections[0]!.res.end();
    await until(() => connections.length === 2);
    expect(waits).toEqual([3000]);
    send(connections[1]!.res, activity('email_click', '2026-01-19T14:59:00Z', { id: 'live2' }));
    await until(async () => (await db.activities.count()) === 2);

    controller.abort();
    await running;
    expect(states).toEqual(['connecting', 'open', 'waiting', 'connecting', 'open', 'stopped']);
  });

  it('hands each alert event to onAlert (the background), counts every chunk as data, and without onAlert skips them', async () => {
    handler = sse;
    const alerts: unknown[] = [];
    let chunks = 0;
    const background = new AbortController();
    const panel = new AbortController();
    const api = createApiClient({ baseUrl: base, token: 'lsk_stream_test_token_000000' });
    const runs = [
      runActivityStream({ db, api, signal: background.signal, onAlert: async (a) => void alerts.push(a), onData: () => void chunks++ }),
      runActivityStream({ db, api, signal: panel.signal }),
    ];
    await until(() => connections.length === 2);
    const sent = { id: 'al1', contactId: 'dana', title: 'Dana Reyes is on the site now' };
    for (const c of connections) c.res.write(`event: alert\nid: al1\ndata: ${JSON.stringify(sent)}\n\n: heartbeat\n\n`);
    for (const c of connections) c.res.write('event: alert\ndata: not json\n\n');
    await until(() => alerts.length === 1);
    // The raw JSON: lib/alerts parses it (and would refuse this one, which lacks most fields).
    expect(alerts).toEqual([sent]);
    // TCP may join the writes into fewer chunks: at least the one that carried the alert.
    expect(chunks).toBeGreaterThanOrEqual(1);
    expect(await db.activities.count()).toBe(0);
    background.abort();
    panel.abort();
    await Promise.all(runs);
  });

  it('backs off while the server is unreachable or refusing, and stops for good on 401', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'unavailable', message: 'restarting' } }));
      } else if (calls === 2) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
        res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'too many open streams' } }));
      } else {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'token revoked' } }));
      }
    };
    const waits: number[] = [];
    await runActivityStream({
      db,
      api: createApiClient({ baseUrl: base, token: 'lsk_stream_test_token_000000' }),
      signal: new AbortController().signal,
      random: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    // 2 s → 1 s with no jitter; then Retry-After's 30 s wins over the 2 s backoff; then 401 ends it.
    expect(waits).toEqual([1000, 30_000]);
    expect(calls).toBe(3);
  });
});
