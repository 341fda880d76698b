/** The rows a fixed-row-height list renders: what is visible, plus `overscan` rows either side. */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
}

/** [start, end): indexes of the rows to render. Empty when there are no rows. */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const maxTop = Math.max(0, count * rowHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil((top + viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, visible + overscan) };
}
