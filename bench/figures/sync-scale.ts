import { join } from 'node:path';
import { client } from '../support/http';
import { startCluster } from '../support/postgres';
import { startRemoteServer } from '../support/remote';
import { ratioOf, type Figure, type Row } from '../support/result';
import { msOf, type ServerTime } from '../support/server-time';
import { roundAll, summarize } from '../support/stats';
import { EXTENSION_ORIGIN } from './no-change-sync';
import type { ScaleWorkspace } from './sync-scale.server';

const SERVER_SIDE = join(import.meta.dirname, 'sync-scale.server.ts');
/** The workspace's sizes; the measured rep owns `repContacts` at each (the scope held equal, only the workspace grows). */
const PLAN = { sizes: [2_000, 20_000, 200_000], repContacts: 200, otherReps: 49, activitiesEach: 3 };
/** Pulls measured at each size, after warm-up ones (the first size also warms the server's code). */
const PULLS = { noChange: 200, noChangeWarmup: 100, oneChange: 40, oneChangeWarmup: 10 };
/** Each size's pull may take at most this many times the smallest's. */
const TARGET_GROWTH = 1.5;

/**
 * 5b. Sync pull cost against workspace size, on PostgreSQL with the API in its own process: workspaces of 2k, 20k and
 * 200k contacts in one database (each contact with 3 visits; seeded with set-based inserts), the measured rep of each
 * owning the same 200 contacts. For each size, the server time (median) of a caught-up pull (no change) and of a pull
 * after one new visit on one of the rep's contacts (the full page path), the sizes taking turns. The limit of each is
 * the same pull at 2k: the ratio is how much it grew.
 */
export const syncScale: Figure = {
  id: 'sync-scale',
  title: '5b. Sync pull against workspace size',
  timeoutMs: 240_000,
  async run(ctx) {
    const cluster = await startCluster();
    ctx.defer(() => cluster.stop());
    const databaseUrl = await cluster.createDatabase('bench_sync_scale');
    const server = await startRemoteServer({ store: { databaseUrl }, limits: { perToken: 1e9, perIp: 1e9, perSiteKey: 1e9 } });
    ctx.defer(() => server.close());
    const http = client(1);
    ctx.defer(() => http.close());
    // One workspace of each size in the one database, so that the pulls can take turns: whatever else the machine
    // does then weighs on every size alike.
    const spaces: (ScaleWorkspace & { size: number; cursor: string; seedSeconds: number })[] = [];
    for (const size of PLAN.sizes) {
      ctx.log(`seeding a workspace of ${size.toLocaleString('en-US')} contacts`);
      const started = performance.now();
      const ws = await server.call<ScaleWorkspace>(SERVER_SIDE, 'makeWorkspace', { tag: `scale${size}`, repContacts: PLAN.repContacts, otherReps: PLAN.otherReps, activitiesEach: PLAN.activitiesEach });
      await server.call(SERVER_SIDE, 'growTo', { workspaceId: ws.workspaceId, total: size, others: ws.others, activitiesEach: PLAN.activitiesEach });
      spaces.push({ ...ws, size, cursor: '', seedSeconds: (performance.now() - started) / 1000 });
    }
    const pull = async (ws: (typeof spaces)[number]) => {
      const answer = await http.request(`${server.url}/v1/sync?limit=1000&cursor=${ws.cursor}`, { headers: { authorization: `Bearer ${ws.token}`, origin: EXTENSION_ORIGIN } });
      if (answer.status !== 200) throw new Error(`sync answered ${answer.status}: ${answer.body}`);
      const page = JSON.parse(answer.body) as { cursor: string; more: boolean; activities: unknown[] };
      ws.cursor = page.cursor;
      return page;
    };
    for (const ws of spaces) for (let pages = 0; (await pull(ws)).more; pages++) if (pages > 50) throw new Error('sync never ended');

    /** Server times of `rounds` turns, each one pull of every size after `before` (unmeasured, not HTTP); warm-ups dropped. */
    const turns = async (rounds: number, warmup: number, before: (ws: (typeof spaces)[number], round: number) => Promise<unknown>, check: (activities: number) => boolean) => {
      const times = spaces.map(() => [] as number[]);
      for (let round = 0; round < warmup + rounds; round++) {
        for (const [i, ws] of spaces.entries()) {
          await before(ws, round);
          await server.call(SERVER_SIDE, 'startTimer');
          const page = await pull(ws);
          const ms = msOf(await server.call<ServerTime[]>(SERVER_SIDE, 'takeTimes'), '/v1/sync');
          if (!check(page.activities.length)) throw new Error(`a pull at ${ws.size} brought ${page.activities.length} activities`);
          if (round >= warmup) times[i]!.push(...ms);
        }
      }
      return times.map((t) => summarize(t));
    };
    ctx.log('caught-up pulls, the sizes taking turns');
    const noChange = await turns(PULLS.noChange, PULLS.noChangeWarmup, async () => null, (n) => n === 0);
    ctx.log('one-change pulls, the sizes taking turns');
    const oneChange = await turns(
      PULLS.oneChange,
      PULLS.oneChangeWarmup,
      (ws, round) => server.call(SERVER_SIDE, 'addVisit', { workspaceId: ws.workspaceId, contactId: ws.repContactIds[round % PLAN.repContacts], n: `${ws.size}_${round}` }),
      (n) => n === 1,
    );
    const measured = spaces.map((ws, i) => ({ size: ws.size, seedSeconds: ws.seedSeconds, noChange: noChange[i]!, oneChange: oneChange[i]! }));
    for (const m of measured) ctx.log(`${m.size}: no change ${m.noChange.p50.toFixed(2)} ms, one change ${m.oneChange.p50.toFixed(2)} ms (seeded in ${m.seedSeconds.toFixed(1)} s)`);

    const fig = '5b. Sync against workspace size';
    const base = measured[0]!;
    const rows: Row[] = measured.flatMap(({ size, noChange, oneChange }) => {
      const first = size === base.size;
      const row = (what: string, value: number, limit: number): Row => ({
        figure: fig,
        measure: `${what} pull, ${size.toLocaleString('en-US')} contacts, server time median`,
        value,
        unit: 'ms',
        limit,
        limitMeasure: `the same pull at ${base.size.toLocaleString('en-US')} contacts`,
        ratio: ratioOf(value, limit),
        target: first ? '' : `≤ ${TARGET_GROWTH}× the ${base.size.toLocaleString('en-US')} pull`,
        met: first ? null : value <= TARGET_GROWTH * limit,
      });
      return [row('no-change', noChange.p50, base.noChange.p50), row('one-change', oneChange.p50, base.oneChange.p50)];
    });
    return {
      rows,
      details: {
        database: cluster.description,
        repContacts: PLAN.repContacts,
        otherReps: PLAN.otherReps,
        activitiesEachContact: PLAN.activitiesEach,
        sizes: measured.map((m) => ({ contacts: m.size, seedSeconds: Math.round(m.seedSeconds * 10) / 10, noChangeMs: roundAll({ ...m.noChange }), oneChangeMs: roundAll({ ...m.oneChange }) })),
      },
    };
  },
};
