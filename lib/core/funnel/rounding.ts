/**
 * Whole people and deals come in ones, so counts round up (floor for what can be afforded). A quotient such as
 * 3 / 0.3 comes out as 10.000000000000002 in binary floating point; within this relative tolerance it is the whole
 * number it means, not one more.
 */
const TOLERANCE = 1e-9;

export function wholeAtLeast(value: number): number {
  const nearest = Math.round(value);
  return isNearly(value, nearest) ? nearest : Math.ceil(value);
}

export function wholeAtMost(value: number): number {
  const nearest = Math.round(value);
  return isNearly(value, nearest) ? nearest : Math.floor(value);
}

function isNearly(value: number, whole: number): boolean {
  return Math.abs(value - whole) <= TOLERANCE * Math.max(1, Math.abs(value));
}
