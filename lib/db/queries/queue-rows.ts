import { groupByContact } from '../../core/lead';
import type { WorkspaceSettings } from '../../core/model/settings';
import type { QueueRows } from '../../view-model/queue-leads';
import type { LeadsideDatabase } from '../database';

/** The rows of one rep's queue from the cache (their own contacts); null before the workspace settings have synced. */
export async function readQueueRows(db: LeadsideDatabase, ownerId: string): Promise<QueueRows | null> {
  const [contacts, settings] = await Promise.all([db.contacts.where('ownerId').equals(ownerId).toArray(), db.meta.get('settings')]);
  if (!settings) return null;
  const ids = contacts.map((c) => c.id);
  const [activities, attempts] = await Promise.all([
    db.activities.where('contactId').anyOf(ids).toArray(),
    db.attempts.where('contactId').anyOf(ids).toArray(),
  ]);
  return { contacts, activities: groupByContact(activities), attempts: groupByContact(attempts), settings: settings.value as WorkspaceSettings };
}
