import { z } from 'zod';
import { Id, Instant } from '../../lib/core/model/primitives';
import { badRequest } from '../http/errors';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../http/opaque-cursor';

/**
 * Where a newest-first page ended: the last item's instant, id and (when a page merges tables) kind. The next page
 * starts strictly after it in (at, id, kind) order, so items sharing an instant are neither skipped nor repeated.
 */
export interface PagePosition {
  at: Date;
  id: string;
  kind: string;
}

const Position = z.tuple([Instant, Id, z.string().max(20)]);

/** Opaque to clients, so nobody builds one by hand and relies on its shape. */
export function encodePagePosition(position: PagePosition): string {
  return encodeOpaqueCursor([position.at.toISOString(), position.id, position.kind]);
}

/** A cursor this server made, or a 400 naming the `before` parameter. */
export function decodePagePosition(cursor: string): PagePosition {
  const parsed = Position.safeParse(decodeOpaqueCursor(cursor));
  if (!parsed.success) {
    const message = 'must be the `next` cursor of an earlier page';
    throw badRequest(`query is not valid: before: ${message}`, [{ path: 'before', message }]);
  }
  const [at, id, kind] = parsed.data;
  return { at: new Date(at), id, kind };
}

/**
 * One page out of rows fetched `limit + 1` at a time, newest first: the first `limit` rows, whether the extra one says
 * there are more, and the cursor after the last row given (null when there are none).
 */
export function pageOfRows<T>(rows: readonly T[], limit: number, positionOf: (row: T) => PagePosition): { page: T[]; more: boolean; next: string | null } {
  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  const last = page[page.length - 1];
  return { page, more, next: more && last !== undefined ? encodePagePosition(positionOf(last)) : null };
}

/** Code-unit order, as PostgreSQL's "C" collation sorts ids (ids are ASCII), so SQL and JS agree on ties. */
export function compareIds(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Newest first: later `at`, then greater id, then greater kind. */
export function newestFirst(a: PagePosition, b: PagePosition): number {
  return b.at.getTime() - a.at.getTime() || compareIds(b.id, a.id) || compareIds(b.kind, a.kind);
}
