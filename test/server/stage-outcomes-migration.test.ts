import { asc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../server/domain/admin';
import type { Db } from '../../server/store/db';
import { contacts, stageChanges } from '../../server/store/schema';
import { STORE_KINDS, databaseBefore, startTestServer } from './harness';

describe.each(STORE_KINDS)('the stage_outcomes migration on %s', (kind) => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
  });

  it('gives reasons written before reason lists the code other, and past moves out of opportunity their outcome', async () => {
    let workspaceId = '';
    const fill = async (db: Db) => {
      ({ id: workspaceId } = await createWorkspace(db, { name: 'Old' }));
      await db.execute(sql`insert into contacts (id, workspace_id, email, stage, stage_reason, created_at, updated_at)
        values ('c_back', ${workspaceId}, 'back@old.example', 'recycled', 'no budget', '2026-01-05T10:00:00Z', '2026-01-20T09:30:00Z'),
               ('c_won', ${workspaceId}, 'won@old.example', 'customer', null, '2026-01-02T10:00:00Z', '2026-02-03T10:00:00Z'),
               ('c_sql', ${workspaceId}, 'sql@old.example', 'sql', null, '2026-01-02T10:00:00Z', '2026-02-03T10:00:00Z')`);
      await db.execute(sql`insert into stage_changes (workspace_id, id, contact_id, from_stage, to_stage, at, actor_kind, reason)
        values (${workspaceId}, 'sc_1', 'c_won', 'opportunity', 'customer', '2026-02-03T10:00:00Z', 'system', null),
               (${workspaceId}, 'sc_2', 'c_back', 'opportunity', 'recycled', '2026-01-20T09:30:00Z', 'system', 'no budget'),
               (${workspaceId}, 'sc_3', 'c_sql', 'mql', 'sql', '2026-01-10T09:30:00Z', 'system', 'great call')`);
    };
    const before = await databaseBefore(kind, '0009_stage_outcomes', fill);
    cleanups.push(before.cleanup);

    const server = await startTestServer(kind, before.store);
    try {
      const people = await server.store.db
        .select({ id: contacts.id, stageReason: contacts.stageReason, stageReasonCode: contacts.stageReasonCode, dealValue: contacts.dealValue })
        .from(contacts)
        .orderBy(asc(contacts.id));
      expect(people).toEqual([
        { id: 'c_back', stageReason: 'no budget', stageReasonCode: 'other', dealValue: null },
        { id: 'c_sql', stageReason: null, stageReasonCode: null, dealValue: null },
        { id: 'c_won', stageReason: null, stageReasonCode: null, dealValue: null },
      ]);
      const moves = await server.store.db
        .select({ id: stageChanges.id, reasonCode: stageChanges.reasonCode, outcome: stageChanges.outcome })
        .from(stageChanges)
        .where(sql`${stageChanges.id} like 'sc\\_%' escape '\\' and ${stageChanges.id} not like 'sc\\_r\\_%' escape '\\'`)
        .orderBy(asc(stageChanges.id));
      expect(moves).toEqual([
        { id: 'sc_1', reasonCode: null, outcome: 'won' },
        { id: 'sc_2', reasonCode: 'other', outcome: 'lost' },
        // A note on a move that takes no reason keeps no code.
        { id: 'sc_3', reasonCode: null, outcome: null },
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
