import type { Activity } from '../model/activity';
import type { Attempt } from '../model/attempt';
import type { Contact } from '../model/contact';
import type { ContentItem } from '../model/content';
import type { ContentSuggestion } from '../model/derived';
import { consumedContentIds, interestTopics, recentlySentContentIds } from './history';
import { journeyForStage } from './journey';
import { suggestionReason } from './reasons';
import type { ScoredItem } from './score';
import { scoreItem } from './score';

export interface SuggestContentInput {
  contact: Pick<Contact, 'stage' | 'title'>;
  library: readonly ContentItem[];
  /** The contact's own activity. */
  activities: readonly Activity[];
  /** The contact's own attempts, undone ones included (they are skipped here). */
  attempts: readonly Attempt[];
  now: Date;
  /** How many to return; 3 by default. */
  limit?: number;
}

const DEFAULT_LIMIT = 3;

/**
 * The library pieces a rep should send next, best first, each with a reason to say out loud. Leaves out archived
 * pieces, what the person already read, and what was sent in the last 30 days. A piece that scores nothing (wrong
 * stage, no persona, no interest, no assists) has no reason behind it and is left out too. Disqualified: nothing.
 */
export function suggestContent(input: SuggestContentInput): ContentSuggestion[] {
  const { contact, library, activities, attempts, now } = input;
  const limit = Math.max(0, Math.floor(input.limit ?? DEFAULT_LIMIT));
  const target = journeyForStage(contact.stage);
  if (target === null || limit === 0) return [];

  const consumed = consumedContentIds(library, activities);
  const interests = interestTopics(library, consumed);
  const recentlySent = recentlySentContentIds(attempts, now);

  return library
    .filter((item) => !item.archived && !consumed.has(item.id) && !recentlySent.has(item.id))
    .map((item) => scoreItem(item, target, contact.title, interests))
    .filter((scored) => scored.score > 0)
    .sort(bestFirst)
    .slice(0, limit)
    .map((scored) => ({
      contentId: scored.item.id,
      title: scored.item.title,
      url: scored.item.url,
      score: scored.score,
      reason: suggestionReason(scored, contact.stage),
    }));
}

/** Higher score; on a tie the piece with more conversion assists, then title A–Z, then id (so the order never wobbles). */
function bestFirst(a: ScoredItem, b: ScoredItem): number {
  return (
    b.score - a.score ||
    b.item.assists - a.item.assists ||
    compareText(a.item.title.toLowerCase(), b.item.title.toLowerCase()) ||
    compareText(a.item.id, b.item.id)
  );
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
