import { and, eq, inArray } from 'drizzle-orm';
import { CADENCE_EXIT_ACTIVITY_TYPES, cadenceState } from '../../../lib/core/cadence';
import type { CadenceState } from '../../../lib/core/model/derived';
import { policyForLeadType } from '../../../lib/core/model/policy';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { Queryable } from '../../store/db';
import { toActivity, toAttempt, toContact, type ContactRow } from '../../store/rows';
import { activities, attempts } from '../../store/schema';

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
