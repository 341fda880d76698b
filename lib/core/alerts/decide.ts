import type { Activity } from '../model/activity';
import type { AlertPreferences, AlertRule, AlertSettings } from '../model/alerts';
import type { WorkCalendar } from '../model/calendar';
import type { CadenceState } from '../model/derived';
import type { ActivityType } from '../model/vocabulary';
import { isPersonActivity } from '../trust/person';
import { DAY_MS } from '../time-units';
import { deliverAtFor, insideWindow, recipientHears, stillOnSite, type PriorAlert } from './pacing';
import { clip, clockTime, pageName, pathOf, whoOf, withCompany, type AlertSubject } from './words';

/**
 * What alerts, decided from data passed in (docs/vocabulary.md § Alerts). The server stores each decision under the
 * unique key (workspace, recipient, lead, rule, windowStart), so however many processes decide the same event, one
 * alert exists.
 */
export interface AlertDecision {
  userId: string;
  contactId: string;
  rule: AlertRule;
  /** When what it reports happened. */
  at: string;
  /** `at`-ish, or the next working moment when it was decided in quiet hours. */
  deliverAt: string;
  /** The pacing window this alert opens; with (recipient, lead, rule) it is the alert's identity. */
  windowStart: string;
  title: string;
  body: string;
}

/** The lead as it is now: its owner now is the recipient, whoever owned it when the event happened. */
export interface AlertLead extends AlertSubject {
  id: string;
  ownerId: string | null;
}

export interface ActivityAlertInput {
  lead: AlertLead;
  /** The lead's activities that were just recorded, in any order. */
  activities: readonly Activity[];
  /** The lead's latest on-site activity by a person before these (for return_visit); null for a first visit. */
  previousOnSiteAt: string | null;
  settings: AlertSettings;
  /** The owner's preferences; null when the owner cannot be found (then nobody hears). */
  preferences: AlertPreferences | null;
  /** Alerts already stored for the owner about this lead (their windows). */
  prior: readonly PriorAlert[];
  calendar: WorkCalendar;
  now: Date;
}

/** What someone does while on the site (an open or a click in the inbox does not put them on it). */
const ON_SITE: ReadonlySet<ActivityType> = new Set(['page_view', 'content_download', 'form_submit']);

/**
 * The alerts a lead's new activities raise for its owner now: at most one per rule per window, none for machine
 * activity, none for a rule the workspace turned off or the owner muted, none for a lead the owner muted.
 */
export function activityAlerts(input: ActivityAlertInput): AlertDecision[] {
  const { lead, settings, preferences, calendar, now } = input;
  const ownerId = lead.ownerId;
  if (ownerId === null || preferences === null) return [];
  const person = input.activities.filter(isPersonActivity).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  const opened: PriorAlert[] = [...input.prior];
  const decisions: AlertDecision[] = [];
  let previousOnSite = input.previousOnSiteAt === null ? null : Date.parse(input.previousOnSiteAt);

  const raise = (rule: AlertRule, activity: Activity, words: { title: string; body: string }) => {
    const at = Date.parse(activity.at);
    if (!recipientHears(settings, preferences, rule, lead.id)) return;
    if (insideWindow(opened, rule, at, settings.dedupeMinutes)) return;
    const windowStart = activity.at;
    opened.push({ rule, windowStart });
    // Decided now: quiet hours are about when the rep hears it, so they are checked at the moment of deciding.
    const deliverAt = deliverAtFor(calendar, now).toISOString();
    decisions.push({
      userId: ownerId,
      contactId: lead.id,
      rule,
      at: new Date(at).toISOString(),
      deliverAt,
      windowStart: new Date(at).toISOString(),
      title: clip(words.title, 200),
      body: clip(withCompany(words.body, lead), 500),
    });
  };

  const who = whoOf(lead);
  for (const activity of person) {
    const at = Date.parse(activity.at);
    if (ON_SITE.has(activity.type)) {
      if (stillOnSite(activity.at, now)) raise('active_now', activity, { title: `${who} is on the site now`, body: `Viewed ${pageName(activity)}` });
      if (previousOnSite !== null && at - previousOnSite >= settings.returnVisitDays * DAY_MS) {
        const days = Math.floor((at - previousOnSite) / DAY_MS);
        raise('return_visit', activity, { title: `${who} is back on the site`, body: `First visit in ${days} days` });
      }
      previousOnSite = Math.max(previousOnSite ?? at, at);
    }
    if (activity.type === 'page_view' && isKeyPage(activity.url, settings.keyPages)) {
      raise('key_page', activity, { title: `${who} viewed ${pageName(activity)}`, body: `Viewed ${pageName(activity)}` });
    }
    if (activity.type === 'content_download') {
      const what = activity.title?.trim() || 'a download';
      raise('content_download', activity, { title: `${who} downloaded ${what}`, body: `Downloaded ${what}` });
    }
    if (activity.type === 'email_open') raise('email_engaged', activity, { title: `${who} opened your email`, body: 'Opened your email' });
    if (activity.type === 'email_click') {
      raise('email_engaged', activity, { title: `${who} clicked a link in your email`, body: `Clicked ${pathOf(activity.url) ?? 'a link'}` });
    }
    // An automatic out-of-office answer is not a reply to call back on.
    if (activity.type === 'email_reply' && !activity.outOfOffice) raise('reply', activity, { title: `${who} replied`, body: 'Replied to your email' });
  }
  return decisions;
}

