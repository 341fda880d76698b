import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../server/domain/admin';
import { syncHead } from '../../server/domain/sync/caught-up';
import type { Db } from '../../server/store/db';
import { STORE_KINDS, databaseBefore, startTestServer } from './harness';

describe.each(STORE_KINDS)('the sync_heads migration on %s', (kind) => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
  });

  it("gives each workspace already there the newest version of its synced rows as its head, and keeps it from then on", async () => {
    const ids: string[] = [];
    const fill = async (db: Db) => {
      for (const name of ['Busy', 'Quiet']) ids.push((await createWorkspace(db, { name })).id);
      // In SQL: rows as they were then (today's schema may have columns that database does not).
      await db.execute(sql`insert into users (id, workspace_id, email, name, role) values ('u_busy', ${ids[0]}, 'rep@busy.example', 'Rep', 'rep')`);
      await db.execute(sql`insert into contacts (id, workspace_id, email, stage, owner_id, created_at, updated_at) values ('c_busy', ${ids[0]}, 'lead@x.example', 'lead', 'u_busy', now(), now())`);
      await db.execute(sql`insert into scope_entries (user_id, contact_id) values ('u_busy', 'c_busy')`);
      await db.execute(sql`insert into activities (id, workspace_id, contact_id, type, at, trust_label, trust_reason) values ('a_busy', ${ids[0]}, 'c_busy', 'page_view', now(), 'human', 'a person')`);
    };
    const before = await databaseBefore(kind, '0019_sync_heads', fill);
    cleanups.push(before.cleanup);

    const server = await startTestServer(kind, before.store);
    try {
      const db = server.store.db;
      const newest = async (ws: string) => {
        const result = (await db.execute(sql`select greatest(
          (select version from workspaces where id = ${ws}),
          (select max(version) from contacts where workspace_id = ${ws}),
          (select max(version) from activities where workspace_id = ${ws}),
          (select max(e.version) from scope_entries e join contacts c on c.id = e.contact_id where c.workspace_id = ${ws})) as v`)) as unknown as { rows: { v: string }[] };
        return Number(result.rows[0]!.v);
      };
      for (const ws of ids) expect(await syncHead(db, ws)).toBe(await newest(ws));
      await db.execute(sql`insert into activities (id, workspace_id, contact_id, type, at, trust_label, trust_reason) values ('a_busy2', ${ids[0]}, 'c_busy', 'page_view', now(), 'human', 'a person')`);
      expect(await syncHead(db, ids[0]!)).toBe(await newest(ids[0]!));
    } finally {
      await server.close();
    }
  }, 60_000);
});
