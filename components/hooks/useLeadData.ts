import { useLiveQuery } from 'dexie-react-hooks';
import type { Activity } from '../../lib/core/model/activity';
import type { Attempt } from '../../lib/core/model/attempt';
import type { Contact } from '../../lib/core/model/contact';
import type { Question } from '../../lib/core/model/questions';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { Me } from '../../lib/core/model/api';
import type { StageChange } from '../../lib/core/model/stage-history';
import { queuedStageChanges } from '../../lib/view-model/stage-history';
import { useServices } from '../services';

/** What the lead view reads from the cache for one contact. */
export interface LeadData {
  contact: Contact;
  activities: Activity[];
  attempts: Attempt[];
  /** Questions the prospect asked, as reps noted them. */
  questions: Question[];
  /** Its moves through the funnel, as the server recorded them. */
  stageChanges: StageChange[];
  /** The rep's moves of it still waiting in the outbox, shown until the server's record of them comes down. */
  queuedStageChanges: StageChange[];
  settings: WorkspaceSettings;
}

/**
 * A cached contact with its history and the workspace settings, live: undefined while loading, null when the contact
 * (or the settings) is not in the cache. A logged attempt changes it at once, so the countdown moves at once.
 */
export function useLeadData(contactId: string): LeadData | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [contact, settings, me, activities, attempts, questions, stageChanges, pending] = await Promise.all([
      db.contacts.get(contactId),
      db.meta.get('settings'),
      db.meta.get('me'),
      db.activities.where('contactId').equals(contactId).toArray(),
      db.attempts.where('contactId').equals(contactId).toArray(),
      db.questions.where('contactId').equals(contactId).toArray(),
      db.stageChanges.where('contactId').equals(contactId).toArray(),
      db.outbox.where('status').equals('pending').toArray(),
    ]);
    if (!contact || !settings) return null;
    const user = (me?.value as Me | undefined)?.user;
    const queued = user ? queuedStageChanges(pending, contactId, user, stageChanges) : [];
    return { contact, activities, attempts, questions, stageChanges, queuedStageChanges: queued, settings: settings.value as WorkspaceSettings };
  }, [db, contactId]);
}
