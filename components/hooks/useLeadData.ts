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
 * (or the settings) is not in the cache. A logged attempt changes it at once, so the countdown moves at once. By id,
 * or by address (a page's person: the contact is found and read in the same query, so a tab switch waits on one
 * cache read rather than a lookup first and the read after it).
 */
export function useLeadData(key: string | { email: string }): LeadData | null | undefined {
  const { db } = useServices();
  const byEmail = typeof key === 'string' ? null : key.email;
  const byId = typeof key === 'string' ? key : null;
  return useLiveQuery(async () => {
    const contact = byId !== null ? db.contacts.get(byId) : db.contacts.where('email').equals(byEmail!).first();
    // By id, the history is read beside the contact; by address, once the contact says its id.
    const contactId = byId ?? (await contact)?.id;
    if (contactId === undefined) return null;
    const [found, settings, me, activities, attempts, questions, stageChanges, pending] = await Promise.all([
      contact,
      db.meta.get('settings'),
      db.meta.get('me'),
      db.activities.where('contactId').equals(contactId).toArray(),
      db.attempts.where('contactId').equals(contactId).toArray(),
      db.questions.where('contactId').equals(contactId).toArray(),
      db.stageChanges.where('contactId').equals(contactId).toArray(),
      db.outbox.where('status').equals('pending').toArray(),
    ]);
    if (!found || !settings) return null;
    const user = (me?.value as Me | undefined)?.user;
    const queued = user ? queuedStageChanges(pending, contactId, user, stageChanges) : [];
    return { contact: found, activities, attempts, questions, stageChanges, queuedStageChanges: queued, settings: settings.value as WorkspaceSettings };
  }, [db, byId, byEmail]);
}
