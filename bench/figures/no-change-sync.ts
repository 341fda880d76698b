import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../../server/seed/demo';
import { startServer } from '../../server/serve';
import { client, wireBytes } from '../support/http';
import { benchLogger } from '../support/logger';
import { ratioOf, type Figure } from '../support/result';
import { serverTimer, msOf } from '../support/server-time';
import { roundAll, summarize } from '../support/stats';

/** The extension's origin as the server sees it (CORS answers it, so its headers are on the wire too). */
export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const ROUNDS = 200;
const WARMUP = 30;
const TARGET_BYTES = 300;
const TARGET_MS = 1;

/**
 * 3. No-change sync: a demo rep, caught up, pulls again. Bytes on the wire (status line, headers and body, as the
 * server writes them over HTTP/1.1; the headers beside /healthz's, the body beside 300 B) and server time (Node's own request → response-finished clock, see
 * ../support/server-time.ts), median of 200; the limit is `GET /healthz` in the same run, interleaved with the pulls.
 * The server runs in this process on PGlite (a temporary data folder, as `npm start` does).
 */
export const noChangeSync: Figure = {
  id: 'no-change-sync',
  title: '3. No-change sync',
  timeoutMs: 150_000,
  async run(ctx) {
    const dataDir = mkdtempSync(join(ctx.scratch, 'pglite-nochange-'));
    const timer = serverTimer();
    const server = await startServer({ port: 0, host: '127.0.0.1', store: { dataDir }, log: benchLogger, limits: { perToken: 1e6, perIp: 1e6 } });
    const http = client(1);
    try {
      ctx.log('seeding the demo workspace');
      const demo = await seedDemo(server.store.db, { now: new Date() });
      const rep = demo.credentials.find((c) => c.role === 'rep')!;
      const headers = { authorization: `Bearer ${rep.token}`, origin: EXTENSION_ORIGIN };
      let cursor = '';
      let pages = 0;
      for (;;) {
        const page = await http.request(`${server.url}/v1/sync?limit=1000&cursor=${cursor}`, { headers });
        if (page.status !== 200) throw new Error(`sync answered ${page.status}: ${page.body}`);
        const body = JSON.parse(page.body) as { cursor: string; more: boolean };
        cursor = body.cursor;
        if (!body.more || ++pages > 50) break;
      }
      const syncUrl = `${server.url}/v1/sync?cursor=${cursor}`;
      const healthUrl = `${server.url}/healthz`;
      const wire = await wireBytes(syncUrl, headers);
      const wireHealth = await wireBytes(healthUrl, { origin: EXTENSION_ORIGIN });
      if (!wire.bodyText.includes('"more":false') || !wire.bodyText.includes('"contacts":[]')) throw new Error(`not a no-change page: ${wire.bodyText}`);

      for (let i = 0; i < WARMUP; i++) {
        await http.request(syncUrl, { headers });
        await http.request(healthUrl, { headers: { origin: EXTENSION_ORIGIN } });
      }
      const rtt = { sync: [] as number[], health: [] as number[] };
      timer.start();
      for (let i = 0; i < ROUNDS; i++) {
        const a = await http.request(syncUrl, { headers });
        const b = await http.request(healthUrl, { headers: { origin: EXTENSION_ORIGIN } });
        if (a.status !== 200 || b.status !== 200) throw new Error(`answers ${a.status} / ${b.status}`);
        if (a.body !== wire.bodyText) throw new Error('a pull changed during the run');
        rtt.sync.push(a.ms);
        rtt.health.push(b.ms);
      }
      timer.stop();
      const times = timer.take();
      const sync = summarize(msOf(times, '/v1/sync'));
      const health = summarize(msOf(times, '/healthz'));
      const rttSync = summarize(rtt.sync);
      const rttHealth = summarize(rtt.health);
      const fig = '3. No-change sync';
      // Each answer's headers without its Content-Length digits: those say how long the body is, counted on its own row.
      const digits = (n: number) => String(n).length;
      const headBytes = { sync: wire.head - digits(wire.body), healthz: wireHealth.head - digits(wireHealth.body) };
      return {
        rows: [
          {
            figure: fig,
            measure: 'bytes on the wire (headers + body)',
            value: wire.total,
            unit: 'B',
            limit: wireHealth.total,
            limitMeasure: 'GET /healthz, same headers',
            ratio: ratioOf(wire.total, wireHealth.total),
            target: '',
            met: null,
            note: `body ${wire.body} B, headers ${wire.head} B`,
          },
          {
            figure: fig,
            measure: "headers (Content-Length's digits aside)",
            value: headBytes.sync,
            unit: 'B',
            limit: headBytes.healthz,
            limitMeasure: 'GET /healthz headers, same request headers',
            ratio: ratioOf(headBytes.sync, headBytes.healthz),
            target: "≤ /healthz's",
            met: headBytes.sync <= headBytes.healthz,
            note: 'the Content-Length value grows with the body, which the next row counts',
          },
          {
            figure: fig,
            measure: 'body bytes',
            value: wire.body,
            unit: 'B',
            limit: wireHealth.body,
            limitMeasure: 'GET /healthz body',
            ratio: ratioOf(wire.body, wireHealth.body),
            target: `≤ ${TARGET_BYTES} B`,
            met: wire.body <= TARGET_BYTES,
          },
          {
            figure: fig,
            measure: `server time, median of ${sync.n}`,
            value: sync.p50,
            unit: 'ms',
            limit: health.p50,
            limitMeasure: 'GET /healthz server time, median',
            ratio: ratioOf(sync.p50, health.p50),
            target: `≤ ${TARGET_MS} ms`,
            met: sync.p50 <= TARGET_MS,
            note: `p95 ${sync.p95.toFixed(2)} ms; round trip median ${rttSync.p50.toFixed(2)} ms (healthz ${rttHealth.p50.toFixed(2)} ms)`,
          },
        ],
        details: {
          store: 'PGlite (temporary data folder), server in the bench process',
          demoPagesToCatchUp: pages + 1,
          serverMs: { sync: roundAll({ ...sync }), healthz: roundAll({ ...health }) },
          roundTripMs: { sync: roundAll({ ...rttSync }), healthz: roundAll({ ...rttHealth }) },
          wire: { sync: { total: wire.total, head: wire.head, body: wire.body }, healthz: { total: wireHealth.total, head: wireHealth.head, body: wireHealth.body } },
          responseHead: wire.headText.replace(/\r\n/g, '\n'),
          responseBody: wire.bodyText,
        },
      };
    } finally {
      http.close();
      timer.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
