import { and, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { STAGES_THAT_END_THE_CADENCE } from '../../../lib/core/cadence';
import type { ReportPeriod } from '../../../lib/core/model/reports';
import type { Role } from '../../../lib/core/model/vocabulary';
import type { SlaInput } from '../../../lib/core/reports';
import { readSnapshot, type Db, type Queryable } from '../../store/db';
import { toAttempt, toContact } from '../../store/rows';
import { attempts, contacts, stageChanges, users } from '../../store/schema';
import { exitActivitiesOf } from '../contacts/cadence';
import { toHistoryEntries } from './history';

/** Whose leads the SLA report covers: everyone's (managers, marketing, admins) or one rep's own (a rep). */
export interface SlaScope {
  ownerId: string | null;
}
export const EVERY_OWNER: SlaScope = { ownerId: null };

/** A rep sees the SLA over their own leads only (docs/api.md § Reports); the other roles see the workspace's. */
export function slaScopeOf(user: { id: string; role: Role }): SlaScope {
  return user.role === 'rep' ? { ownerId: user.id } : EVERY_OWNER;
}

/** Stages whose cadence lib/core ends at once: not loaded for the open-lead counts. */
const CLOSED_STAGES = [...STAGES_THAT_END_THE_CADENCE];

/**
 * Owned contacts the report can count: assigned in the period (delivered), still in a cadence (open now), or whose
 * stage changed in the period (an MQL of the period, however it ended).
 */
function relevantContacts(tx: Queryable, workspaceId: string, period: ReportPeriod, ownerId: string | null): SQL {
  const from = new Date(period.from);
  const to = new Date(period.to);
  const changedInPeriod = tx
    .select({ id: stageChanges.contactId })
    .from(stageChanges)
    .where(and(eq(stageChanges.workspaceId, workspaceId), gte(stageChanges.at, from), lt(stageChanges.at, to)));
  return and(
    eq(contacts.workspaceId, workspaceId),
    isNull(contacts.deletedAt),
    ownerId === null ? isNotNull(contacts.ownerId) : eq(contacts.ownerId, ownerId),
    or(and(gte(contacts.assignedAt, from), lt(contacts.assignedAt, to)), notInArray(contacts.stage, CLOSED_STAGES), inArray(contacts.id, changedInPeriod)),
  )!;
}

/**
 * What the SLA report reads. `scope.ownerId` narrows it to one rep's own leads and that rep alone among the users, so
 * every figure (totals, goal, rows, weeks, drill-down) is theirs and nothing of another rep is loaded at all.
 */
export function loadSlaData(db: Db, workspaceId: string, period: ReportPeriod, scope: SlaScope = EVERY_OWNER): Promise<SlaInput> {
  return readSnapshot(db, async (tx) => {
    const relevant = relevantContacts(tx, workspaceId, period, scope.ownerId);
    const userRows = await tx
      .select({ id: users.id, name: users.name, role: users.role, disabled: users.disabled })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), scope.ownerId === null ? undefined : eq(users.id, scope.ownerId)));
    const contactRows = await tx.select().from(contacts).where(relevant);
    // Joined on the same filter rather than passing ids: a workspace's contacts can outnumber a query's parameters.
    const attemptRows = await tx
      .select({ attempt: attempts })
      .from(attempts)
      .innerJoin(contacts, eq(contacts.id, attempts.contactId))
      .where(and(eq(attempts.workspaceId, workspaceId), isNull(attempts.undoneAt), relevant));
    const exitActivities = await exitActivitiesOf(tx, workspaceId, relevant);
    const historyRows = await tx
      .select({ change: stageChanges })
      .from(stageChanges)
      .innerJoin(contacts, eq(contacts.id, stageChanges.contactId))
      .where(and(eq(stageChanges.workspaceId, workspaceId), relevant));
    return {
      users: userRows,
      contacts: contactRows.map(toContact),
      attempts: attemptRows.map((r) => toAttempt(r.attempt)),
      exitActivities,
      history: toHistoryEntries(historyRows.map((r) => r.change)),
    };
  });
}
