import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { createWorkspace } from '../../server/domain/admin';
import type { Db } from '../../server/store/db';
import { STORE_KINDS, databaseBefore, startTestServer } from './harness';

describe.each(STORE_KINDS)('the tokens_named migration on %s', (kind) => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups) cleanup();
  });

  it('names the tokens made before names "token", with no expiry, and they keep working', async () => {
    // A database as it was before: a user with a token of the old shape (no name, no expiry).
    const token = 'lsk_madebeforenames_0123456789abcdefghijklmnopq';
    const fill = async (db: Db) => {
      const ws = await createWorkspace(db, { name: 'Old' });
      // In SQL: the user row as it was then (today's schema has columns that database does not).
      const id = 'u_old';
      await db.execute(sql`insert into users (id, workspace_id, email, name, role) values (${id}, ${ws.id}, 'old@old.example', 'Old', 'rep')`);
      await db.execute(sql`insert into tokens (id, user_id, hash) values ('tok_old', ${id}, ${hashToken(token)})`);
    };
    const before = await databaseBefore(kind, '0006_tokens_named', fill);
    cleanups.push(before.cleanup);

    const server = await startTestServer(kind, before.store);
    try {
      const me = await server.api(token, '/v1/me');
      expect(me.status).toBe(200);
      const mine = await server.api(token, '/v1/me/tokens');
      expect((await mine.json()).tokens).toEqual([
        { id: 'tok_old', name: 'token', createdAt: expect.any(String), lastUsedAt: expect.any(String), expiresAt: null, revokedAt: null },
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
