import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { client } from '../support/http';
import { startCluster } from '../support/postgres';
import { startRemoteServer, type RemoteServer } from '../support/remote';
import { ratioOf, type Figure, type FigureContext, type Row } from '../support/result';
import { msOf, type ServerTime } from '../support/server-time';
import { round, roundAll, summarize } from '../support/stats';
import type { SeedSpec, Seeded } from './reports.server';

const SERVER_SIDE = join(import.meta.dirname, 'reports.server.ts');
const FIG = '9. Reports';
const REPS = 50;
const ROUNDS = 10;
const WARMUP = 1;
const ROUND_BUDGET_MS = 30_000;
/** The workspace of the issue: 50 reps, 20,000 contacts, 2 million activities. */
const FULL = { contacts: 20_000, activitiesPerContact: 100 };
/**
 * On PGlite 2 million rows take minutes to write (about 140 s here, most of the figure's time): the same workspace with
 * the same replies and meetings (2 a contact) but 1.8 million fewer page views, which neither report reads (the SLA
 * report reads replies and meetings from their own index, the funnel no activity at all).
 */
const PGLITE = { contacts: 20_000, activitiesPerContact: 10, exitsEvery: 10 };
/**
 * The growth series: 2k, 20k and 200k contacts with activities in proportion. At 100 a contact 200k contacts would be
 * 20 million activities, minutes to load on this machine; 10 a contact keeps the proportion (and the share of replies
 * and meetings) within the figure's time.
 */
const GROWTH = [2_000, 20_000, 200_000].map((contacts) => ({ contacts, activitiesPerContact: 10 }));
const TARGET_MS = { postgres: 300, pglite: 1000 };
/** "No worse than linear": a report over 10× the contacts may take at most 10× as long. */
const LINEAR = (contacts: number) => contacts / GROWTH[0]!.contacts;
const FUNNEL_QUERY = 'revenueGoal=1000000&averageDealSize=12000&rate=0.3';
const PATHS = { sla: '/v1/reports/sla', funnel: '/v1/reports/funnel' } as const;

export interface ReportTimes {
  sla: ReturnType<typeof summarize>;
  funnel: ReturnType<typeof summarize>;
  /** The limit: every contact of the workspace read raw (one select, rows mapped), in the server's process. */
  contactsRead: ReturnType<typeof summarize>;
  bytes: { sla: number; funnel: number };
}

/** GET each report up to ROUNDS times, interleaved, after a warm-up; server time from the server's own clock. */
export async function timeReports(server: RemoteServer, seeded: Seeded): Promise<ReportTimes> {
  const http = client(1);
  const headers = { authorization: `Bearer ${seeded.managerToken}` };
  const get = async (path: string) => {
    const answer = await http.request(`${server.url}${path}`, { headers });
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer;
  };
  try {
    const bytes = { sla: 0, funnel: 0 };
    for (let i = 0; i < WARMUP; i++) {
      bytes.sla = (await get(PATHS.sla)).raw.length;
      bytes.funnel = (await get(`${PATHS.funnel}?${FUNNEL_QUERY}`)).raw.length;
    }
    // Ten rounds, or fewer where one takes seconds (200k contacts), so a size stays within about 30 s.
    const first = performance.now();
    await get(PATHS.sla);
    await get(`${PATHS.funnel}?${FUNNEL_QUERY}`);
    const rounds = Math.max(3, Math.min(ROUNDS, Math.floor(ROUND_BUDGET_MS / (performance.now() - first))));
    await server.call(SERVER_SIDE, 'startTimer');
    for (let i = 0; i < rounds; i++) {
      await get(PATHS.sla);
      await get(`${PATHS.funnel}?${FUNNEL_QUERY}`);
    }
    const times = await server.call<ServerTime[]>(SERVER_SIDE, 'takeTimes');
    const contactsRead = await server.call<number[]>(SERVER_SIDE, 'timeContactsRead', { workspaceId: seeded.workspaceId, rounds });
    return { sla: summarize(msOf(times, PATHS.sla)), funnel: summarize(msOf(times, PATHS.funnel)), contactsRead: summarize(contactsRead), bytes };
  } finally {
    http.close();
  }
}

/** A server on its own database (PostgreSQL) or data folder (PGlite), seeded, timed, closed. */
async function measureOn(store: { databaseUrl: string } | { dataDir: string }, spec: SeedSpec, log: (m: string) => void): Promise<{ seeded: Seeded; times: ReportTimes }> {
  const server = await startRemoteServer({ store, limits: { perToken: 1e9, perIp: 1e9, perSiteKey: 1e9 } });
  try {
    log(`${server.kind}: seeding ${spec.contacts.toLocaleString('en-US')} contacts, ${(spec.contacts * spec.activitiesPerContact).toLocaleString('en-US')} activities`);
    const seeded = await server.call<Seeded>(SERVER_SIDE, 'seedWorkspace', spec);
    log(`${server.kind}: seeded in ${seeded.seconds.toFixed(1)} s; timing the reports`);
    return { seeded, times: await timeReports(server, seeded) };
  } finally {
    await server.close();
  }
}

const seedDetail = (seeded: Seeded, times: ReportTimes) => ({
  seedSeconds: round(seeded.seconds),
  rows: seeded.rows,
  serverMs: { sla: roundAll({ ...times.sla }), funnel: roundAll({ ...times.funnel }), contactsRead: roundAll({ ...times.contactsRead }) },
  bytes: times.bytes,
});

