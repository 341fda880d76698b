import { isWorking, nextBusinessMoment } from '../calendar';
import type { AlertPreferences, AlertRule, AlertSettings } from '../model/alerts';
import type { WorkCalendar } from '../model/calendar';
import { MINUTE_MS } from '../time-units';

/** How recent a visit must be for "on the site now" (the panel's `activeNow` uses the same five minutes). */
export const ACTIVE_NOW_MINUTES = 5;
/** A browser clock a little ahead of ours must not hide a live visitor (as in lib/core/intelligence). */
const FUTURE_TOLERANCE_MS = MINUTE_MS;
/** The digest counts what one person received within this long. */
export const DIGEST_SPAN_MS = MINUTE_MS;

/** An alert already stored for this recipient and lead: what the dedupe window compares with. */
export interface PriorAlert {
  rule: AlertRule;
  /** The start of the window it opened. */
  windowStart: string;
}

/** Whether the workspace alerts on the rule at all and the recipient has not muted the rule or the lead. */
export function recipientHears(settings: AlertSettings, preferences: AlertPreferences | null, rule: AlertRule, contactId: string): boolean {
  if (!settings.enabled.includes(rule)) return false;
  if (preferences === null) return true;
  return !preferences.mutedRules.includes(rule) && !preferences.mutedContacts.includes(contactId);
}

/**
 * One alert per lead per rule per window: an alert is kept only when no other for the same lead and rule opened a
 * window less than `dedupeMinutes` before or after it (before or after, so a late-arriving earlier event does not
 * make a second one).
 */
export function insideWindow(prior: readonly PriorAlert[], rule: AlertRule, at: number, dedupeMinutes: number): boolean {
  const span = dedupeMinutes * MINUTE_MS;
  return prior.some((p) => p.rule === rule && Math.abs(Date.parse(p.windowStart) - at) < span);
}

/** Quiet hours are the work calendar: an alert decided outside it waits for the next working moment. */
export function deliverAtFor(calendar: WorkCalendar, at: Date): Date {
  return isWorking(calendar, at) ? at : nextBusinessMoment(calendar, at);
}

/** Whether a person's on-site activity at `lastOnSiteAt` still counts as "on the site" at `now`. */
export function stillOnSite(lastOnSiteAt: string | null, now: Date): boolean {
  if (lastOnSiteAt === null) return false;
  const age = now.getTime() - Date.parse(lastOnSiteAt);
  return age <= ACTIVE_NOW_MINUTES * MINUTE_MS && age >= -FUTURE_TOLERANCE_MS;
}

/** A held alert as its delivery time comes, with what is true of its lead now. */
export interface HeldAlertCheck {
  rule: AlertRule;
  userId: string;
  /** When what it reports happened. */
  at: string;
  /** The lead now: its owner (null when nobody owns it or it was deleted: `deleted`). */
  lead: { ownerId: string | null; deleted: boolean };
  /** The lead's latest on-site activity by a person (page view, download, form). */
  lastOnSiteAt: string | null;
  /** The latest attempt logged on the lead (undone ones left out). */
  lastAttemptAt: string | null;
  now: Date;
}

export type HeldAlertOutcome = { kind: 'deliver' } | { kind: 'drop'; reason: string } | { kind: 'readdress'; userId: string };

/**
 * What becomes of an alert when its delivery time comes: dropped when it no longer holds ("on the site now" once the
 * visit is over; an SLA alert on a lead touched since), readdressed when the lead changed hands (an alert goes to the
 * owner at alert time, never the old one), else delivered.
 */
export function heldAlertOutcome(check: HeldAlertCheck): HeldAlertOutcome {
  const { lead } = check;
  if (lead.deleted || lead.ownerId === null) return { kind: 'drop', reason: 'the lead has no owner now' };
  if (check.rule === 'active_now' && !stillOnSite(check.lastOnSiteAt, check.now)) return { kind: 'drop', reason: 'the visit is over' };
  if ((check.rule === 'sla_due_soon' || check.rule === 'sla_breached') && check.lastAttemptAt !== null && Date.parse(check.lastAttemptAt) >= Date.parse(check.at)) {
    return { kind: 'drop', reason: 'the lead was touched since' };
  }
  if (lead.ownerId !== check.userId) return { kind: 'readdress', userId: lead.ownerId };
  return { kind: 'deliver' };
}

/** What to hand one person now: singles, one digest standing for several, and those that wait for the next minute. */
export interface Paced<T> {
  singles: T[];
  digest: T[] | null;
  wait: T[];
}

/**
 * No alert fatigue: a person hears at most `digestAbove` alerts within a minute. When the alerts due now would go past
 * that (counting what they received in the last minute), they come as one digest; a lone alert past the limit waits
 * for the next minute rather than making a digest of one.
 */
export function paceForPerson<T>(due: readonly T[], deliveredInLastMinute: number, digestAbove: number): Paced<T> {
  if (due.length === 0) return { singles: [], digest: null, wait: [] };
  if (deliveredInLastMinute + due.length <= digestAbove) return { singles: [...due], digest: null, wait: [] };
  if (due.length >= 2) return { singles: [], digest: [...due], wait: [] };
  return { singles: [], digest: null, wait: [...due] };
}
