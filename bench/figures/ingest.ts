import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectResult } from '../../lib/core/model/tracking';
import { client, closedLoop } from '../support/http';
import { startCluster } from '../support/postgres';
import { startRemoteServer, type RemoteServer } from '../support/remote';
import { ratioOf, type Figure, type FigureContext, type FigureOutcome, type Row } from '../support/result';
import { round, roundAll, summarize } from '../support/stats';
import { collectEvents } from './ingest.events';
import { SITE_ORIGIN } from './ingest.server';

const SERVER_SIDE = join(import.meta.dirname, 'ingest.server.ts');
const BATCH = 100;
const SENDERS = 8;
/** In all, for the route and for its limit each, in ROUNDS alternating rounds. */
const RUN_MS = 6_000;
const ROUNDS = 3;
const MAX_BATCHES = 4_000;
const BREAKDOWN_MS = 2_500;
const TARGETS = { pglite: 5_000, postgres: 10_000 } as const;
/** The rate limits out of the way: this measures the route, not its 429s (the default allows 6,000 batches a minute a site). */
const NO_LIMITS = { perToken: 1e9, perIp: 1e9, perSiteKey: 1e9 };

interface StoreRun {
  /** events/s of the diagnostic runs. */
  breakdown: { domainNoHttp: number; rawUnderWorkspaceLock: number };
  routeRate: number;
  limitRate: number;
  sent: number;
  accepted: number;
  storedByAnswers: number;
  counted: number;
  lost: number;
  statuses: Record<string, number>;
  latencyMs: ReturnType<typeof summarize>;
  limitEvents: number;
}

