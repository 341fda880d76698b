import type { Activity } from '../model/activity';
import type { Contact } from '../model/contact';
import type { IntelligenceSummary } from '../model/derived';
import type { ActivityType } from '../model/vocabulary';
import { normalizePageUrl } from './normalize-url';
import { isPersonActivity } from '../trust/person';

export interface SummarizeOptions {
  /** How recent a visit must be for the panel to say "on the site now". */
  activeWindowMinutes?: number;
  /** How many of the most viewed pages to list. */
  topPages?: number;
}

const DEFAULT_ACTIVE_WINDOW_MINUTES = 5;
const DEFAULT_TOP_PAGES = 5;
/** A browser clock a little ahead of ours must not hide a live visitor, so visits up to a minute "ahead" count as now. */
const FUTURE_TOLERANCE_MS = 60_000;
/** What someone does while on the site: an open or a click in the inbox does not put them on it. */
const ON_SITE_TYPES: ReadonlySet<ActivityType> = new Set(['page_view', 'content_download', 'form_submit']);

/**
 * What a rep needs to see about a contact before calling: what the person read, opened and clicked, when they were
 * last seen and how they first arrived. Machine activity is counted apart and never as the person's.
 * Activities may come in any order.
 */
export function summarizeIntelligence(
  contact: Pick<Contact, 'source'>,
  activities: readonly Activity[],
  now: Date,
  options: SummarizeOptions = {},
): IntelligenceSummary {
  const activeWindowMinutes = options.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES;
  const topPageCount = options.topPages ?? DEFAULT_TOP_PAGES;

  // Oldest first (ties by id), so "latest" and "earliest" below are plain first/last picks.
  const chronological = [...activities].sort(byTimeThenId);
  const person = chronological.filter(isPersonActivity);
  const machine = chronological.filter((a) => !isPersonActivity(a));
  const pageViews = person.filter((a) => a.type === 'page_view');
  const first = person[0];
  const last = person[person.length - 1];

  return {
    pagesViewed: pageViews.length,
    distinctPages: new Set(pageViews.flatMap((a) => (a.url === null ? [] : [normalizePageUrl(a.url)]))).size,
    topPages: topPages(pageViews, topPageCount),
    contentDownloaded: person
      .filter((a) => a.type === 'content_download')
      .reverse()
      .map((a) => ({ contentId: a.contentId, title: a.title, url: a.url, at: a.at })),
    emailsOpened: new Set(person.filter((a) => a.type === 'email_open').map(emailKey)).size,
    machineOpens: machine.filter((a) => a.type === 'email_open').length,
    linksClicked: person.filter((a) => a.type === 'email_click').length,
    machineClicks: machine.filter((a) => a.type === 'email_click').length,
    lastSeenAt: last?.at ?? null,
    activeNow: isActiveNow(person, now, activeWindowMinutes),
    firstTouch: first === undefined ? null : { at: first.at, type: first.type, url: first.url },
    source: contact.source,
  };
}

interface PageTally {
  url: string;
  title: string | null;
  views: number;
  lastViewedMs: number;
}

/** Most viewed first; on a tie the page seen most recently. Views without a URL cannot name a page and are left out. */
function topPages(chronologicalViews: readonly Activity[], count: number): IntelligenceSummary['topPages'] {
  const pages = new Map<string, PageTally>();
  for (const view of chronologicalViews) {
    if (view.url === null) continue;
    const url = normalizePageUrl(view.url);
    const tally = pages.get(url) ?? { url, title: null, views: 0, lastViewedMs: 0 };
    tally.views += 1;
    tally.lastViewedMs = Date.parse(view.at);
    // Chronological order makes the last non-null title win: pages get renamed.
    if (view.title !== null) tally.title = view.title;
    pages.set(url, tally);
  }
  return [...pages.values()]
    .sort((a, b) => b.views - a.views || b.lastViewedMs - a.lastViewedMs || compareText(a.url, b.url))
    .slice(0, Math.max(0, count))
    .map(({ url, title, views }) => ({ url, title, views }));
}

/** An email without an id still counts once, as itself: each such open is its own email. */
function emailKey(open: Activity): string {
  return open.emailId === null ? `activity:${open.id}` : `email:${open.emailId}`;
}

/**
 * On the site now: a visit, download or form within the window before `now` (the edge itself counts), or one stamped
 * up to a minute after `now` because the visitor's clock runs ahead.
 */
function isActiveNow(person: readonly Activity[], now: Date, windowMinutes: number): boolean {
  const nowMs = now.getTime();
  const from = nowMs - windowMinutes * 60_000;
  const to = nowMs + FUTURE_TOLERANCE_MS;
  return person.some((a) => {
    if (!ON_SITE_TYPES.has(a.type)) return false;
    const at = Date.parse(a.at);
    return at >= from && at <= to;
  });
}

function byTimeThenId(a: Activity, b: Activity): number {
  return Date.parse(a.at) - Date.parse(b.at) || compareText(a.id, b.id);
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
