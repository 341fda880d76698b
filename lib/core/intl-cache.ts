/**
 * One Intl formatter per (locale, options), kept: building an Intl.DateTimeFormat costs far more than formatting with
 * one (it resolves the locale and zone data), and the panel formats a date in every timeline row on every render.
 * Options must be plain data (strings, numbers, booleans): they are the cache key.
 */

// Formats in use are few (a handful of shapes × the rep's zone); the bound only guards against a caller that varies them.
const MAX_ENTRIES = 256;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Key order does not matter: `{ a, b }` and `{ b, a }` are the same format; undefined values are absent ones. */
function keyOf(locale: string | undefined, options: object): string {
  const entries = Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([locale ?? null, entries]);
}

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let formatter = cache.get(key);
  if (formatter === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dateFormats, keyOf(locale, options), () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, keyOf(locale, options), () => new Intl.NumberFormat(locale, options));
}
