import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { addUser, createWorkspace } from '../../server/domain/admin';
import type { Db } from '../../server/store/db';
import { STORE_KINDS, freshPostgresDatabase, startTestServer } from './harness';

const MIGRATIONS = join(import.meta.dirname, '../../server/store/migrations');

/** The committed migrations up to (not including) the one tagged `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadside-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}

describe.each(STORE_KINDS)('the tokens_named migration on %s', (kind) => {
  const folders: string[] = [];
  afterAll(() => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('names the tokens made before names "token", with no expiry, and they keep working', async () => {
    const migrationsFolder = migrationsBefore('0006_tokens_named');
    folders.push(migrationsFolder);
    const dataDir = mkdtempSync(join(tmpdir(), 'leadside-before-names-'));
    folders.push(dataDir);
    const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase() : null;

    // A database as it was before: a user with a token of the old shape (no name, no expiry).
    const token = 'lsk_madebeforenames_0123456789abcdefghijklmnopq';
    const fill = async (db: Db) => {
      const ws = await createWorkspace(db, { name: 'Old' });
      const { id } = await addUser(db, { workspaceId: ws.id, email: 'old@old.example', name: 'Old', role: 'rep' });
      await db.execute(sql`insert into tokens (id, user_id, hash) values ('tok_old', ${id}, ${hashToken(token)})`);
    };
    if (databaseUrl) {
      const pool = new pg.Pool({ connectionString: databaseUrl });
      const db = drizzlePostgres({ client: pool });
      await migratePostgres(db, { migrationsFolder });
      await fill(db as unknown as Db);
      await pool.end();
    } else {
      const client = new PGlite(dataDir);
      const db = drizzlePglite({ client });
      await migratePglite(db, { migrationsFolder });
      await fill(db as unknown as Db);
      await client.close();
    }

    const server = await startTestServer(kind, databaseUrl ? { databaseUrl } : { dataDir });
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
