import { z } from 'zod';
import { SyncQuery } from '../../../lib/core/model/sync';
import { summarizeIssues, type InputIssue } from '../../../lib/core/model/parse';
import { badRequest, type ApiError } from '../../http/errors';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../../http/opaque-cursor';

// A sync cursor is the last row version a client was given, `{"v":123}` in the API's one cursor codec.

/** The version before every row: a pull without a cursor starts here. */
export const START_VERSION = 0;

const NOT_OURS = 'is not a cursor this server gave';

export function encodeSyncCursor(version: number): string {
  return encodeOpaqueCursor({ v: version });
}

/** The version a cursor stands for, or null when it is not one this server would write. */
export function decodeSyncCursor(cursor: string): number | null {
  const decoded = decodeOpaqueCursor(cursor);
  if (typeof decoded !== 'object' || decoded === null || !('v' in decoded)) return null;
  const { v } = decoded;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return null;
  return encodeSyncCursor(v) === cursor ? v : null;
}

/**
 * `GET /v1/sync`'s query: SyncQuery with the cursor decoded to a version, so a bad cursor is reported like any other
 * bad input (400, issue path `cursor`). An empty `cursor=` counts as none: the first pull.
 */
export const SyncRequest = SyncQuery.extend({
  cursor: SyncQuery.shape.cursor.transform((raw, ctx) => {
    if (raw === undefined || raw === '') return START_VERSION;
    const version = decodeSyncCursor(raw);
    if (version === null) {
      ctx.addIssue({ code: 'custom', message: NOT_OURS });
      return z.NEVER;
    }
    return version;
  }),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** The same 400 for a well-formed cursor that points past every version this database has drawn (forged, or from a database since reset). */
export function cursorNotOurs(): ApiError {
  const issues: InputIssue[] = [{ path: 'cursor', message: NOT_OURS }];
  return badRequest(summarizeIssues('query', issues), issues);
}
