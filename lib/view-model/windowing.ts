/**
 * A long list shown a page at a time, in the page's own flow (it scrolls with the panel, each row as tall as its
 * content): how many rows show after `pages` pages, and what the button for the next page says.
 */
export function shownRows(count: number, pages: number, pageSize: number): number {
  if (count <= 0 || pageSize <= 0) return 0;
  return Math.min(count, Math.max(1, pages) * pageSize);
}

/** "Show 30 older · 4,970 not shown yet", or null once every row shows. */
export function moreRowsLabel(count: number, shown: number, pageSize: number, noun = 'older'): string | null {
  const left = count - shown;
  if (left <= 0) return null;
  const next = Math.min(pageSize, left);
  return next === left ? `Show the ${left} ${noun}` : `Show ${next} ${noun} · ${left.toLocaleString('en-US')} not shown yet`;
}
