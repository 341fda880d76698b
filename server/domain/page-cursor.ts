import { z } from 'zod';
import { Id, Instant } from '../../lib/core/model/primitives';
import { badRequest } from '../http/errors';

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

/** Opaque to clients: base64url of the position, so nobody builds one by hand and relies on its shape. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id, position.kind])).toString('base64url');
}

/** A cursor this server made, or a 400 naming the `before` parameter. */
export function decodeCursor(cursor: string): PagePosition {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = null;
  }
  const parsed = Position.safeParse(raw);
  if (!parsed.success) {
    const message = 'must be the `next` cursor of an earlier page';
    throw badRequest(`query is not valid: before: ${message}`, [{ path: 'before', message }]);
  }
  const [at, id, kind] = parsed.data;
  return { at: new Date(at), id, kind };
}

/** Code-unit order, as PostgreSQL's "C" collation sorts ids (ids are ASCII), so SQL and JS agree on ties. */
export function compareIds(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Newest first: later `at`, then greater id, then greater kind. */
export function newestFirst(a: PagePosition, b: PagePosition): number {
  return b.at.getTime() - a.at.getTime() || compareIds(b.id, a.id) || compareIds(b.kind, a.kind);
}
