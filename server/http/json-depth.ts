/**
 * How deep a request body's arrays and objects may nest. Our deepest schema needs about 6 levels; walking a value
 * (the NUL check, zod) recurses once a level, and a few thousand levels overflow the stack. 64 is far from both.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, read before it is parsed, in one pass with no
 * recursion: only brackets outside strings count (a `\` inside a string escapes the next character). Malformed text
 * gets an answer too; JSON.parse judges it afterwards.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) inString = true;
    else if (OPENERS.has(ch)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(ch)) depth--;
  }
  return false;
}
