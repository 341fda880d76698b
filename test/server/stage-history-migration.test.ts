import { asc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../server/domain/admin';
import type { Db } from '../../server/store/db';
import { stageChanges } from '../../server/store/schema';
import { STORE_KINDS, databaseBefore, startTestServer } from './harness';

describe.each(STORE_KINDS)('the stage_history migration on %s', (kind) => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
  });

  it('gives every contact made before it one reconstructed entry for its stage, at its last update', async () => {
    let workspaceId = '';
    const fill = async (db: Db) => {
      ({ id: workspaceId } = await createWorkspace(db, { name: 'Old' }));
      await db.execute(sql`insert into contacts (id, workspace_id, email, stage, stage_reason, created_at, updated_at)
        values ('c_won', ${workspaceId}, 'won@old.example', 'customer', null, '2026-01-02T10:00:00Z', '2026-02-03T10:00:00Z'),
               ('c_back', ${workspaceId}, 'back@old.example', 'recycled', 'no budget', '2026-01-05T10:00:00Z', '2026-01-20T09:30:00Z')`);
    };
    const before = await databaseBefore(kind, '0007_stage_history', fill);
    cleanups.push(before.cleanup);

    const server = await startTestServer(kind, before.store);
    try {
      const rows = await server.store.db.select().from(stageChanges).orderBy(asc(stageChanges.contactId));
      expect(rows.map(({ version, ...r }) => ({ ...r, versioned: version > 0 }))).toEqual([
        { workspaceId, id: 'sc_r_c_back', contactId: 'c_back', fromStage: null, toStage: 'recycled', at: new Date('2026-01-20T09:30:00Z'), actorKind: 'system', actorId: null, rule: null, reason: 'no budget', reasonCode: 'other', outcome: null, dealValue: null, mutationId: null, undoes: null, reconstructed: true, versioned: true },
        { workspaceId, id: 'sc_r_c_won', contactId: 'c_won', fromStage: null, toStage: 'customer', at: new Date('2026-02-03T10:00:00Z'), actorKind: 'system', actorId: null, rule: null, reason: null, reasonCode: null, outcome: null, dealValue: null, mutationId: null, undoes: null, reconstructed: true, versioned: true },
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
