import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../store/db';
import { batchedLookup } from '../store/batched-lookup';
import { syncHeads, tokens, users, workspaces } from '../store/schema';
import { callerColumns, type CallerRow } from './caller-row';

export type TokenRow = CallerRow & { token: { id: string; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null } };

// Every token-signed request looks its token up: prepared once for each database (built once, and parsed once per
// PostgreSQL connection), and batched, so the requests of one turn of the event loop share one statement.
const lookups = new WeakMap<Db, (hash: string) => Promise<TokenRow | undefined>>();

/** The live token with this hash (not revoked, its user not disabled) and its caller, or undefined. */
export function tokenByHash(db: Db, hash: string): Promise<TokenRow | undefined> {
  let lookup = lookups.get(db);
  if (!lookup) {
    const query = prepare(db);
    lookups.set(db, (lookup = batchedLookup(async (hashes: string[]) => new Map((await query.execute({ hashes })).map(({ hash: h, ...row }) => [h, row])))));
  }
  return lookup(hash);
}

function prepare(db: Db) {
  return db
    .select({ hash: tokens.hash, token: { id: tokens.id, lastUsedAt: tokens.lastUsedAt, expiresAt: tokens.expiresAt, revokedAt: tokens.revokedAt }, ...callerColumns })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .leftJoin(syncHeads, eq(syncHeads.workspaceId, users.workspaceId))
    .where(and(sql`${tokens.hash} = any(${sql.placeholder('hashes')}::text[])`, isNull(tokens.revokedAt), eq(users.disabled, false)))
    .prepare('leadside_token_callers');
}