function headlineRows(store: 'PostgreSQL' | 'PGlite', times: ReportTimes, target: number, note: string): Row[] {
  return (['sla', 'funnel'] as const).map((report) => ({
    figure: FIG,
    measure: `${report === 'sla' ? 'SLA report' : 'funnel actuals'}, ${store}, 20k contacts: server time, median of ${times[report].n}`,
    value: times[report].p50,
    unit: 'ms',
    limit: times.contactsRead.p50,
    limitMeasure: 'every contact of the workspace read raw, median',
    ratio: ratioOf(times[report].p50, times.contactsRead.p50),
    target: `≤ ${target} ms`,
    met: times[report].p50 <= target,
    note: `${note}; p95 ${round(times[report].p95)} ms; ${Math.round(times.bytes[report] / 1024)} KB`,
  }));
}

/** A throwaway cluster for the figure, the instant its data is laid out back from, and its rows. */
async function begin(ctx: FigureContext) {
  const cluster = await startCluster();
  ctx.defer(() => cluster.stop());
  return { now: new Date().toISOString(), cluster, rows: [] as Row[] };
}

/**
 * 9. Reports: the SLA report and the funnel actuals (`GET /v1/reports/sla`, `/v1/reports/funnel`, last 30 days) for a
 * workspace of 50 reps, 20,000 contacts and 2 million activities, written in SQL (./reports.server.ts), the API in its
 * own process: server time, median of 10, on PostgreSQL and on PGlite (a lighter set there, see PGLITE); the limit beside each is every contact of the
 * workspace read raw in the same process. How the time grows with the workspace is ./reports.ts's `reportsGrowth`.
 */
export const reports: Figure = {
  id: 'reports',
  title: FIG,
  timeoutMs: 300_000,
  async run(ctx) {
    const { now, cluster, rows } = await begin(ctx);
    const details: Record<string, unknown> = { postgres: cluster.description, reps: REPS };

    const pg = await measureOn({ databaseUrl: await cluster.createDatabase('bench_reports') }, { ...FULL, reps: REPS, now }, ctx.log);
    rows.push(...headlineRows('PostgreSQL', pg.times, TARGET_MS.postgres, `2M activities seeded in ${round(pg.seeded.seconds)} s`));
    details.full = { postgres: seedDetail(pg.seeded, pg.times) };

    const dataDir = mkdtempSync(join(ctx.scratch, 'pglite-reports-'));
    ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
    const lite = await measureOn({ dataDir }, { ...PGLITE, reps: REPS, now }, ctx.log);
    rows.push(...headlineRows('PGlite', lite.times, TARGET_MS.pglite, `200k activities (the same 40k replies and meetings, fewer page views) seeded in ${round(lite.seeded.seconds)} s`));
    (details.full as Record<string, unknown>).pglite = seedDetail(lite.seeded, lite.times);

    return { rows, details };
  },
};

/**
 * 9. Reports, growth: the same two reports on PostgreSQL at 2k, 20k and 200k contacts (10 activities a contact, see
 * GROWTH); the limit of each size is the 2k time, the target no worse than linear. Its own figure so that each stays
 * within about three minutes.
 */
export const reportsGrowth: Figure = {
  id: 'reports-growth',
  title: `${FIG}, growth`,
  timeoutMs: 300_000,
  async run(ctx) {
    const { now, cluster, rows } = await begin(ctx);
    const growth: { contacts: number; seeded: Seeded; times: ReportTimes }[] = [];
    for (const size of GROWTH) {
      const run = await measureOn({ databaseUrl: await cluster.createDatabase(`bench_reports_${size.contacts}`) }, { ...size, reps: REPS, now }, ctx.log);
      growth.push({ contacts: size.contacts, ...run });
    }
    const base = growth[0]!;
    for (const report of ['sla', 'funnel'] as const) {
      rows.push({
        figure: FIG,
        measure: `${report === 'sla' ? 'SLA report' : 'funnel actuals'}, PostgreSQL, ${base.contacts / 1000}k contacts: server time, median`,
        value: base.times[report].p50,
        unit: 'ms',
        limit: null,
        limitMeasure: 'the growth rows’ limit',
        ratio: null,
        target: '',
        met: null,
        note: `${(base.contacts * 10).toLocaleString('en-US')} activities`,
      });
    }
    for (const point of growth.slice(1)) {
      for (const report of ['sla', 'funnel'] as const) {
        const ratio = ratioOf(point.times[report].p50, base.times[report].p50);
        const linear = LINEAR(point.contacts);
        rows.push({
          figure: FIG,
          measure: `${report === 'sla' ? 'SLA report' : 'funnel actuals'}, PostgreSQL, ${point.contacts / 1000}k contacts: server time, median`,
          value: point.times[report].p50,
          unit: 'ms',
          limit: base.times[report].p50,
          limitMeasure: `the same at ${base.contacts / 1000}k contacts`,
          ratio,
          target: `≤ ${linear}× (linear)`,
          met: ratio !== null && ratio <= linear,
          note: `${(point.contacts * 10).toLocaleString('en-US')} activities; contacts read raw ${round(point.times.contactsRead.p50)} ms (${round(base.times.contactsRead.p50)} ms at 2k)`,
        });
      }
    }
    const details = { postgres: cluster.description, reps: REPS, growth: Object.fromEntries(growth.map((g) => [g.contacts, seedDetail(g.seeded, g.times)])) };
    return { rows, details };
  },
};
