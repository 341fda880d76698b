import { cadenceState } from '../../lib/core/cadence';
import { summarizeIntelligence } from '../../lib/core/intelligence';
import type { Activity } from '../../lib/core/model/activity';
import type { LookupEntry } from '../../lib/core/model/api';
import type { Attempt } from '../../lib/core/model/attempt';
import type { Contact } from '../../lib/core/model/contact';
import { policyForLeadType } from '../../lib/core/model/policy';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import { scoreContact } from '../../lib/core/scoring';

/** What the panel shows for a contact, computed by lib/core exactly as the extension computes it. */
export function buildLookupEntry(
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
    cadence: cadenceState({
      contact,
      policy: policyForLeadType(settings.policies, contact.leadType),
      calendar: settings.calendar,
      attempts,
      activities,
      now,
    }),
  };
}
