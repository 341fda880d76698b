import { and, count, eq, gte, isNotNull, isNull, lt } from 'drizzle-orm';
import type { FunnelReport, StageCounts } from '../../../lib/core/model/reports';
import { LIFECYCLE_STAGES } from '../../../lib/core/model/vocabulary';
import { readSnapshot, type Db } from '../../store/db';
import { contacts, users } from '../../store/schema';
import { planFromQuery, type FunnelQuery } from './funnel-input';
import { DAY_MS } from '../../../lib/core/time-units';

/** The recent flow of leads to sales is averaged over this many weeks. */
const FLOW_WEEKS = 4;

/** The funnel plan worked back from the revenue goal, next to where the workspace's contacts stand today. */
export async function funnelReport(db: Db, workspaceId: string, query: FunnelQuery, now: Date): Promise<FunnelReport> {
  const flowFrom = new Date(now.getTime() - FLOW_WEEKS * 7 * DAY_MS);
  const { repsStaffed, stageRows, handedToSales } = await readSnapshot(db, async (tx) => {
    const [reps] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'rep'), eq(users.disabled, false)));
    const stageRows = await tx
      .select({ stage: contacts.stage, n: count() })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), isNull(contacts.deletedAt)))
      .groupBy(contacts.stage);
    const [handed] = await tx
      .select({ n: count() })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, workspaceId),
          isNull(contacts.deletedAt),
          isNotNull(contacts.ownerId),
          gte(contacts.assignedAt, flowFrom),
          lt(contacts.assignedAt, now),
        ),
      );
    return { repsStaffed: reps?.n ?? 0, stageRows, handedToSales: handed?.n ?? 0 };
  });

  const { plan, input } = planFromQuery(query, repsStaffed);
  const stages = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as StageCounts;
  for (const row of stageRows) {
    const stage = LIFECYCLE_STAGES.find((s) => s === row.stage);
    if (stage !== undefined) stages[stage] = row.n;
  }
  return {
    input: {
      revenueGoal: input.revenueGoal,
      averageDealSize: input.averageDealSize,
      rates: input.rates,
      workingWeeks: input.workingWeeks,
      reviewsPerRepPerWeek: input.reviewsPerRepPerWeek ?? null,
      repsStaffed,
    },
    plan,
    actual: {
      asOf: now.toISOString(),
      stages,
      total: stageRows.reduce((sum, row) => sum + row.n, 0),
      handedToSales: {
        from: flowFrom.toISOString(),
        to: now.toISOString(),
        weeks: FLOW_WEEKS,
        leads: handedToSales,
        perWeek: handedToSales / FLOW_WEEKS,
      },
    },
    notes: [
      `The plan covers ${input.workingWeeks} working weeks; repsStaffed is the workspace's ${repsStaffed} active reps.`,
      'Actual stages are today’s counts of contacts (deleted ones left out), not the flow over the plan’s period.',
      `Handed to sales: leads assigned to an owner in the last ${FLOW_WEEKS} weeks, per week. Actual MQLs a week are not shown: Leadside keeps each contact’s current stage, not when it changed, so that flow cannot be derived honestly.`,
    ],
  };
}
