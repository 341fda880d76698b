import { z } from 'zod';
import { Instant } from '../../../lib/core/model/primitives';
import { badRequest } from '../../http/errors';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../../http/opaque-cursor';

/**
 * Where a page of question groups ended, in their ranking's order (most asked, then most recently asked, then key):
 * the next page starts strictly after it, so groups that tie are neither skipped nor repeated.
 */
export interface GroupPosition {
  count: number;
  lastAskedAt: Date;
  key: string;
}

const Position = z.tuple([z.number().int().nonnegative(), Instant, z.string().min(1).max(400)]);

export function encodeGroupPosition(p: GroupPosition): string {
  return encodeOpaqueCursor([p.count, p.lastAskedAt.toISOString(), p.key]);
}

/** A cursor this route made, or a 400 naming `before`. */
export function decodeGroupPosition(cursor: string): GroupPosition {
  const parsed = Position.safeParse(decodeOpaqueCursor(cursor));
  if (!parsed.success) {
    const message = 'must be the `next` cursor of an earlier page';
    throw badRequest(`query is not valid: before: ${message}`, [{ path: 'before', message }]);
  }
  const [count, lastAskedAt, key] = parsed.data;
  return { count, lastAskedAt: new Date(lastAskedAt), key };
}
