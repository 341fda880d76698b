import { and, eq, inArray } from 'drizzle-orm';
import { AlertPreferences } from '../../../lib/core/model/alerts';
import type { Caller } from '../../context';
import { writeInWorkspace, type Db, type Queryable } from '../../store/db';
import { users } from '../../store/schema';

/** A stored value read as the preferences it means: {} (or anything a later version wrote and this one can't read) is the defaults. */
function parsed(stored: unknown): AlertPreferences {
  const result = AlertPreferences.safeParse(stored ?? {});
  return result.success ? result.data : AlertPreferences.parse({});
}

/** The alert preferences of these people of the workspace, by user id (a person not found gets none). */
export async function alertPreferencesOf(db: Queryable, workspaceId: string, userIds: readonly string[]): Promise<Map<string, AlertPreferences>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, stored: users.alertPreferences })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(userIds)])));
  return new Map(rows.map((r) => [r.id, parsed(r.stored)]));
}

/** The caller's own preferences. */
export async function myAlertPreferences(db: Queryable, caller: Caller): Promise<AlertPreferences> {
  return (await alertPreferencesOf(db, caller.workspace.id, [caller.user.id])).get(caller.user.id) ?? AlertPreferences.parse({});
}

/** Replaces the caller's own preferences (each person sets their own; nobody else's). */
export async function replaceMyAlertPreferences(db: Db, caller: Caller, preferences: AlertPreferences): Promise<AlertPreferences> {
  await writeInWorkspace(db, caller.workspace.id, (tx) =>
    tx.update(users).set({ alertPreferences: preferences }).where(and(eq(users.workspaceId, caller.workspace.id), eq(users.id, caller.user.id))),
  );
  return preferences;
}