async function measure(ctx: FigureContext, server: RemoteServer): Promise<StoreRun> {
  const site = await server.call<{ workspaceId: string; siteKey: string }>(SERVER_SIDE, 'makeSite');
  const http = client(SENDERS);
  const post = (prefix: string, worker: number, batch: number) => {
    const { visitorId, events } = collectEvents({ prefix, worker, batch, size: BATCH }, new Date());
    return http.request(`${server.url}/v1/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SITE_ORIGIN },
      body: JSON.stringify({ siteKey: site.siteKey, visitorId, sentAt: new Date().toISOString(), events }),
    });
  };
  try {
    // Warm both paths (JIT, plans, connections) with rows counted apart.
    for (let i = 0; i < 20; i++) {
      const a = await post('warm', 0, i);
      if (a.status !== 200) throw new Error(`/v1/collect answered ${a.status}: ${a.body}`);
    }
    await server.call(SERVER_SIDE, 'rawInsert', { workspaceId: site.workspaceId, prefix: 'warmraw', concurrency: SENDERS, durationMs: 2_000, maxBatches: 20, batchSize: BATCH });

    ctx.log(`${server.kind}: ${SENDERS} senders, batches of ${BATCH}, ${ROUNDS} rounds of up to ${RUN_MS / ROUNDS / 1000} s through /v1/collect, each beside the limit`);
    const counters = new Array<number>(SENDERS).fill(0);
    let storedByAnswers = 0;
    const route = { ms: 0, requests: 0, latencies: [] as number[], statuses: {} as Record<string, number> };
    const limit = { events: 0, ms: 0 };
    // Rounds alternate which goes first, so a neighbour's load on a shared machine falls on the route and its limit alike.
    for (let r = 0; r < ROUNDS; r++) {
      const routeRound = async () => {
        const loop = await closedLoop({
          concurrency: SENDERS,
          durationMs: RUN_MS / ROUNDS,
          maxRequests: MAX_BATCHES / ROUNDS,
          next: async (worker) => {
            const answer = await post('route', worker, counters[worker]!++);
            if (answer.status === 200) storedByAnswers += (JSON.parse(answer.body) as CollectResult).stored;
            return answer;
          },
        });
        route.ms += loop.elapsedMs;
        route.requests += loop.requests;
        route.latencies.push(...loop.latencies);
        for (const [status, n] of Object.entries(loop.statuses)) route.statuses[status] = (route.statuses[status] ?? 0) + n;
      };
      // The limit: the same rows straight into the database.
      const limitRound = async () => {
        const raw = await server.call<{ events: number; ms: number }>(SERVER_SIDE, 'rawInsert', {
          workspaceId: site.workspaceId,
          prefix: `raw${r}_`,
          concurrency: SENDERS,
          durationMs: RUN_MS / ROUNDS,
          maxBatches: MAX_BATCHES / ROUNDS,
          batchSize: BATCH,
        });
        limit.events += raw.events;
        limit.ms += raw.ms;
      };
      for (const run of r % 2 === 0 ? [routeRound, limitRound] : [limitRound, routeRound]) await run();
    }
    const counted = await server.call<{ events: number }>(SERVER_SIDE, 'countStored', { workspaceId: site.workspaceId, prefix: 'route' });
    const accepted = (route.statuses['200'] ?? 0) * BATCH;

    // Where the route's time goes (shorter runs, details only): its domain code without HTTP, and the raw inserts
    // taking the workspace's advisory lock as every versioned write does.
    ctx.log(`${server.kind}: breakdown (collect() without HTTP; raw inserts under the workspace lock)`);
    const short = { workspaceId: site.workspaceId, concurrency: SENDERS, durationMs: BREAKDOWN_MS, maxBatches: MAX_BATCHES, batchSize: BATCH };
    const domain = await server.call<{ events: number; ms: number }>(SERVER_SIDE, 'domainCollect', { ...short, siteKey: site.siteKey, prefix: 'domain' });
    const locked = await server.call<{ events: number; ms: number }>(SERVER_SIDE, 'rawInsert', { ...short, prefix: 'locked', workspaceLock: true });
    return {
      breakdown: {
        domainNoHttp: round(domain.events / (domain.ms / 1000)),
        rawUnderWorkspaceLock: round(locked.events / (locked.ms / 1000)),
      },
      routeRate: counted.events / (route.ms / 1000),
      limitRate: limit.events / (limit.ms / 1000),
      sent: route.requests * BATCH,
      accepted,
      storedByAnswers,
      counted: counted.events,
      lost: accepted - counted.events,
      statuses: route.statuses,
      latencyMs: summarize(route.latencies),
      limitEvents: limit.events,
    };
  } finally {
    http.close();
  }
}

function rows(kind: 'pglite' | 'postgres', run: StoreRun): Row[] {
  const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const target = TARGETS[kind];
  const ratio = ratioOf(run.routeRate, run.limitRate);
  return [
    {
      figure: '4. Ingest',
      measure: `events/s through POST /v1/collect, ${name}`,
      value: run.routeRate,
      unit: 'events/s',
      limit: run.limitRate,
      limitMeasure: 'multi-row inserts, same rows and tables',
      ratio,
      target: `≥ ${target.toLocaleString('en-US')}/s and ≥ 0.5× limit`,
      met: run.routeRate >= target && ratio !== null && ratio >= 0.5,
      note: `${run.counted.toLocaleString('en-US')} stored of ${run.accepted.toLocaleString('en-US')} accepted (${run.lost} lost); answers ${JSON.stringify(run.statuses)}; batch p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms`,
    },
    {
      figure: '4. Ingest',
      measure: `events lost, ${name}`,
      value: run.lost,
      unit: 'events',
      limit: null,
      limitMeasure: `${run.counted.toLocaleString('en-US')} counted in the table`,
      ratio: null,
      target: '0',
      met: run.lost === 0 && run.storedByAnswers === run.counted,
    },
  ];
}

/**
 * 4. Ingest: website events through `POST /v1/collect` over HTTP (batches of 100 page views, 8 senders, t.js's
 * headers: text/plain and the site's Origin), with the API in its own process, on PGlite (a data folder) and on
 * PostgreSQL; then the rows counted. The limit: the same rows into the same tables from the server's own process,
 * one transaction a batch, same concurrency (./ingest.server.ts), in rounds alternating with the route's.
 */
export const ingest: Figure = {
  id: 'ingest',
  title: '4. Ingest',
  timeoutMs: 240_000,
  async run(ctx: FigureContext): Promise<FigureOutcome> {
    const details: Record<string, unknown> = {};
    const out: Row[] = [];

    const dataDir = mkdtempSync(join(ctx.scratch, 'pglite-ingest-'));
    ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
    const lite = await startRemoteServer({ store: { dataDir }, limits: NO_LIMITS });
    ctx.defer(() => lite.close());
    const liteRun = await measure(ctx, lite);
    await lite.close();
    out.push(...rows('pglite', liteRun));

    const cluster = await startCluster();
    ctx.defer(() => cluster.stop());
    const databaseUrl = await cluster.createDatabase('bench_ingest');
    const pgServer = await startRemoteServer({ store: { databaseUrl }, limits: NO_LIMITS });
    ctx.defer(() => pgServer.close());
    const pgRun = await measure(ctx, pgServer);
    await pgServer.close();
    out.push(...rows('postgres', pgRun));

    for (const [kind, run] of [['pglite', liteRun], ['postgres', pgRun]] as const) {
      details[kind] = { ...run, routeRate: round(run.routeRate), limitRate: round(run.limitRate), latencyMs: roundAll({ ...run.latencyMs }) };
    }
    details.postgres = { ...(details.postgres as object), server: cluster.description, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) };
    details.setup = { batch: BATCH, senders: SENDERS, runMs: RUN_MS, rounds: ROUNDS, maxBatches: MAX_BATCHES, pglite: 'a data folder (as npm start)', rateLimits: 'raised out of the way' };
    return { rows: out, details };
  },
};
