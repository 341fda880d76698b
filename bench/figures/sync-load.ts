import { cpus } from 'node:os';
import { join } from 'node:path';
import { client, closedLoop, pacedLoop, type Answer, type LoopResult } from '../support/http';
import { startCluster } from '../support/postgres';
import { startRemoteServer } from '../support/remote';
import { ratioOf, type Figure, type Row } from '../support/result';
import { msOf, type ServerTime } from '../support/server-time';
import { round, roundAll, summarize } from '../support/stats';
import { EXTENSION_ORIGIN } from './no-change-sync';

const SERVER_SIDE = join(import.meta.dirname, 'sync-load.server.ts');
const REPS = 200;
const CLOSED_MS = 8_000;
const PACED_MS = 10_000;
/** In the paced run each rep pulls every 5 s: twelve times the background's once-a-minute alarm. */
const PACED_PERIOD_MS = 5_000;
const MAX_REQUESTS = 100_000;
const TARGET_P99_MS = 100;
/** Of /healthz's rate in the same closed loop. */
const TARGET_SHARE = 0.25;
/** The second set of rows: the same closed loop spread over this many API processes on the one PostgreSQL. */
const PROCESSES = 4;

function describe(loop: LoopResult) {
  return { ...roundAll({ ...summarize(loop.latencies) }), requests: loop.requests, answeredPerSecond: round(loop.latencies.length / (loop.elapsedMs / 1000)), statuses: loop.statuses };
}

/**
 * 5. Sync under load, on PostgreSQL with the API in its own process (rate limits raised): 200 reps, each with its own
 * token and 3 contacts, pull `/v1/sync` carrying the cursor their last pull returned.
 * - Closed loop (the figure as specified): each rep sends its next pull as soon as the last is answered, for 8 s. This
 *   saturates the machine, so latency there is 200 / throughput (Little's law); CPU per pull is measured to say why.
 * - Paced: each rep pulls every 5 s on its own clock (40 pulls/s offered), for 10 s: latency under a heavy but
 *   sustainable load.
 * - Spread: the closed loop again with the reps spread over 4 API processes on the same PostgreSQL (each rep keeps
 *   one process, as a load balancer with sticky connections would), beside the one process (docs/scaling.md).
 * The limit of each: the same loop, same 200 connections, against `/healthz`.
 */
