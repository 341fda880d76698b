import pg from 'pg';
import { openStore } from '../../server/store/db';
import { startCluster } from '../support/postgres';
import { ratioOf, type Figure, type FigureContext, type FigureOutcome, type Row } from '../support/result';
import { round } from '../support/stats';
import { collectEvents } from './ingest.events';

/**
 * Batches of 100 from 8 connections, as the ingest figure sends; rounds alternate between the two tables, so a
 * neighbour's load on a shared machine falls on both alike; both tables first hold the same older days' events, so
 * their indexes are not empty.
 */
const SETUP = { batch: 100, senders: 8, rounds: 4, roundMs: 2_500, prefill: 400_000, prefillDays: 14 } as const;
const { batch: BATCH, senders: SENDERS, rounds: ROUNDS, roundMs: ROUND_MS, prefill: PREFILL, prefillDays: PREFILL_DAYS } = SETUP;
const TARGET_RATIO = 0.8;

const COLUMNS = ['workspace_id', 'event_id', 'visitor_id', 'type', 'at', 'url', 'title', 'content_id', 'received_at'];
const TODAY = 'visitor_events';
const BY_DAY = 'visitor_events_by_day';

/** A day's partition name and its bounds (UTC), `daysAgo` days before `now` (negative: ahead). */
function dayPartition(now: Date, daysAgo: number): { name: string; from: string; to: string } {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * 86_400_000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { name: `${BY_DAY}_${iso(start).replaceAll('-', '')}`, from: iso(start), to: iso(start + 86_400_000) };
}

/**
 * The partitioned twin of visitor_events, only in this bench's database: the same columns and indexes, by range of
 * the event's `at`, one partition a day. PostgreSQL wants the partition key in every unique index, so its primary key
 * is (workspace_id, event_id, at): the one difference, and the one that matters for dedupe (docs/scaling.md).
 */
async function createByDay(client: pg.Client, now: Date): Promise<void> {
  await client.query(`create table ${BY_DAY} (like ${TODAY} including defaults) partition by range (at)`);
  await client.query(`alter table ${BY_DAY} add primary key (workspace_id, event_id, at)`);
  await client.query(`create index ${BY_DAY}_visitor on ${BY_DAY} (workspace_id, visitor_id, at)`);
  await client.query(`create index ${BY_DAY}_received on ${BY_DAY} (received_at)`);
  for (let d = PREFILL_DAYS; d >= -1; d--) {
    const p = dayPartition(now, d);
    await client.query(`create table ${p.name} partition of ${BY_DAY} for values from ('${p.from}') to ('${p.to}')`);
  }
}

/** The same older rows into a table, server-side (generate_series): PREFILL / PREFILL_DAYS in each of the days before today. */
async function prefill(client: pg.Client, table: string, workspaceId: string, now: Date): Promise<void> {
  await client.query(
    `insert into ${table} (${COLUMNS.join(', ')})
     select $1, 'old' || g, 'old' || (g % 5000), 'page_view', t, 'https://www.bench-site.example/page/' || (g % 40), 'Bench site', null, t
     from generate_series(0, $2::int - 1) g,
       lateral (select $3::timestamptz - (1 + g % $4::int) * interval '1 day' + ((g / $4::int) % 86400) * interval '1 second' as t) x`,
    [workspaceId, PREFILL, dayPartition(now, 0).from, PREFILL_DAYS],
  );
  await client.query(`analyze ${table}`);
}

/** `SENDERS` connections, each sending one multi-row INSERT of a batch after another for `ms`: events stored. */
async function insertFor(pool: pg.Pool, table: string, workspaceId: string, prefix: string, ms: number): Promise<{ events: number; ms: number }> {
  const statement = `insert into ${table} (${COLUMNS.join(', ')}) values ${Array.from({ length: BATCH }, (_, r) => `(${COLUMNS.map((_, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`).join(', ')}`;
  let events = 0;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const now = new Date();
        const { visitorId, events: batch } = collectEvents({ prefix, worker: w, batch: i, size: BATCH }, now);
        await pool.query(statement, batch.flatMap((e) => [workspaceId, e.id, visitorId, e.type, new Date(e.at), e.url, e.title ?? null, null, now]));
        events += batch.length;
      }
    }),
  );
  return { events, ms: performance.now() - started };
}

/** Removing one day of events: a DELETE of its rows from today's table, beside dropping that day's partition. */
async function dropOneDay(client: pg.Client, now: Date): Promise<{ deleteMs: number; dropMs: number; rows: number }> {
  const day = dayPartition(now, PREFILL_DAYS);
  let t = performance.now();
  const deleted = await client.query(`delete from ${TODAY} where at >= $1 and at < $2`, [day.from, day.to]);
  const deleteMs = performance.now() - t;
  t = performance.now();
  await client.query(`alter table ${BY_DAY} detach partition ${day.name}`);
  await client.query(`drop table ${day.name}`);
  return { deleteMs, dropMs: performance.now() - t, rows: deleted.rowCount ?? 0 };
}

/**
 * Whether a replayed event (same id, its time moved by another clock skew) is still stored once: the unique key of a
 * partitioned table has to hold `at`, so by event id alone it no longer dedupes.
 */
