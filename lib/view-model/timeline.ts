import type { Activity } from '../core/model/activity';
import type { Attempt } from '../core/model/attempt';
import type { StageChange } from '../core/model/stage-history';
import { ACTIVITY_LABELS, CHANNEL_LABELS, OUTCOME_LABELS } from './labels';
import { shortUrl } from './format';
import { describeStageChange } from './stage-history';

/** One line of a lead's timeline: what happened, who did it, and whether it counts. */
export interface TimelineRow {
  key: string;
  at: string;
  /** The person, a rep's attempt, or a move through the funnel. */
  by: 'contact' | 'rep' | 'stage';
  /** "Viewed Pricing", "Call · No answer", "Accepted as SQL by Maya Chen". */
  text: string;
  /** The rep's note, or the page or link. */
  detail: string | null;
  /** Machine activity or an undone attempt: shown faded, not counted. */
  faded: boolean;
  /** Why it is faded ("Apple Mail Privacy Protection prefetch", "Undone"). */
  fadedReason: string | null;
  /** The attempt a rep's row stands for, so the row can offer to change it. */
  attempt?: Attempt;
}

/**
 * Activities, attempts and stage changes together, newest first (ties by key, so the order never wobbles); `queued`
 * are the rep's moves still waiting to be sent (`queuedStageChanges`), marked so.
 */
export function timelineRows(
  activities: readonly Activity[],
  attempts: readonly Attempt[],
  stageChanges: readonly StageChange[],
  queued: readonly StageChange[],
  currency?: string,
): TimelineRow[] {
  const rows: TimelineRow[] = [
    ...activities.map(activityRow),
    ...attempts.map(attemptRow),
    ...stageChanges.map((s) => stageRow(s, null, currency)),
    ...queued.map((s) => stageRow(s, 'Waiting to be sent', currency)),
  ];
  return rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/** A reply's subject without the "Re:" (and its translations) mail programs put before the email it answers. */
function answeredSubject(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|aw|sv|antw|fwd?)\s*:\s*)+/i, '').trim() || subject;
}

/**
 * What the person did, in words: "Viewed Pricing", "Opened the email “Q3 pricing”". An email's title is its subject
 * (the server records it with each open, click and reply), so the row names the email, not just "an email".
 */
export function activityWords(a: Activity): string {
  const label = ACTIVITY_LABELS[a.type];
  const where = a.title ?? (a.url ? shortUrl(a.url) : null);
  const subject = a.title === null || a.title.trim() === '' ? null : a.title.trim();
  switch (a.type) {
    case 'page_view':
    case 'content_download':
      return where ? `${label} ${where}` : label;
    case 'email_open':
      return subject ? `Opened the email “${subject}”` : label;
    case 'email_click':
      return subject ? `Clicked a link in “${subject}”` : label;
    case 'email_reply':
      if (a.outOfOffice) return 'Out-of-office reply';
      return subject ? `Replied to “${answeredSubject(subject)}”` : label;
    case 'unsubscribe':
      return subject ? `Unsubscribed from “${subject}”` : label;
    default:
      return label;
  }
}

function activityRow(a: Activity): TimelineRow {
  const machine = a.trust.label === 'machine';
  const text = activityWords(a);
  const detail = a.type === 'page_view' || a.type === 'content_download' ? (a.title && a.url ? shortUrl(a.url) : null) : a.url ? shortUrl(a.url) : null;
  return {
    key: `activity:${a.id}`,
    at: a.at,
    by: 'contact',
    text: machine ? `${text} (machine)` : text,
    detail,
    faded: machine,
    fadedReason: machine ? a.trust.reason : null,
  };
}

function attemptRow(a: Attempt): TimelineRow {
  const text = a.outcome ? `${CHANNEL_LABELS[a.channel]} · ${OUTCOME_LABELS[a.outcome]}` : CHANNEL_LABELS[a.channel];
  const undone = a.undoneAt !== null;
  return {
    key: `attempt:${a.id}`,
    at: a.at,
    by: 'rep',
    // "Undone" once, in the faded line ("Not counted: Undone"), not again in the text.
    text,
    detail: a.note,
    faded: undone,
    fadedReason: undone ? 'Undone' : null,
    attempt: a,
  };
}

function stageRow(s: StageChange, detail: string | null, currency: string | undefined): TimelineRow {
  return { key: `stage:${s.id}`, at: s.at, by: 'stage', text: describeStageChange(s, currency), detail, faded: false, fadedReason: null };
}

/** The reasons machine activity of a kind was not counted, most frequent first: "Apple Mail Privacy Protection (2)". */
export function machineReasons(activities: readonly Activity[], type: Activity['type']): string[] {
  const counts = new Map<string, number>();
  for (const a of activities) {
    if (a.type !== type || a.trust.label !== 'machine') continue;
    counts.set(a.trust.reason, (counts.get(a.trust.reason) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, n]) => (n > 1 ? `${reason} (${n})` : reason));
}