export const syncLoad: Figure = {
  id: 'sync-load',
  title: '5. Sync under load',
  timeoutMs: 240_000,
  async run(ctx) {
    const cluster = await startCluster();
    ctx.defer(() => cluster.stop());
    const databaseUrl = await cluster.createDatabase('bench_sync_load');
    const server = await startRemoteServer({ store: { databaseUrl }, limits: { perToken: 1e9, perIp: 1e9, perSiteKey: 1e9 } });
    ctx.defer(() => server.close());
    ctx.log(`making ${REPS} reps with 3 contacts each`);
    const { tokens } = await server.call<{ tokens: string[] }>(SERVER_SIDE, 'makeReps', { reps: REPS, contactsEach: 3, activitiesEach: 10 });

    const http = client(REPS);
    ctx.defer(() => http.close());
    const cursors = tokens.map(() => '');
    const pull = async (rep: number, url = server.url): Promise<Answer> => {
      const answer = await http.request(`${url}/v1/sync?cursor=${cursors[rep]}`, { headers: { authorization: `Bearer ${tokens[rep]}`, origin: EXTENSION_ORIGIN } });
      if (answer.status === 200) cursors[rep] = (JSON.parse(answer.body) as { cursor: string }).cursor;
      return answer;
    };
    const health = () => http.request(`${server.url}/healthz`, { headers: { origin: EXTENSION_ORIGIN } });
    // Warm: every rep's first (full) sync, then a short unmeasured loop: connections open, code hot.
    await Promise.all(tokens.map((_, i) => pull(i)));
    await closedLoop({ concurrency: REPS, durationMs: 1_500, maxRequests: MAX_REQUESTS, next: (w) => pull(w) });

    ctx.log(`closed loop: ${REPS} reps pulling back to back for ${CLOSED_MS / 1000} s`);
    await server.call(SERVER_SIDE, 'startTimer');
    const cpu0 = { server: await server.cpuSeconds(), pg: cluster.cpuSeconds(), client: process.cpuUsage() };
    const closed = await closedLoop({ concurrency: REPS, durationMs: CLOSED_MS, maxRequests: MAX_REQUESTS, next: (w) => pull(w) });
    const clientCpu = process.cpuUsage(cpu0.client);
    const cpu = {
      server: (await server.cpuSeconds()) - cpu0.server,
      pg: cpu0.pg === null ? null : cluster.cpuSeconds()! - cpu0.pg,
      client: (clientCpu.user + clientCpu.system) / 1e6,
    };
    const times = await server.call<ServerTime[]>(SERVER_SIDE, 'takeTimes');
    ctx.log('closed loop against /healthz');
    const closedHealth = await closedLoop({ concurrency: REPS, durationMs: CLOSED_MS, maxRequests: MAX_REQUESTS, next: () => health() });

    ctx.log(`closed loop again, the reps spread over ${PROCESSES} API processes on the same PostgreSQL`);
    const more = await Promise.all(Array.from({ length: PROCESSES - 1 }, () => startRemoteServer({ store: { databaseUrl }, limits: { perToken: 1e9, perIp: 1e9, perSiteKey: 1e9 } })));
    for (const s of more) ctx.defer(() => s.close());
    const urls = [server.url, ...more.map((s) => s.url)];
    const pullVia = (rep: number) => pull(rep, urls[rep % urls.length]!);
    await closedLoop({ concurrency: REPS, durationMs: 1_500, maxRequests: MAX_REQUESTS, next: (w) => pullVia(w) });
    const spread = await closedLoop({ concurrency: REPS, durationMs: CLOSED_MS, maxRequests: MAX_REQUESTS, next: (w) => pullVia(w) });
    await Promise.all(more.map((s) => s.close()));

    ctx.log(`paced: each rep pulls every ${PACED_PERIOD_MS / 1000} s for ${PACED_MS / 1000} s, then /healthz alike`);
    const paced = await pacedLoop({ clients: REPS, periodMs: PACED_PERIOD_MS, durationMs: PACED_MS, send: pull });
    const pacedHealth = await pacedLoop({ clients: REPS, periodMs: PACED_PERIOD_MS, durationMs: PACED_MS, send: () => health() });

    const c = summarize(closed.latencies);
    const ch = summarize(closedHealth.latencies);
    const p = summarize(paced.latencies);
    const ph = summarize(pacedHealth.latencies);
    const closedRate = closed.latencies.length / (closed.elapsedMs / 1000);
    const s4 = summarize(spread.latencies);
    const spreadRate = spread.latencies.length / (spread.elapsedMs / 1000);
    const healthRate = closedHealth.latencies.length / (closedHealth.elapsedMs / 1000);
    const serverSync = summarize(msOf(times, '/v1/sync'));
    const perPull = (seconds: number | null) => (seconds === null ? null : (seconds * 1000) / Math.max(1, closed.requests));
    const cpuPerPull = { serverMs: perPull(cpu.server), postgresMs: perPull(cpu.pg), loadGeneratorMs: perPull(cpu.client) };
    const failed = (l: LoopResult) => l.requests - l.latencies.length;
    const fig = '5. Sync under load';
    const rows: Row[] = [
      {
        figure: fig,
        measure: `p50, ${REPS} reps back to back (closed loop)`,
        value: c.p50,
        unit: 'ms',
        limit: ch.p50,
        limitMeasure: 'same loop on /healthz',
        ratio: ratioOf(c.p50, ch.p50),
        target: '',
        met: null,
      },
      {
        figure: fig,
        measure: `p99, ${REPS} reps back to back (closed loop)`,
        value: c.p99,
        unit: 'ms',
        limit: ch.p99,
        limitMeasure: 'same loop on /healthz',
        ratio: ratioOf(c.p99, ch.p99),
        target: `< ${TARGET_P99_MS} ms`,
        met: c.p99 < TARGET_P99_MS && failed(closed) === 0,
        note: `${Math.round(closedRate)} pulls/s answered (healthz ${Math.round(healthRate)}/s); CPU a pull: server ${cpuPerPull.serverMs?.toFixed(1)} ms, PostgreSQL ${cpuPerPull.postgresMs?.toFixed(1) ?? '?'} ms; ${failed(closed)} not 2xx`,
      },
      {
        figure: fig,
        measure: 'pulls answered a second (closed loop)',
        value: closedRate,
        unit: 'req/s',
        limit: healthRate,
        limitMeasure: 'same loop on /healthz',
        ratio: ratioOf(closedRate, healthRate),
        target: `≥ ${TARGET_SHARE * 100}% of /healthz`,
        met: closedRate >= TARGET_SHARE * healthRate,
      },
      {
        figure: fig,
        measure: `pulls answered a second, ${PROCESSES} API processes (closed loop)`,
        value: spreadRate,
        unit: 'req/s',
        limit: closedRate,
        limitMeasure: 'the same loop on 1 process',
        ratio: ratioOf(spreadRate, closedRate),
        target: '',
        met: null,
        note: `on ${cpus().length} cores; ${failed(spread)} not 2xx`,
      },
      {
        figure: fig,
        measure: `p99, ${PROCESSES} API processes (closed loop)`,
        value: s4.p99,
        unit: 'ms',
        limit: c.p99,
        limitMeasure: 'the same loop on 1 process',
        ratio: ratioOf(s4.p99, c.p99),
        target: '',
        met: null,
      },
      {
        figure: fig,
        measure: `p50, ${REPS} reps each pulling every ${PACED_PERIOD_MS / 1000} s`,
        value: p.p50,
        unit: 'ms',
        limit: ph.p50,
        limitMeasure: 'same pacing on /healthz',
        ratio: ratioOf(p.p50, ph.p50),
        target: '',
        met: null,
      },
      {
        figure: fig,
        measure: `p99, ${REPS} reps each pulling every ${PACED_PERIOD_MS / 1000} s`,
        value: p.p99,
        unit: 'ms',
        limit: ph.p99,
        limitMeasure: 'same pacing on /healthz',
        ratio: ratioOf(p.p99, ph.p99),
        target: `< ${TARGET_P99_MS} ms`,
        met: p.p99 < TARGET_P99_MS && failed(paced) === 0,
        note: `${paced.requests} pulls, ${paced.skipped} turns skipped (the rep's last pull still running)`,
      },
    ];
    return {
      rows,
      details: {
        database: cluster.description,
        poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        reps: REPS,
        contactsEach: 3,
        closed: { sync: describe(closed), healthz: describe(closedHealth), serverTimeMs: roundAll({ ...serverSync }) },
        processes: { count: PROCESSES, sync: describe(spread) },
        cpuSecondsDuringClosedSync: { server: round(cpu.server), postgres: cpu.pg === null ? null : round(cpu.pg), loadGenerator: round(cpu.client), wallSeconds: round(closed.elapsedMs / 1000) },
        cpuMsPerPull: Object.fromEntries(Object.entries(cpuPerPull).map(([k, v]) => [k, v === null ? null : round(v)])),
        paced: { periodMs: PACED_PERIOD_MS, sync: { ...describe(paced), skipped: paced.skipped }, healthz: { ...describe(pacedHealth), skipped: pacedHealth.skipped } },
      },
    };
  },
};
