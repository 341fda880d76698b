import { sql } from 'drizzle-orm';
import type { Db } from '../store/db';

/** A website event as it is kept for a visitor (times already moved by the visitor's clock skew). */
export interface VisitorEventRow {
  id: string;
  type: string;
  at: Date;
  url: string;
  title: string | null;
  /** Only a library item of this workspace (checked by the caller), else null. */
  contentId: string | null;
}

/** What storing an anonymous batch came to: `stored` events, or the contact the visitor already is (nothing stored). */
export type AnonymousOutcome = { stored: number } | { contactId: string };

/**
 * Stores a batch of a visitor who is nobody yet, in one statement and without the workspace's lock: visitors and
 * visitor_events carry no sync version, so only a write of activities needs the lock's ordering. The visitor's upsert
 * locks its row until the statement commits, which is what an identification takes first too, so the two never
 * interleave: when the row already names a contact (identified before, or by a batch that committed while this one
 * waited), no event is stored here and the caller stores the batch under the lock, as the contact's activity.
 * Events go in as arrays through unnest: one statement with a handful of parameters, not nine per event.
 */
export async function storeAnonymous(
  db: Db,
  workspaceId: string,
  visitorId: string,
  events: readonly VisitorEventRow[],
  now: Date,
): Promise<AnonymousOutcome> {
  const firstSeen = new Date(Math.min(...events.map((e) => e.at.getTime())));
  const column = (value: (e: VisitorEventRow) => string | null) => sql.param(events.map(value));
  const result = await db.execute(sql`
    with v as (
      insert into visitors (workspace_id, visitor_id, first_seen, last_seen)
      values (${workspaceId}, ${visitorId}, ${firstSeen.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      on conflict (workspace_id, visitor_id) do update set last_seen = excluded.last_seen
      returning contact_id
    ), e as (
      insert into visitor_events (workspace_id, event_id, visitor_id, type, at, url, title, content_id, received_at)
      select ${workspaceId}, i.event_id, ${visitorId}, i.type, i.at, i.url, i.title, i.content_id, ${now.toISOString()}::timestamptz
      from unnest(${column((e) => e.id)}::text[], ${column((e) => e.type)}::text[], ${column((e) => e.at.toISOString())}::timestamptz[],
                  ${column((e) => e.url)}::text[], ${column((e) => e.title)}::text[], ${column((e) => e.contentId)}::text[])
        as i(event_id, type, at, url, title, content_id)
      where not exists (select 1 from v where v.contact_id is not null)
      on conflict do nothing
      returning 1
    )
    select (select contact_id from v) as contact_id, (select count(*) from e)::int as stored`);
  const row = rowsOf<{ contact_id: string | null; stored: number }>(result)[0];
  if (!row) throw new Error('the visitor upsert answered no row');
  return row.contact_id !== null ? { contactId: row.contact_id } : { stored: row.stored };
}

/** node-postgres answers `{ rows }`, PGlite the same shape; drizzle's execute types both loosely. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
