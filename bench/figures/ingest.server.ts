// Runs inside the API's process (../support/server-child.ts): the site to send to, the count, and the limit.
import { eq, sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { defaultWorkspaceSettings } from '../../lib/core/model/defaults';
import { createWorkspace } from '../../server/domain/admin';
import { silentLogger } from '../../server/http/logger';
import { localActivityBus } from '../../server/tracking/bus';
import { collect, findSite } from '../../server/tracking/collect';
import { visitorEvents, visitors, workspaces } from '../../server/store/schema';
import type { ChildServer } from '../support/server-child';
import { collectEvents, type EventSpec } from './ingest.events';

export const SITE_ORIGIN = 'https://www.bench-site.example';

/** A workspace whose website is SITE_ORIGIN, tracking under legitimate interest (the default mode). */
export async function makeSite(server: ChildServer): Promise<{ workspaceId: string; siteKey: string }> {
  const db = server.store.db;
  const settings = defaultWorkspaceSettings('UTC', ['bench-company.example']);
  const site = await createWorkspace(db, { name: 'Bench site' });
  await db
    .update(workspaces)
    .set({ settings: { ...settings, tracking: { ...settings.tracking, siteOrigins: [SITE_ORIGIN] } } })
    .where(eq(workspaces.id, site.id));
  return { workspaceId: site.id, siteKey: site.siteKey };
}

export async function countStored(server: ChildServer, args: { workspaceId: string; prefix: string }): Promise<{ events: number; visitors: number }> {
  const db = server.store.db;
  const [events] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(visitorEvents)
    .where(sql`${visitorEvents.workspaceId} = ${args.workspaceId} and ${visitorEvents.eventId} like ${`${args.prefix}%`}`);
  const [people] = await db.select({ n: sql<number>`count(*)::int` }).from(visitors).where(eq(visitors.workspaceId, args.workspaceId));
  return { events: events?.n ?? 0, visitors: people?.n ?? 0 };
}

/**
 * The limit: the same rows into the same tables, straight into the database with no HTTP, no validation and no ORM:
 * per batch one transaction with the visitor's upsert and one multi-row INSERT of its events, `concurrency` batches
 * in flight (on PGlite they queue on its one connection, as the route's do). Bounded in time and count.
 */
export async function rawInsert(
  server: ChildServer,
  args: { workspaceId: string; prefix: string; concurrency: number; durationMs: number; maxBatches: number; batchSize: number; workspaceLock?: boolean },
): Promise<{ events: number; batches: number; ms: number }> {
  const client = (server.store.db as unknown as { $client: PGlite | pg.Pool }).$client;
  const kind = server.store.kind;
  const columns = ['workspace_id', 'event_id', 'visitor_id', 'type', 'at', 'url', 'title', 'content_id', 'received_at'];
  const insertSql = (n: number) =>
    `insert into visitor_events (${columns.join(', ')}) values ${Array.from({ length: n }, (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ')}`;
  const upsertSql =
    'insert into visitors (workspace_id, visitor_id, first_seen, last_seen) values ($1, $2, $3, $4) on conflict (workspace_id, visitor_id) do update set last_seen = excluded.last_seen';
  const statement = insertSql(args.batchSize);
  // Diagnostic only: the same, also taking the workspace's advisory lock first, as every versioned write does.
  const lockSql = 'select pg_advisory_xact_lock(hashtext($1))';

  return sendBatches(server, args, async (w, i) => {
    const spec: EventSpec = { prefix: args.prefix, worker: w, batch: i, size: args.batchSize };
    const { visitorId, events } = collectEvents(spec, new Date());
    const now = new Date();
    const params = events.flatMap((e) => [args.workspaceId, e.id, visitorId, e.type, new Date(e.at), e.url, e.title ?? null, null, now]);
    const visitorParams = [args.workspaceId, visitorId, new Date(events[0]!.at), now];
    if (kind === 'postgres') {
      const conn = await (client as pg.Pool).connect();
      try {
        await conn.query('begin');
        if (args.workspaceLock) await conn.query(lockSql, [args.workspaceId]);
        await conn.query(upsertSql, visitorParams);
        await conn.query(statement, params);
        await conn.query('commit');
      } catch (err) {
        await conn.query('rollback');
        throw err;
      } finally {
        conn.release();
      }
    } else {
      await (client as PGlite).transaction(async (tx) => {
        if (args.workspaceLock) await tx.query(lockSql, [args.workspaceId]);
        await tx.query(upsertSql, visitorParams);
        await tx.query(statement, params);
      });
    }
  });
}

/**
 * Diagnostic: the route's own work without HTTP and without parsing the body: findSite, then collect() (the advisory
 * lock, the visitor's upsert, the events' insert through drizzle), same batches and concurrency.
 */
export async function domainCollect(
  server: ChildServer,
  args: { workspaceId: string; siteKey: string; prefix: string; concurrency: number; durationMs: number; maxBatches: number; batchSize: number },
): Promise<{ events: number; batches: number; ms: number }> {
  const deps = { db: server.store.db, activityBus: localActivityBus(silentLogger) };
  return sendBatches(server, args, async (w, i) => {
    const { visitorId, events } = collectEvents({ prefix: args.prefix, worker: w, batch: i, size: args.batchSize }, new Date());
    const site = await findSite(server.store.db, args.siteKey);
    if (!site) throw new Error('no site');
    await collect(deps, site, { siteKey: args.siteKey, visitorId, sentAt: new Date().toISOString(), events }, { globalPrivacyControl: false, now: new Date() });
  });
}

/**
 * `concurrency` senders each sending batch after batch (`send(sender, batchIndex)`) until `durationMs` has passed or
 * `maxBatches` have started in all; answers the events stored under `prefix`, the batches and the time taken.
 */
async function sendBatches(
  server: ChildServer,
  args: { workspaceId: string; prefix: string; concurrency: number; durationMs: number; maxBatches: number },
  send: (sender: number, batch: number) => Promise<void>,
): Promise<{ events: number; batches: number; ms: number }> {
  let batches = 0;
  const started = performance.now();
  const deadline = started + args.durationMs;
  const sender = async (w: number) => {
    for (let i = 0; performance.now() < deadline && batches < args.maxBatches; i++) {
      batches++;
      await send(w, i);
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, (_, w) => sender(w)));
  const ms = performance.now() - started;
  const stored = await countStored(server, { workspaceId: args.workspaceId, prefix: args.prefix });
  return { events: stored.events, batches, ms };
}
