import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { CADENCE_EXIT_ACTIVITY_TYPES, cadenceState, type ExitActivity } from '../../../lib/core/cadence';
import type { CadenceState } from '../../../lib/core/model/derived';
import { policyForLeadType } from '../../../lib/core/model/policy';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { Queryable } from '../../store/db';
import { toActivity, toAttempt, toContact, type ContactRow } from '../../store/rows';
import { activities, attempts, contacts } from '../../store/schema';

/** One contact's cadence state at `now`, computed by lib/core from its attempts and replies, as the panel computes it. */
export async function cadenceOfContact(tx: Queryable, settings: WorkspaceSettings, row: ContactRow, now: Date): Promise<CadenceState | null> {
  if (row.ownerId === null || row.assignedAt === null) return null;
  const attemptRows = await tx.select().from(attempts).where(and(eq(attempts.workspaceId, row.workspaceId), eq(attempts.contactId, row.id)));
  const activityRows = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.contactId, row.id), inArray(activities.type, [...CADENCE_EXIT_ACTIVITY_TYPES])));
  const contact = toContact(row);
  return cadenceState({
    contact,
    policy: policyForLeadType(settings.policies, contact.leadType),
    calendar: settings.calendar,
    attempts: attemptRows.map(toAttempt),
    activities: activityRows.map(toActivity),
    now,
  });
}

/**
 * The replies and booked meetings (what ends a cadence) of a workspace's contacts that match `contactFilter`, for many
 * leads at once (the SLA report, the alert engine's minute check): joined on the filter rather than passing ids (a
 * workspace's leads can outnumber a query's parameters), and only what decides an exit, the columns of the
 * activities_cadence_exits index, so they are read from it alone.
 */
export async function exitActivitiesOf(tx: Queryable, workspaceId: string, contactFilter: SQL | undefined): Promise<ExitActivity[]> {
  const rows = await tx
    .select({ contactId: activities.contactId, type: activities.type, at: activities.at, outOfOffice: activities.outOfOffice })
    .from(activities)
    .innerJoin(contacts, eq(contacts.id, activities.contactId))
    .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.type, [...CADENCE_EXIT_ACTIVITY_TYPES]), contactFilter));
  return rows.map((a) => ({ ...a, type: a.type as ExitActivity['type'], at: a.at.toISOString() }));
}
