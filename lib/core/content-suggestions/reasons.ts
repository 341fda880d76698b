import type { LifecycleStage } from '../model/vocabulary';
import type { ScoredItem } from './score';

/** Long enough for three parts, short enough for one line of the side panel. */
export const MAX_REASON_CHARS = 110;
const SEPARATOR = ' · ';

/** The stage as a rep would say it: "for an SQL". */
const STAGE_PHRASE: Readonly<Record<LifecycleStage, string>> = {
  visitor: 'a visitor',
  lead: 'a lead',
  mql: 'an MQL',
  sql: 'an SQL',
  opportunity: 'an opportunity',
  customer: 'a customer',
  recycled: 'a recycled lead',
  disqualified: 'a disqualified contact',
};

export function stagePhrase(stage: LifecycleStage): string {
  return STAGE_PHRASE[stage];
}

/**
 * One line a rep can say out loud, from the parts that scored, most important first:
 * "Decision stage, for an SQL · for CFO roles · on pricing, which they read about · read by 12 customers before buying".
 * When it runs long, the least important parts go first; a lone part that is still too long is cut with "…".
 */
export function suggestionReason(scored: ScoredItem, stage: LifecycleStage): string {
  const parts = [journeyPart(scored, stage), personaPart(scored), topicsPart(scored), assistsPart(scored)].filter(
    (part): part is string => part !== null,
  );
  while (parts.length > 1 && parts.join(SEPARATOR).length > MAX_REASON_CHARS) parts.pop();
  const line = parts.join(SEPARATOR);
  return line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS - 1).trimEnd()}…` : line;
}

function journeyPart({ item, journey }: ScoredItem, stage: LifecycleStage): string | null {
  if (journey.points === 0) return null;
  const stageName = capitalize(item.journeyStage);
  const who = stagePhrase(stage);
  if (journey.steps === 0) return `${stageName} stage, for ${who}`;
  return `${stageName} stage, a step ${journey.steps > 0 ? 'ahead' : 'back'} for ${who}`;
}

/** Abbreviations read in capitals ("CFO"), words as they are ("marketing"). */
function personaPart({ persona }: ScoredItem): string | null {
  if (persona === null) return null;
  return `for ${persona.length <= 3 ? persona.toUpperCase() : persona} roles`;
}

function topicsPart({ topics }: ScoredItem): string | null {
  if (topics.length === 0) return null;
  return `on ${listInWords(topics.map((t) => t.replace(/_/g, ' ')))}, which they read about`;
}

function assistsPart({ item, assistPoints }: ScoredItem): string | null {
  if (assistPoints <= 0) return null;
  return `read by ${item.assists} ${item.assists === 1 ? 'customer' : 'customers'} before buying`;
}

/** "a", "a and b", "a, b and c". */
function listInWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
