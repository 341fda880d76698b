import { z } from 'zod';
import { SyncQuery } from '../../../lib/core/model/sync';
import { summarizeIssues, type InputIssue } from '../../../lib/core/model/parse';
import { badRequest, type ApiError } from '../../http/errors';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../../http/opaque-cursor';

// A sync cursor is the last row version a client was given, `{"v":123}` in the API's one cursor codec. A last page's
// cursor also says until when a pull from it may be answered as caught up (caught-up.ts): `{"v":123,"l":29412345}`,
// `l` the minute the caller's first lookup may lapse, or 0 when none can.

/** The version before every row: a pull without a cursor starts here. */
export const START_VERSION = 0;

const NOT_OURS = 'is not a cursor this server gave';

export interface SyncCursor {
  version: number;
  /**
   * Set on a last page's cursor: the minute (since the epoch) from which a lookup of the caller may have lapsed, or 0
   * when none can. Absent on a page with more after it, and on cursors from before caught-up pulls existed.
   */
  lapseMinute?: number;
}

export function encodeSyncCursor(cursor: SyncCursor): string {
  return encodeOpaqueCursor(cursor.lapseMinute === undefined ? { v: cursor.version } : { v: cursor.version, l: cursor.lapseMinute });
}

const count = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** What a cursor stands for, or null when it is not one this server would write. */
export function decodeSyncCursor(raw: string): SyncCursor | null {
  const decoded = decodeOpaqueCursor(raw);
  if (typeof decoded !== 'object' || decoded === null || !('v' in decoded) || !count(decoded.v)) return null;
  if ('l' in decoded && !count(decoded.l)) return null;
  const cursor: SyncCursor = 'l' in decoded ? { version: decoded.v, lapseMinute: decoded.l as number } : { version: decoded.v };
  return encodeSyncCursor(cursor) === raw ? cursor : null;
}

/**
 * `GET /v1/sync`'s query: SyncQuery with the cursor decoded (SyncCursor), so a bad cursor is reported like any other
 * bad input (400, issue path `cursor`). An empty `cursor=` counts as none: the first pull.
 */
export const SyncRequest = SyncQuery.extend({
  cursor: SyncQuery.shape.cursor.transform((raw, ctx) => {
    if (raw === undefined || raw === '') return { version: START_VERSION } satisfies SyncCursor;
    const cursor = decodeSyncCursor(raw);
    if (cursor === null) {
      ctx.addIssue({ code: 'custom', message: NOT_OURS });
      return z.NEVER;
    }
    return cursor;
  }),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** The same 400 for a well-formed cursor that points past every version this database has drawn (forged, or from a database since reset). */
export function cursorNotOurs(): ApiError {
  const issues: InputIssue[] = [{ path: 'cursor', message: NOT_OURS }];
  return badRequest(summarizeIssues('query', issues), issues);
}
