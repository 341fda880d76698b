import { Id } from '../../lib/core/model/primitives';
import { notFound } from '../http/errors';

/**
 * An id taken from the URL. One that cannot be an id (a stray character, 65 of them, a NUL the database would choke
 * on) names nothing, so it answers 404 like any unknown id, before it reaches a query.
 */
export function idFromPath(raw: string, what: string): string {
  if (!Id.safeParse(raw).success) throw notFound(what);
  return raw;
}
