/**
 * Wildcard patterns for scoring rules ("*vp*|*head of*", "/pricing*"): case-insensitive, `*` is any run of
 * characters (including none), `|` separates alternatives, every other character is literal.
 *
 * Matched by hand rather than through a RegExp: a workspace writes these patterns, and a pattern such as
 * `*a*a*a*a*b` compiled to `.*a.*a.*a.*a.*b` backtracks exponentially. Here each alternative is split on
 * `*` and its literal pieces are found left to right, each at its earliest place, which never backtracks.
 */
export function matchesWildcard(pattern: string, text: string): boolean {
  const subject = text.toLowerCase();
  return alternativesOf(pattern).some((alternative) => matchesAlternative(alternative.toLowerCase(), subject));
}

/**
 * A rule's `urlPattern` against an activity's URL. An alternative holding "://" is matched against the
 * whole URL ("https://docs.acme.com/*"); any other against the path and query ("/pricing*"), so a rule
 * works whichever host the page was served from. Decided per alternative, so "/pricing*|*://docs.*" works.
 * A URL that does not parse never matches.
 */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  const whole = parsed.href;
  const pathAndQuery = parsed.pathname + parsed.search;
  return alternativesOf(pattern).some((alternative) => matchesWildcard(alternative, alternative.includes('://') ? whole : pathAndQuery));
}

/** Empty alternatives (a stray "|") are dropped: an empty pattern matching only empty text is never what was meant. */
function alternativesOf(pattern: string): string[] {
  return pattern.split('|').filter((alternative) => alternative.length > 0);
}

function matchesAlternative(alternative: string, text: string): boolean {
  const pieces = alternative.split('*');
  if (pieces.length === 1) return alternative === text;

  // The first piece is anchored at the start and the last at the end; the ones between float.
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;

  const end = text.length - last.length;
  let from = first.length;
  for (const piece of pieces.slice(1, -1)) {
    // Consecutive stars leave empty pieces: they add nothing, so "**" acts as "*".
    if (piece.length === 0) continue;
    // The earliest place leaves the most room for the pieces after it, so no other place need be tried.
    const at = text.indexOf(piece, from);
    if (at === -1 || at + piece.length > end) return false;
    from = at + piece.length;
  }
  return true;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
