import type { Activity } from '../model/activity';
import type { Attempt } from '../model/attempt';
import type { Contact } from '../model/contact';
import type { ContentItem } from '../model/content';
import type { ContentSuggestion } from '../model/derived';
import type { Question, QuestionAnswer } from '../model/questions';
import { answeredQuestions, answerReason } from './answers';
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
  /** The contact's own questions, and the workspace's linked answers: an item that answers one goes first. */
  questions?: readonly Pick<Question, 'key' | 'at'>[];
  answers?: readonly Pick<QuestionAnswer, 'key' | 'contentId'>[];
  /** The work calendar's zone, for the day a question was asked ("on Tuesday"); UTC if not given. */
  timeZone?: string;
}

const DEFAULT_LIMIT = 3;

/**
 * The library pieces a rep should send next, best first, each with a reason to say out loud. Leaves out archived
 * pieces, what the person already read, and what was sent in the last 30 days. First come the pieces marketing linked
 * as answers to questions this contact asked, newest question first ("Answers the question they asked on Tuesday"),
 * whatever they score; then the rest by score. A piece that scores nothing (wrong stage, no persona, no interest, no
 * assists) has no reason behind it and is left out. Disqualified: nothing.
 */
export function suggestContent(input: SuggestContentInput): ContentSuggestion[] {
  const { contact, library, activities, attempts, now } = input;
  const limit = Math.max(0, Math.floor(input.limit ?? DEFAULT_LIMIT));
  const target = journeyForStage(contact.stage);
  if (target === null || limit === 0) return [];

  const consumed = consumedContentIds(library, activities);
  const interests = interestTopics(library, consumed);
  const recentlySent = recentlySentContentIds(attempts, now);

  const candidates = library
    .filter((item) => !item.archived && !consumed.has(item.id) && !recentlySent.has(item.id))
    .map((item) => scoreItem(item, target, contact.title, interests));
  const byId = new Map(candidates.map((scored) => [scored.item.id, scored]));
  const answers = answeredQuestions(input.questions ?? [], input.answers ?? []).flatMap((answered) => {
    const scored = byId.get(answered.contentId);
    return scored ? [{ scored, reason: answerReason(answered.askedAt, now, input.timeZone ?? 'UTC') }] : [];
  });
  const answering = new Set(answers.map((a) => a.scored.item.id));
  const ranked = candidates
    .filter((scored) => scored.score > 0 && !answering.has(scored.item.id))
    .sort(bestFirst)
    .map((scored) => ({ scored, reason: suggestionReason(scored, contact.stage) }));

  return [...answers, ...ranked].slice(0, limit).map(({ scored, reason }) => ({
    contentId: scored.item.id,
    title: scored.item.title,
    url: scored.item.url,
    score: scored.score,
    reason,
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
