// The one codec for the cursors the API hands out (paged lists' `next`, the sync `cursor`): base64url of a JSON
// value. Opaque to clients, so the server may change what is inside; nothing in one is secret, since every read checks
// the caller's scope whatever the cursor says.

export function encodeOpaqueCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * The value inside a cursor this server wrote, or undefined. Only the exact encoding passes (no padding, spaces or
 * reordered JSON), so a hand-made cursor is refused rather than guessed at; callers still check the value's shape.
 */
export function decodeOpaqueCursor(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return encodeOpaqueCursor(value) === cursor ? value : undefined;
}
