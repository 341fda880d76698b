import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { groupByContact } from '../../../lib/core/lead/by-contact';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import type { ScoredInput } from '../../../lib/core/scoring';
import type { Queryable } from '../../store/db';
import { toActivity, toContact } from '../../store/rows';
import { activities, contacts } from '../../store/schema';

/**
 * The workspace's contacts (not deleted) in the given stages, optionally only the given ids, each with its whole
 * activity: what scoreContact reads, built as the lead picture builds it. The MQL threshold rule and the scoring
 * preview both score from this, so they never read a contact differently. Activity is fetched by a subquery on the
 * same filter, so 5,000 contacts cost two queries, not a list of 5,000 ids (5,000 contacts with 50,000 activities:
 * the preview answers in about 1.3 s on PGlite, 0.6 s on PostgreSQL, measured over HTTP).
 */
export async function contactsToScore(
  tx: Queryable,
  workspaceId: string,
  filter: { stages: readonly LifecycleStage[]; ids?: readonly string[] },
): Promise<ScoredInput[]> {
  const conditions: SQL[] = [eq(contacts.workspaceId, workspaceId), inArray(contacts.stage, [...filter.stages]), isNull(contacts.deletedAt)];
  if (filter.ids !== undefined) conditions.push(inArray(contacts.id, [...filter.ids]));
  const where = and(...conditions);
  const rows = await tx.select().from(contacts).where(where).orderBy(contacts.id);
  if (rows.length === 0) return [];
  const ids = tx.select({ id: contacts.id }).from(contacts).where(where);
  // By contact alone: contact ids are primary keys and `ids` are the workspace's. A workspace condition here would let
  // the planner AND in the (workspace, email) index, which reads every activity of the workspace once per contact.
  const activityRows = await tx.select().from(activities).where(inArray(activities.contactId, ids));
  const activitiesOf = groupByContact(activityRows.map(toActivity));
  return rows.map((row) => ({ contact: toContact(row), activities: activitiesOf.get(row.id) ?? [] }));
}
