import type { Activity } from '../model/activity';
import type { ContentItem } from '../model/content';
import { normalizePageUrl } from '../intelligence/normalize-url';
import { isPersonActivity } from '../trust/person';

/** The activity fields that say whether, and when, a person read a library item. */
export type ReadingActivity = Pick<Activity, 'type' | 'at' | 'url' | 'contentId' | 'trust'>;

/** One reading of one library item: when a person downloaded it, viewed its page or clicked a tracked link to it. */
export interface Consumption {
  contentId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** The library looked up both ways an activity can point at an item: by id, and by the normalized URL of its page. */
export interface LibraryIndex {
  ids: ReadonlySet<string>;
  byUrl: ReadonlyMap<string, readonly string[]>;
}

export function libraryIndex(library: readonly Pick<ContentItem, 'id' | 'url'>[]): LibraryIndex {
  const byUrl = new Map<string, string[]>();
  for (const item of library) {
    const key = normalizePageUrl(item.url);
    byUrl.set(key, [...(byUrl.get(key) ?? []), item.id]);
  }
  return { ids: new Set(library.map((item) => item.id)), byUrl };
}

/**
 * The library items one activity read: a human or proxy activity naming the item (a download, a tracked link's
 * click), or a page view or download of its URL (compared normalized, so a campaign link to the same page counts).
 * Machine activity (link scanners, prefetches) reads nothing. One rule for suggestions and the closed loop.
 */
export function itemsReadBy(activity: ReadingActivity, index: LibraryIndex): string[] {
  if (!isPersonActivity(activity)) return [];
  const read = new Set<string>();
  if (activity.contentId !== null && index.ids.has(activity.contentId)) read.add(activity.contentId);
  if ((activity.type === 'page_view' || activity.type === 'content_download') && activity.url !== null) {
    for (const id of index.byUrl.get(normalizePageUrl(activity.url)) ?? []) read.add(id);
  }
  return [...read];
}

/** Every reading of a library item among the activities, in the activities' order. */
export function consumptionsOf(activities: readonly ReadingActivity[], index: LibraryIndex): Consumption[] {
  return activities.flatMap((a) => itemsReadBy(a, index).map((contentId) => ({ contentId, at: Date.parse(a.at) })));
}
