import { eq } from 'drizzle-orm';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { Db } from '../store/db';
import { workspaces } from '../store/schema';

// Every authenticated request carries its workspace's settings (about 5 KB of JSON). Reading and parsing them each
// time was most of a caught-up sync pull's cost, so this process keeps each workspace's last settings with the row
// version they were read at: any settings change takes the row a new version (set_row_version), so a version that
// matches the caller's row means the copy is the same, and a stale one is read again. Frozen: they are shared.

interface Kept {
  version: number;
  settings: WorkspaceSettings;
}

const keptByDb = new WeakMap<Db, Map<string, Kept>>();

/** The workspace's settings as of row version `version` or newer. */
export async function settingsAt(db: Db, workspaceId: string, version: number): Promise<WorkspaceSettings> {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const hit = kept.get(workspaceId);
  if (hit && hit.version >= version) return hit.settings;
  const [row] = await db.select({ version: workspaces.version, settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw new Error(`workspace ${workspaceId} is gone`);
  const fresh = { version: row.version, settings: deepFreeze(row.settings) };
  if (!hit || hit.version < fresh.version) kept.set(workspaceId, fresh);
  return fresh.settings;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
