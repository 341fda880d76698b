import type { ContentItem } from '../model/content';
import type { JourneyStage } from '../model/vocabulary';
import { journeySteps } from './journey';

/**
 * How much each reason to send a piece weighs. The stage fit leads: the wrong stage is the wrong conversation.
 * Conversion assists add `log2(1 + assists) / 2` (3 assists = 1, 15 = 2): proof matters, but a few popular pieces must
 * not crowd out the ones that fit.
 */
export const SUGGESTION_WEIGHTS = {
  journeyMatch: 3,
  journeyAdjacent: 1,
  persona: 2,
  perInterestTopic: 1,
  interestTopicsCap: 3,
  assistsCap: 2,
} as const;

/** What an item scored for, and on what: reasons.ts turns it into words. */
export interface ScoredItem {
  item: ContentItem;
  score: number;
  journey: { points: number; steps: number };
  /** The persona found in the contact's title, or null. */
  persona: string | null;
  /** Item topics the contact showed interest in, at most the cap, in the item's order. */
  topics: readonly string[];
  assistPoints: number;
}

export function scoreItem(item: ContentItem, target: JourneyStage, title: string | null, interests: ReadonlySet<string>): ScoredItem {
  const w = SUGGESTION_WEIGHTS;
  const steps = journeySteps(target, item.journeyStage);
  const journeyPoints = steps === 0 ? w.journeyMatch : Math.abs(steps) === 1 ? w.journeyAdjacent : 0;
  const persona = matchPersona(item.personas, title);
  // Only as many topics as can score are kept, so the reason never names one that earned nothing.
  const topics = item.topics.filter((t) => interests.has(t)).slice(0, w.interestTopicsCap);
  const topicPoints = Math.min(w.interestTopicsCap, topics.length * w.perInterestTopic);
  const assistPoints = Math.min(w.assistsCap, Math.log2(1 + Math.max(0, item.assists)) / 2);
  return {
    item,
    score: journeyPoints + (persona === null ? 0 : w.persona) + topicPoints + assistPoints,
    journey: { points: journeyPoints, steps },
    persona,
    topics,
    assistPoints,
  };
}

/**
 * The first of the item's personas that the contact's title names, case-insensitively. Personas of three letters or
 * fewer are abbreviations ("cfo", "it", "hr") and must stand as a word, or "it" would match "Security"; longer ones match
 * anywhere ("engineer" in "Engineering Manager"). No personas means "for anyone": it matches nothing and scores 0.
 */
export function matchPersona(personas: readonly string[], title: string | null): string | null {
  if (title === null) return null;
  const haystack = title.toLowerCase();
  for (const raw of personas) {
    const persona = raw.trim().toLowerCase();
    if (persona === '') continue;
    const found = persona.length <= 3 ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(persona)}($|[^a-z0-9])`).test(haystack) : haystack.includes(persona);
    if (found) return persona;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