async function replayStoredOnce(client: pg.Client, table: string, workspaceId: string, now: Date): Promise<boolean> {
  for (const skewMs of [0, 1_500]) {
    await client.query(
      `insert into ${table} (${COLUMNS.join(', ')}) values ($1, 'replayed', 'v', 'page_view', $2, 'https://www.bench-site.example/', null, null, $3) on conflict do nothing`,
      [workspaceId, new Date(now.getTime() - 60_000 + skewMs), now],
    );
  }
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${table} where workspace_id = $1 and event_id = 'replayed'`, [workspaceId]);
  return rows[0]!.n === 1;
}

/**
 * 4b. Ingest into a time-partitioned event table: the website events' raw multi-row inserts (batches of 100, 8
 * connections) into today's visitor_events beside a twin partitioned by day on the event time, on PostgreSQL, both
 * holding the same 400k older rows; rounds alternate. Then one day's events removed from each (retention): a DELETE
 * beside dropping the day's partition. Informs docs/scaling.md; the product's schema is unchanged.
 */
export const ingestPartitioned: Figure = {
  id: 'ingest-partitioned',
  title: '4b. Ingest, partitioned event table',
  timeoutMs: 180_000,
  async run(ctx: FigureContext): Promise<FigureOutcome> {
    const cluster = await startCluster();
    ctx.defer(() => cluster.stop());
    const url = await cluster.createDatabase('bench_partitioned');
    // Today's table exactly as the product makes it: the committed migrations.
    const store = await openStore({ databaseUrl: url });
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    ctx.defer(() => client.end());
    // Day bounds are UTC dates: read them so whatever the cluster's time zone.
    await client.query("set time zone 'UTC'");
    const pool = new pg.Pool({ connectionString: url, max: SENDERS });
    ctx.defer(() => pool.end());

    const now = new Date();
    const workspaceId = 'ws_bench_partitioned';
    await createByDay(client, now);
    ctx.log(`prefill: ${PREFILL.toLocaleString('en-US')} older rows into each table`);
    for (const table of [TODAY, BY_DAY]) await prefill(client, table, workspaceId, now);

    ctx.log(`${ROUNDS} rounds of ${ROUND_MS / 1000} s each, alternating the tables`);
    const totals: Record<string, { events: number; ms: number }> = { [TODAY]: { events: 0, ms: 0 }, [BY_DAY]: { events: 0, ms: 0 } };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [TODAY, BY_DAY] : [BY_DAY, TODAY];
      for (const table of order) {
        const run = await insertFor(pool, table, workspaceId, `r${r}_`, ROUND_MS);
        totals[table]!.events += run.events;
        totals[table]!.ms += run.ms;
      }
    }
    const rate = (t: { events: number; ms: number }) => t.events / (t.ms / 1000);
    const plain = rate(totals[TODAY]!);
    const partitioned = rate(totals[BY_DAY]!);
    const counts = await client.query<{ a: number; b: number }>(`select (select count(*) from ${TODAY})::int as a, (select count(*) from ${BY_DAY})::int as b`);
    ctx.log('retention: one day of events removed from each');
    const drop = await dropOneDay(client, now);
    const replayOnce = { unpartitioned: await replayStoredOnce(client, TODAY, workspaceId, now), partitioned: await replayStoredOnce(client, BY_DAY, workspaceId, now) };

    const ratio = ratioOf(partitioned, plain);
    const rows: Row[] = [
      {
        figure: '4b. Ingest, partitioned',
        measure: 'events/s, multi-row inserts into visitor_events partitioned by day (PostgreSQL)',
        value: partitioned,
        unit: 'events/s',
        limit: plain,
        limitMeasure: "the same inserts into today's visitor_events",
        ratio,
        target: `≥ ${TARGET_RATIO}× limit`,
        met: ratio !== null && ratio >= TARGET_RATIO,
        note: `a replayed event is stored once: ${replayOnce.unpartitioned ? 'yes' : 'no'} unpartitioned, ${replayOnce.partitioned ? 'yes' : 'no'} partitioned (its key holds at); both tables held ${PREFILL.toLocaleString('en-US')} older rows; ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s; ${counts.rows[0]!.a.toLocaleString('en-US')} and ${counts.rows[0]!.b.toLocaleString('en-US')} rows at the end`,
      },
      {
        figure: '4b. Ingest, partitioned',
        measure: `retention: one day (${drop.rows.toLocaleString('en-US')} events) dropped as a partition`,
        value: drop.dropMs,
        unit: 'ms',
        limit: drop.deleteMs,
        limitMeasure: "DELETE of the same day from today's visitor_events",
        ratio: ratioOf(drop.dropMs, drop.deleteMs),
        target: '',
        met: null,
      },
    ];
    return {
      rows,
      details: {
        server: cluster.description,
        eventsPerSecond: { unpartitioned: round(plain), partitioned: round(partitioned) },
        totals,
        replayedEventStoredOnce: replayOnce,
        retention: { rows: drop.rows, deleteMs: round(drop.deleteMs), dropPartitionMs: round(drop.dropMs) },
        setup: { ...SETUP, partitions: 'one a day, by range of at' },
      },
    };
  },
};
