import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Activity } from '../../lib/core/model/activity';
import type { Attempt } from '../../lib/core/model/attempt';
import type { Contact } from '../../lib/core/model/contact';
import { groupByContact, leadPicture } from '../../lib/core/lead';
import { policyForLeadType } from '../../lib/core/model/policy';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { groupQueue, waitingSince, type QueueGroup, type QueueLead } from '../../lib/view-model/queue';
import { useServices } from '../services';
import { useNow } from './useNow';

interface QueueRows {
  contacts: Contact[];
  activities: Map<string, Activity[]>;
  attempts: Map<string, Attempt[]>;
  settings: WorkspaceSettings;
}

/** The queue refreshes its statuses this often (it shows minutes, not seconds). */
const QUEUE_REFRESH_MS = 30_000;

/**
 * The signed-in rep's own leads, grouped and ordered for the day (lib/view-model/queue), live from the cache: undefined
 * while loading, null before the workspace settings have synced.
 */
export function useQueue(ownerId: string): QueueGroup[] | null | undefined {
  const { db } = useServices();
  const rows = useLiveQuery(async (): Promise<QueueRows | null> => {
    const [contacts, settings] = await Promise.all([db.contacts.where('ownerId').equals(ownerId).toArray(), db.meta.get('settings')]);
    if (!settings) return null;
    const ids = contacts.map((c) => c.id);
    const [activities, attempts] = await Promise.all([
      db.activities.where('contactId').anyOf(ids).toArray(),
      db.attempts.where('contactId').anyOf(ids).toArray(),
    ]);
    return { contacts, activities: groupByContact(activities), attempts: groupByContact(attempts), settings: settings.value as WorkspaceSettings };
  }, [db, ownerId]);
  const now = useNow(QUEUE_REFRESH_MS);
  return useMemo(() => {
    if (rows === undefined || rows === null) return rows;
    const leads: QueueLead[] = rows.contacts.map((contact) => {
      const attempts = rows.attempts.get(contact.id) ?? [];
      const picture = leadPicture(contact, rows.activities.get(contact.id) ?? [], attempts, rows.settings, now);
      return {
        contact,
        score: picture.score,
        cadence: picture.cadence,
        dueSoonMinutes: policyForLeadType(rows.settings.policies, contact.leadType).dueSoonBusinessMinutes,
        waitingSince: waitingSince(contact, attempts),
      };
    });
    return groupQueue(leads);
  }, [rows, now]);
}
