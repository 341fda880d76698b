import type { LeadsideDatabase } from '../db/database';
import { readMeta } from '../db/meta';
import { readQueueRows } from '../db/queries/queue-rows';
import { toolbarBadge, type ToolbarBadge } from '../view-model/badge';
import { queueCadencesOf } from '../view-model/queue-leads';
import { TOOLBAR_DEFAULT_TITLE } from '../view-model/badge';

/** The part of `browser.action` the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * Puts the signed-in rep's breached and overdue count on the toolbar button (lib/view-model/badge.ts), from the cache
 * at `now`; signed out or not synced yet: no badge. The background calls it after every sync, which every local write
 * asks for, and the minute alarm's sync moves it as leads fall due.
 */
export async function refreshBadge(db: LeadsideDatabase, action: BadgeApi, now: Date): Promise<ToolbarBadge> {
  const [connection, me] = await Promise.all([readMeta(db, 'connection'), readMeta(db, 'me')]);
  const rows = connection && me ? await readQueueRows(db, me.user.id) : null;
  const badge = rows ? toolbarBadge(queueCadencesOf(rows, now)) : { text: '', color: null, title: TOOLBAR_DEFAULT_TITLE };
  if (badge.color) await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setBadgeText({ text: badge.text });
  await action.setTitle({ title: badge.title });
  return badge;
}
