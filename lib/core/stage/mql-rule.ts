import type { Activity } from '../model/activity';
import type { Contact } from '../model/contact';
import type { ScoringModel } from '../model/scoring';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../model/vocabulary';
import { scoreContact } from '../scoring';
import { STAGE_TRANSITIONS } from './transitions';

/**
 * The stages the MQL threshold rule moves a contact from: those the stage table has a move to `mql` from, which are
 * `lead` and `recycled` (a recycled contact that qualifies again is back in the funnel). A contact sales already took
 * up (sql and beyond) or that was disqualified is never moved by it.
 */
export const MQL_RULE_FROM_STAGES: readonly LifecycleStage[] = LIFECYCLE_STAGES.filter((s) => STAGE_TRANSITIONS[s].some((t) => t.to === 'mql'));

/**
 * Whether the rule `mql_threshold` moves this contact to `mql` now: the workspace lets it (`autoPromoteMql`), the
 * contact is in a stage it moves from, and its score qualifies, computed exactly as the panel's lead picture does
 * (scoreContact over the contact's profile and its activities; only human and proxy activity counts).
 */
export function mqlRuleMoves(model: ScoringModel, contact: Contact, activities: readonly Activity[], now: Date): boolean {
  if (!model.autoPromoteMql || !MQL_RULE_FROM_STAGES.includes(contact.stage)) return false;
  return scoreContact(model, contact, activities, now).qualifiesAsMql;
}
