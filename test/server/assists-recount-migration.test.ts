import { asc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../server/domain/admin';
import type { Db } from '../../server/store/db';
import { assistRecountsPending, content } from '../../server/store/schema';
import { STORE_KINDS, databaseBefore, startTestServer } from './harness';

describe.each(STORE_KINDS)('the assists_recount migration on %s', (kind) => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
  });

  it('replaces assists a client wrote before they were counted with the count from the record, once, as the server starts', async () => {
    let workspaceId = '';
    const fill = async (db: Db) => {
      ({ id: workspaceId } = await createWorkspace(db, { name: 'Old' }));
      // Two items whose assists someone typed in (7 and 3); one customer read the guide (a person) and the pricing page
      // (a machine: a link scanner), 10 days before the win.
      await db.execute(sql`insert into content (id, workspace_id, title, url, kind, journey_stage, assists, updated_at)
        values ('ct_guide', ${workspaceId}, 'Guide', 'https://old.example/guide', 'guide', 'consideration', 7, '2026-01-01T00:00:00Z'),
               ('ct_pricing', ${workspaceId}, 'Pricing', 'https://old.example/pricing', 'page', 'decision', 3, '2026-01-01T00:00:00Z')`);
      await db.execute(sql`insert into contacts (id, workspace_id, email, stage, created_at, updated_at)
        values ('c_won', ${workspaceId}, 'won@old.example', 'customer', '2026-01-02T10:00:00Z', '2026-02-03T10:00:00Z')`);
      await db.execute(sql`insert into activities (id, workspace_id, contact_id, type, at, url, trust_label, trust_reason)
        values ('a_1', ${workspaceId}, 'c_won', 'page_view', '2026-01-24T10:00:00Z', 'https://old.example/guide', 'human', 'a person'),
               ('a_2', ${workspaceId}, 'c_won', 'email_click', '2026-01-24T10:00:01Z', 'https://old.example/pricing', 'machine', 'link scanner')`);
      await db.execute(sql`insert into stage_changes (workspace_id, id, contact_id, from_stage, to_stage, at, actor_kind)
        values (${workspaceId}, 'sc_win', 'c_won', 'opportunity', 'customer', '2026-02-03T10:00:00Z', 'system')`);
    };
    const before = await databaseBefore(kind, '0010_assists_recount', fill);
    cleanups.push(before.cleanup);

    const server = await startTestServer(kind, before.store);
    try {
      const items = await server.store.db.select({ id: content.id, assists: content.assists }).from(content).orderBy(asc(content.id));
      expect(items).toEqual([
        { id: 'ct_guide', assists: 1 },
        { id: 'ct_pricing', assists: 0 },
      ]);
      expect(await server.store.db.select().from(assistRecountsPending)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
