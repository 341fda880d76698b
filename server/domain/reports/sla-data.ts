import { and, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Activity } from '../../../lib/core/model/activity';
import type { Attempt } from '../../../lib/core/model/attempt';
import type { Contact } from '../../../lib/core/model/contact';
import type { ReportPeriod } from '../../../lib/core/model/reports';
import type { Role } from '../../../lib/core/model/vocabulary';
import { readSnapshot, type Db } from '../../store/db';
import { toActivity, toAttempt, toContact } from '../../store/rows';
import { activities, attempts, contacts, users } from '../../store/schema';

export interface ReportUser {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
}

/** What the SLA report reads, from one snapshot. */
export interface SlaData {
  users: ReportUser[];
  /** Owned contacts assigned in the period, and owned contacts whose cadence may still be open. */
  contacts: Contact[];
  /** Their attempts, undone ones left out. */
  attempts: Attempt[];
  /** Their replies and booked meetings: the only activity that changes a cadence (it ends it). */
  exitActivities: Activity[];
}

/** Stages whose cadence lib/core ends at once (cadence/exits.ts): not loaded for the open-lead counts. */
const CLOSED_STAGES = ['opportunity', 'customer', 'recycled', 'disqualified'];
const EXIT_ACTIVITY_TYPES = ['email_reply', 'meeting_booked'];

export function loadSlaData(db: Db, workspaceId: string, period: ReportPeriod): Promise<SlaData> {
  const relevantContacts: SQL = and(
    eq(contacts.workspaceId, workspaceId),
    isNull(contacts.deletedAt),
    isNotNull(contacts.ownerId),
    or(
      and(gte(contacts.assignedAt, new Date(period.from)), lt(contacts.assignedAt, new Date(period.to))),
      notInArray(contacts.stage, CLOSED_STAGES),
    ),
  )!;
  return readSnapshot(db, async (tx) => {
    const userRows = await tx
      .select({ id: users.id, name: users.name, role: users.role, disabled: users.disabled })
      .from(users)
      .where(eq(users.workspaceId, workspaceId));
    const contactRows = await tx.select().from(contacts).where(relevantContacts);
    // Joined on the same filter rather than passing ids: a workspace's contacts can outnumber a query's parameters.
    const attemptRows = await tx
      .select({ attempt: attempts })
      .from(attempts)
      .innerJoin(contacts, eq(contacts.id, attempts.contactId))
      .where(and(eq(attempts.workspaceId, workspaceId), isNull(attempts.undoneAt), relevantContacts));
    const activityRows = await tx
      .select({ activity: activities })
      .from(activities)
      .innerJoin(contacts, eq(contacts.id, activities.contactId))
      .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.type, EXIT_ACTIVITY_TYPES), relevantContacts));
    return {
      users: userRows,
      contacts: contactRows.map(toContact),
      attempts: attemptRows.map((r) => toAttempt(r.attempt)),
      exitActivities: activityRows.map((r) => toActivity(r.activity)),
    };
  });
}
