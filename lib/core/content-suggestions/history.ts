import type { Activity } from '../model/activity';
import type { Attempt } from '../model/attempt';
import type { ContentItem } from '../model/content';
import { itemsReadBy, libraryIndex } from '../closed-loop/consumption';
import { DAY_MS } from '../time-units';

/** A piece sent this recently is not suggested again: the rep would be repeating themselves. */
export const RECENTLY_SENT_DAYS = 30;

/**
 * Library items the person has read (`itemsReadBy` in lib/core/closed-loop/consumption.ts: a human or proxy activity
 * naming the item, or a page view or download of its URL, compared normalized). Machine activity does not count.
 */
export function consumedContentIds(library: readonly ContentItem[], activities: readonly Activity[]): Set<string> {
  const index = libraryIndex(library);
  return new Set(activities.flatMap((a) => itemsReadBy(a, index)));
}

/** Topics of everything the person has read, archived pieces included: interest outlives the piece. */
export function interestTopics(library: readonly ContentItem[], consumedIds: ReadonlySet<string>): Set<string> {
  return new Set(library.filter((item) => consumedIds.has(item.id)).flatMap((item) => item.topics));
}

/**
 * Items sent with an attempt in the last 30 days (the edge itself included; a future-dated attempt counts as recent).
 * An undone attempt was never made, so what it carried was never sent.
 */
export function recentlySentContentIds(attempts: readonly Attempt[], now: Date): Set<string> {
  const since = now.getTime() - RECENTLY_SENT_DAYS * DAY_MS;
  return new Set(attempts.filter((a) => a.undoneAt === null && Date.parse(a.at) >= since).flatMap((a) => a.contentIds));
}
