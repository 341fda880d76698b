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
 * 11. Sync pull cost against workspace size, on PostgreSQL with the API in its own process: one workspace grown from
 * 2k to 20k to 200k contacts (each with 3 visits; seeded with set-based inserts), while the measured rep owns the same
 * 200 contacts throughout. At each size, the server time (median) of a caught-up pull (no change) and of a pull after
 * one new visit on one of the rep's contacts (the full page path). The limit of each is the same pull at 2k: the
 * ratio is how much it grew.
 */
export const syncScale: Figure = {
  id: 'sync-scale',
  title: '11. Sync pull against workspace size',
  timeoutMs: 240_000,
  async run(ctx) {
    const cluster = await startCluster();
    ctx.defer(() => cluster.stop());
    const databaseUrl = await cluster.createDatabase('bench_sync_scale');
    const server = await startRemoteServer({ store: { databaseUrl }, limits: { perToken: 1e9, perIp: 1e9, perSiteKey: 1e9 } });
    ctx.defer(() => server.close());
    const ws = await server.call<ScaleWorkspace>(SERVER_SIDE, 'makeWorkspace', { repContacts: PLAN.repContacts, otherReps: PLAN.otherReps, activitiesEach: PLAN.activitiesEach });
    const http = client(1);
    ctx.defer(() => http.close());
    const headers = { authorization: `Bearer ${ws.token}`, origin: EXTENSION_ORIGIN };
    let cursor = '';
    const pull = async () => {
      const answer = await http.request(`${server.url}/v1/sync?limit=1000&cursor=${cursor}`, { headers });
      if (answer.status !== 200) throw new Error(`sync answered ${answer.status}: ${answer.body}`);
      const page = JSON.parse(answer.body) as { cursor: string; more: boolean; activities: unknown[] };
      cursor = page.cursor;
      return page;
    };
    const catchUp = async () => {
      for (let pages = 0; (await pull()).more; pages++) if (pages > 50) throw new Error('sync never ended');
    };

    const measured: { size: number; noChange: ReturnType<typeof summarize>; oneChange: ReturnType<typeof summarize>; seedSeconds: number }[] = [];
    let visits = 0;
    for (const size of PLAN.sizes) {
      ctx.log(`growing the workspace to ${size.toLocaleString('en-US')} contacts`);
      const seedStarted = performance.now();
      await server.call(SERVER_SIDE, 'growTo', { workspaceId: ws.workspaceId, total: size, others: ws.others, activitiesEach: PLAN.activitiesEach });
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      await catchUp();
      for (let i = 0; i < PULLS.noChangeWarmup; i++) await pull();

      await server.call(SERVER_SIDE, 'startTimer');
      for (let i = 0; i < PULLS.noChange; i++) if ((await pull()).activities.length !== 0) throw new Error('a caught-up pull found a change');
      const noChange = summarize(msOf(await server.call<ServerTime[]>(SERVER_SIDE, 'takeTimes'), '/v1/sync'));

      const changed: number[] = [];
      for (let i = 0; i < PULLS.oneChange + PULLS.oneChangeWarmup; i++) {
        await server.call(SERVER_SIDE, 'addVisit', { workspaceId: ws.workspaceId, contactId: ws.repContactIds[i % PLAN.repContacts], n: ++visits });
        await server.call(SERVER_SIDE, 'startTimer');
        const page = await pull();
        const times = msOf(await server.call<ServerTime[]>(SERVER_SIDE, 'takeTimes'), '/v1/sync');
        if (page.activities.length !== 1) throw new Error(`a one-change pull brought ${page.activities.length} activities`);
        if (i >= PULLS.oneChangeWarmup) changed.push(...times); // the first few warm the full path's code and plans
      }
      measured.push({ size, noChange, oneChange: summarize(changed), seedSeconds });
      ctx.log(`${size}: no change ${noChange.p50.toFixed(2)} ms, one change ${summarize(changed).p50.toFixed(2)} ms (seeded in ${seedSeconds.toFixed(1)} s)`);
    }

    const fig = '11. Sync against workspace size';
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
