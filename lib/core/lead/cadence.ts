import { cadenceState } from '../cadence';
import type { Activity } from '../model/activity';
import type { Attempt } from '../model/attempt';
import type { Contact } from '../model/contact';
import type { CadenceState } from '../model/derived';
import { policyForLeadType } from '../model/policy';
import type { WorkspaceSettings } from '../model/settings';

/**
 * Where a contact's cadence stands at `now` (null when it has none: not assigned yet), under its lead type's policy and the workspace calendar: the cadence half
 * of the lead picture (./picture.ts), on its own for what needs no score (the toolbar badge, which the background
 * computes and which must not carry the scoring code).
 */
export function leadCadence(contact: Contact, activities: readonly Activity[], attempts: readonly Attempt[], settings: WorkspaceSettings, now: Date): CadenceState | null {
  return cadenceState({ contact, policy: policyForLeadType(settings.policies, contact.leadType), calendar: settings.calendar, attempts, activities, now });
}
