/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** part / whole, or null when there is nothing to divide by (a share of no leads is unknown, not 0). */
export function ratioOrNull(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
