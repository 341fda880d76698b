import { leadPicture } from '../../core/lead/picture';
import type { LookupEntry } from '../../core/model/api';
import type { LeadsideDatabase } from '../database';

/**
 * A cached contact's picture (summary, score, cadence) computed here with lib/core, the same function the server
 * runs, so a logged attempt moves the countdown at once, online or offline. Null when the contact or the workspace
 * settings are not cached yet.
 */
export async function cachedLeadPicture(db: LeadsideDatabase, contactId: string, now: Date): Promise<LookupEntry | null> {
  const [contact, settings] = await Promise.all([db.contacts.get(contactId), db.meta.get('settings')]);
  if (!contact || !settings) return null;
  const [activities, attempts] = await Promise.all([
    db.activities.where('contactId').equals(contactId).toArray(),
    db.attempts.where('contactId').equals(contactId).toArray(),
  ]);
  return leadPicture(contact, activities, attempts, settings.value as Parameters<typeof leadPicture>[3], now);
}
