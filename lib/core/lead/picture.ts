import { summarizeIntelligence } from '../intelligence';
import type { Activity } from '../model/activity';
import type { LookupEntry } from '../model/api';
import type { Attempt } from '../model/attempt';
import type { Contact } from '../model/contact';
import type { WorkspaceSettings } from '../model/settings';
import { scoreContact } from '../scoring';
import { leadCadence } from './cadence';

/**
 * Everything the panel shows about a contact at `now`: its intelligence summary, score with explanation, and cadence
 * state. The server answers lookups with it and the extension recomputes it from its cache, so both always agree.
 */
export function leadPicture(
  contact: Contact,
  activities: readonly Activity[],
  attempts: readonly Attempt[],
  settings: WorkspaceSettings,
  now: Date,
): LookupEntry {
  return {
    contact,
    summary: summarizeIntelligence(contact, activities, now),
    score: scoreContact(settings.scoring, contact, activities, now),
    cadence: leadCadence(contact, activities, attempts, settings, now),
  };
}