/** A key page is a path equal to a prefix or under it ("/pricing" covers "/pricing/teams", not "/pricingfaq"). */
export function isKeyPage(url: string | null, prefixes: readonly string[]): boolean {
  const path = pathOf(url);
  if (path === null) return false;
  return prefixes.some((prefix) => {
    const p = prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix;
    return p === '/' || path === p || path.startsWith(`${p}/`);
  });
}

export interface SlaAlertInput {
  lead: AlertLead;
  /** The lead's cadence state at `now` (lib/core/cadence), null when nobody owns it. */
  cadence: CadenceState | null;
  settings: AlertSettings;
  preferences: AlertPreferences | null;
  prior: readonly PriorAlert[];
  calendar: WorkCalendar;
  now: Date;
}

/** A breach older than this is the queue's business, not news (a server that was down does not ring old bells). */
export const BREACH_NEWS_MS = DAY_MS;

/**
 * The SLA alerts a lead's cadence raises now: `sla_due_soon` within `dueSoonBusinessMinutes` business minutes of the
 * next due time, `sla_breached` once past it. Each due time alerts once per rule: the due time is the window.
 */
export function slaAlerts(input: SlaAlertInput): AlertDecision[] {
  const { lead, cadence, settings, preferences, calendar, now } = input;
  if (lead.ownerId === null || preferences === null || cadence === null || cadence.nextDueAt === null) return [];
  if (cadence.status === 'paused' || cadence.status === 'exited' || cadence.status === 'complete') return [];
  const due = new Date(cadence.nextDueAt);
  const step = cadence.attemptsDone === 0 ? 'First touch' : 'Follow-up';
  const who = whoOf(lead);
  const late = now.getTime() > due.getTime();
  const left = cadence.businessMinutesLeft;
  let rule: AlertRule;
  let words: { title: string; body: string };
  if (late) {
    if (now.getTime() - due.getTime() > BREACH_NEWS_MS) return [];
    rule = 'sla_breached';
    words = { title: `${step} for ${who} is overdue`, body: `Was due at ${clockTime(due, calendar.timeZone)}` };
  } else if (left !== null && left <= settings.dueSoonBusinessMinutes) {
    rule = 'sla_due_soon';
    const minutes = Math.max(0, Math.ceil(left));
    words = { title: `${step} for ${who} is due in ${minutes} min`, body: `Due at ${clockTime(due, calendar.timeZone)}` };
  } else {
    return [];
  }
  if (!recipientHears(settings, preferences, rule, lead.id)) return [];
  const windowStart = due.toISOString();
  // The due time is the window: the same step never alerts twice for the same rule, however long the window setting.
  if (input.prior.some((p) => p.rule === rule && p.windowStart === windowStart)) return [];
  const at = late ? due : now;
  return [
    {
      userId: lead.ownerId,
      contactId: lead.id,
      rule,
      at: at.toISOString(),
      deliverAt: deliverAtFor(calendar, now).toISOString(),
      windowStart,
      title: clip(words.title, 200),
      body: clip(withCompany(words.body, lead), 500),
    },
  ];
}
