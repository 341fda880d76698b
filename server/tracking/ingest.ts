import { isPersonActivity } from '../../lib/core/trust';
import type { ServerDeps } from '../context';
import { applyMqlRule } from '../domain/contacts/mql-rule';
import { writeInWorkspace, type Tx } from '../store/db';
import { toActivity } from '../store/rows';
import type { activities } from '../store/schema';
import type { ActivityRow } from '../store/rows';

export type NewActivityRow = typeof activities.$inferInsert;

/** Collects the activities a write made or changed, to announce them once it commits. */
export interface Announce {
  (rows: readonly ActivityRow[]): void;
}

/**
 * Runs a tracking write the way every versioned write runs (one transaction under the workspace's lock, so sync
 * cursors stay exact), and announces the activities it wrote to /v1/stream only once they are committed. Every
 * activity the server records from outside passes here, so here the MQL threshold rule looks at the contacts a person
 * (human or proxy) just reached, in the same transaction, at `now`.
 */
export async function writeTracked<T>(
  deps: Pick<ServerDeps, 'db' | 'activityBus'>,
  workspaceId: string,
  now: Date,
  work: (tx: Tx, announce: Announce) => Promise<T>,
): Promise<T> {
  let written = new Map<string, ActivityRow>();
  const result = await writeInWorkspace(deps.db, workspaceId, async (tx) => {
    // A retried transaction starts over: only what its last run wrote is announced.
    written = new Map();
    const value = await work(tx, (rows) => {
      for (const row of rows) written.set(row.id, row);
    });
    if (written.size > 0) await deps.activityBus.inTransaction(tx, workspaceId, [...written.keys()]);
    await applyMqlRule(tx, workspaceId, personReached(written.values()), now);
    return value;
  });
  if (written.size > 0) deps.activityBus.committed({ workspaceId, activities: [...written.values()].map(toActivity) });
  return result;
}

/** The contacts with a person's activity among the rows written (machine activity cannot make anyone qualify). */
function personReached(rows: Iterable<ActivityRow>): string[] {
  const ids = new Set<string>();
  for (const row of rows) if (isPersonActivity(toActivity(row))) ids.add(row.contactId);
  return [...ids];
}
