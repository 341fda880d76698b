/**
 * The group key of a prospect's question: the same question asked in different words gets the same key, so marketing
 * sees one question asked eleven times rather than eleven questions. The rule is short on purpose, so anyone can say
 * why two wordings grouped (docs/vocabulary.md § Prospects' questions):
 *
 * 1. lower-case it and drop accents ("Intégration" → "integration");
 * 2. drop contractions' tails ("what's" → "what", "doesn't" → "doesn");
 * 3. split on everything that is not a letter or a digit ("w/", "?", "-" all split);
 * 4. drop one-letter tokens, question words, auxiliaries, pronouns, articles and other filler (STOPWORDS);
 * 5. stem each word lightly: one common ending off, keeping at least three letters ("integration", "integrating",
 *    "integrates", "integrate" → "integr"; "prices", "pricing", "price" → "pric");
 * 6. keep each stem once, sorted, joined with "-": "integr-salesforce".
 *
 * What it groups: word order, punctuation, case, plurals and the usual verb and noun endings, filler words.
 * What it does not: synonyms ("CRM" and "Salesforce", "cost" and "price"), misspellings, negation is kept apart only
 * where a content word says so ("no", "not" are kept; "doesn't" is filler), and meaning carried by the dropped words.
 * When a question is nothing but filler ("What is it?"), its filler words are its key, so it still groups with itself.
 */

export const STOPWORDS: ReadonlySet<string> = new Set([
  // question words
  'what', 'how', 'why', 'when', 'where', 'which', 'who', 'whom', 'whose',
  // auxiliaries and their negated contractions (their tails are dropped in step 2)
  'do', 'does', 'did', 'doesn', 'don', 'didn', 'is', 'are', 'was', 'were', 'isn', 'aren', 'wasn', 'weren', 'be', 'been',
  'being', 'am', 'can', 'cannot', 'could', 'couldn', 'will', 'won', 'would', 'wouldn', 'should', 'shouldn', 'shall',
  'may', 'might', 'must', 'have', 'has', 'had', 'haven', 'hasn',
  // pronouns
  'you', 'your', 'yours', 'we', 'our', 'ours', 'us', 'me', 'my', 'mine', 'it', 'its', 'they', 'them', 'their', 'theirs',
  'he', 'she', 'him', 'her', 'his', 'this', 'that', 'these', 'those', 'there', 'here',
  // articles, prepositions, conjunctions
  'the', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'with', 'without', 'at', 'by', 'from', 'about',
  'as', 'into', 'onto', 'if', 'so', 'than', 'then', 'via', 'per',
  // filler
  'any', 'some', 'also', 'just', 'really', 'please', 'yet', 'still', 'even', 'get', 'got', 'there', 'ok', 'okay',
  'hi', 'hey', 'thanks', 'thank',
]);

/** Endings taken off, longest first within each family; the first that leaves three letters or more wins. */
const SUFFIXES: readonly (readonly [ending: string, replacement: string])[] = [
  ['ations', ''],
  ['ation', ''],
  ['ies', 'y'],
  ['ions', ''],
  ['ion', ''],
  ['ating', ''],
  ['ings', ''],
  ['ing', ''],
  ['ates', ''],
  ['ated', ''],
  ['ate', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
  ['e', ''],
];
const MIN_STEM = 3;

export const QUESTION_KEY_SEPARATOR = '-';

/** The words of a text after steps 1–3, before anything is dropped. */
export function questionWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]\p{L}*/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

/** Step 5: one ending off, if what remains keeps at least three letters; "ss" is no plural ("access" stays). */
export function stemWord(word: string): string {
  for (const [ending, replacement] of SUFFIXES) {
    if (!word.endsWith(ending)) continue;
    if (ending === 's' && word.endsWith('ss')) continue;
    const stem = word.slice(0, word.length - ending.length) + replacement;
    if (stem.length >= MIN_STEM) return stem;
  }
  return word;
}

/** The group key of a question ("" only when it holds no word of two letters or more). */
export function questionKey(text: string): string {
  const words = questionWords(text);
  const meaningful = words.filter((word) => !STOPWORDS.has(word));
  const kept = meaningful.length > 0 ? meaningful : words;
  return [...new Set(kept.map(stemWord))].sort().join(QUESTION_KEY_SEPARATOR);
}
