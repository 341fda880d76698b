import { OTHER_REASON } from '../model/outcomes';

/** A reason as recorded: the workspace's code when one was picked from its list, and the words given. */
export interface GivenReason {
  code: string | null;
  text: string | null;
}

export interface RankedReason {
  /** The reason's code; null for reasons given in words only, grouped by their normalised text. */
  code: string | null;
  /** The normalised words: the group's own for a text group, the ones most often given with a code (null if none). */
  text: string | null;
  count: number;
}

/**
 * The explainable normalisation reasons are grouped by when they carry no code: case, spacing and the punctuation
 * around the words do not make a different reason ("Not the buyer." and " not the  buyer" are one).
 */
export function normaliseReasonText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/**
 * Reasons most given first: by code where one was picked from a list, else by normalised words (`other`, the list's
 * free text, is grouped by its words too: two different "other" reasons are two reasons); ties in key order.
 */
export function rankReasons(reasons: readonly GivenReason[]): RankedReason[] {
  const groups = new Map<string, { code: string | null; count: number; texts: Map<string, number> }>();
  for (const reason of reasons) {
    const text = reason.text === null ? '' : normaliseReasonText(reason.text);
    const listed = reason.code !== null && reason.code !== OTHER_REASON;
    const key = listed ? `code:${reason.code}` : `text:${text}`;
    const group = groups.get(key) ?? { code: listed ? reason.code : null, count: 0, texts: new Map<string, number>() };
    group.count += 1;
    if (text !== '') group.texts.set(text, (group.texts.get(text) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, g]) => ({ code: g.code, text: mostGiven(g.texts), count: g.count }));
}

function mostGiven(texts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [text, n] of texts) {
    if (n > bestCount || (n === bestCount && best !== null && text < best)) {
      best = text;
      bestCount = n;
    }
  }
  return best;
}
