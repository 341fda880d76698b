import type { Caller } from '../context';
import type { Db } from '../store/db';
import { syncHeads, users, workspaces } from '../store/schema';
import { settingsAt } from './workspace-settings';

/** What a caller is made of, read with the credential in one statement; the settings come by version (workspace-settings.ts). */
export const callerColumns = {
  user: { id: users.id, name: users.name, email: users.email, role: users.role },
  workspace: { id: workspaces.id, name: workspaces.name, version: workspaces.version },
  head: syncHeads.version,
};

export type CallerRow = { user: Caller['user']; workspace: { id: string; name: string; version: number }; head: number | null };

export async function callerOf(db: Db, row: CallerRow): Promise<Omit<Caller, 'credential'>> {
  const settings = await settingsAt(db, row.workspace.id, row.workspace.version);
  return { user: row.user, workspace: { id: row.workspace.id, name: row.workspace.name, settings, head: row.head ?? 0 } };
}
