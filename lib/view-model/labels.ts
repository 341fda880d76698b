import { numberFormat } from '../core/intl-cache';
import type { CadenceState } from '../core/model/derived';
import type { ActivityType, AttemptChannel, AttemptOutcome, LifecycleStage } from '../core/model/vocabulary';

/** How a rep says each stage. */
export const STAGE_LABELS: Readonly<Record<LifecycleStage, string>> = {
  visitor: 'Visitor',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  recycled: 'Recycled',
  disqualified: 'Disqualified',
};

export const CHANNEL_LABELS: Readonly<Record<AttemptChannel, string>> = {
  call: 'Call',
  email: 'Email',
  voicemail: 'Voicemail',
  social: 'Social',
};

export const OUTCOME_LABELS: Readonly<Record<AttemptOutcome, string>> = {
  connected: 'Connected',
  no_answer: 'No answer',
  left_voicemail: 'Left voicemail',
  wrong_number: 'Wrong number',
  replied: 'Replied',
  meeting_booked: 'Meeting booked',
};

export const ACTIVITY_LABELS: Readonly<Record<ActivityType, string>> = {
  page_view: 'Viewed',
  content_download: 'Downloaded',
  form_submit: 'Filled in a form',
  email_open: 'Opened an email',
  email_click: 'Clicked a link',
  email_reply: 'Replied',
  meeting_booked: 'Booked a meeting',
  unsubscribe: 'Unsubscribed',
};

export const EXIT_LABELS: Readonly<Record<NonNullable<CadenceState['exitReason']>, string>> = {
  replied: 'replied',
  meeting_booked: 'meeting booked',
  stage: 'stage changed',
};

/**
 * The stages in which "Qualifies as MQL" tells the rep something: a lead or an MQL. Once sales took it up, or it was
 * recycled, disqualified, won or lost, the badge would read as a call to act on a lead that is not in play.
 */
const MQL_BADGE_STAGES: ReadonlySet<LifecycleStage> = new Set(['lead', 'mql']);

export function showsMqlBadge(stage: LifecycleStage): boolean {
  return MQL_BADGE_STAGES.has(stage);
}

/** A slug as words: "demo_request" → "Demo request". */
export function humanizeSlug(slug: string | null): string | null {
  if (slug === null || slug === '') return null;
  const words = slug.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1,240" in the rep's locale. */
export function formatCount(n: number, locale?: string): string {
  return numberFormat(locale).format(n);
}

/** "1 attempt", "2 attempts". */
export function plural(n: number, one: string, many = `${one}s`, locale?: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}
