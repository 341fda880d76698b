import { and, count, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { FunnelReport, ReportPeriod, StageCounts } from '../../../lib/core/model/reports';
import { LIFECYCLE_STAGES } from '../../../lib/core/model/vocabulary';
import { funnelActuals, planWithMeasuredRates } from '../../../lib/core/reports';
import { readSnapshot, type Db, type Tx } from '../../store/db';
import { contacts, stageChanges, users } from '../../store/schema';
import { planFromQuery, type FunnelQuery } from './funnel-input';
import { toHistoryEntries } from './history';
import { DAY_MS } from '../../../lib/core/time-units';

/** The recent flow of leads to sales is averaged over this many weeks. */
const FLOW_WEEKS = 4;

/**
 * The funnel plan worked back from the revenue goal, next to where the workspace's contacts stand today, the funnel
 * as stage history recorded it over the period (both bases), and the plan again with the rates the team has.
 */
export async function funnelReport(db: Db, workspaceId: string, query: FunnelQuery, period: ReportPeriod, now: Date): Promise<FunnelReport> {
  const flowFrom = new Date(now.getTime() - FLOW_WEEKS * 7 * DAY_MS);
  const { repsStaffed, stageRows, handedToSales, journeys } = await readSnapshot(db, async (tx) => {
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
    return { repsStaffed: reps?.n ?? 0, stageRows, handedToSales: handed?.n ?? 0, journeys: await loadJourneys(tx, workspaceId, period) };
  });

  const { plan, input } = planFromQuery(query, repsStaffed);
  const stages = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as StageCounts;
  for (const row of stageRows) {
    const stage = LIFECYCLE_STAGES.find((s) => s === row.stage);
    if (stage !== undefined) stages[stage] = row.n;
  }
  const actuals = funnelActuals({ ...journeys, period: { from: Date.parse(period.from), to: Date.parse(period.to) } });
  const measured = planWithMeasuredRates(
    { revenueGoal: input.revenueGoal, averageDealSize: input.averageDealSize, workingWeeks: input.workingWeeks, reviewsPerRepPerWeek: input.reviewsPerRepPerWeek, repsStaffed: input.repsStaffed },
    input.rates,
    actuals.byCohort.rates,
  );
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
      period,
      byPeriod: { ...actuals.byPeriod, rates: { ...actuals.byPeriod.rates, visitorToLead: null } },
      byCohort: { ...actuals.byCohort, rates: { ...actuals.byCohort.rates, visitorToLead: null } },
    },
    measured,
    notes: [
      `The plan covers ${input.workingWeeks} working weeks; repsStaffed is the workspace's ${repsStaffed} active reps.`,
      'Actual stages are today’s counts of contacts (deleted ones left out), not the flow over the plan’s period.',
      `Handed to sales: leads assigned to an owner in the last ${FLOW_WEEKS} weeks, per week.`,
      'By period: contacts that first reached each stage in the period, as stage history recorded it; a contact that enters further up (created as an MQL) reached the stages it skipped, from lead up, at that moment; reconstructed entries, whose moment nobody saw, are left out. Rates are ratios of these flows and may pass 1.',
      'By cohort: contacts created in the period, and how far each has got by now (reconstructed entries count: they say how far it got). Rates are shares of the cohort that moved on; a recent cohort is still moving.',
      'Visitor → lead is not measured: most of the visitors a site converts are anonymous, not contacts.',
      'Time in stage: calendar days from entering a stage to the next change, over stays that ended (by period: in the period; by cohort: the cohort’s), recorded entries only; the median.',
      'Measured plan: the same goal worked back with the cohort’s rates where one is above 0, else the rate given.',
    ],
  };
}

/**
 * The contacts both bases can count, with their whole history: those created in the period (the cohort) and those
 * whose stage changed in it (the period's flows and stays). Deleted contacts are left out, as in the stage counts.
 */
async function loadJourneys(tx: Tx, workspaceId: string, period: ReportPeriod) {
  const from = new Date(period.from);
  const to = new Date(period.to);
  const changedInPeriod = tx
    .select({ id: stageChanges.contactId })
    .from(stageChanges)
    .where(and(eq(stageChanges.workspaceId, workspaceId), gte(stageChanges.at, from), lt(stageChanges.at, to)));
  const relevant = and(
    eq(contacts.workspaceId, workspaceId),
    isNull(contacts.deletedAt),
    or(and(gte(contacts.createdAt, from), lt(contacts.createdAt, to)), inArray(contacts.id, changedInPeriod)),
  );
  const contactRows = await tx.select({ id: contacts.id, createdAt: contacts.createdAt }).from(contacts).where(relevant);
  const historyRows = await tx
    .select({ change: stageChanges })
    .from(stageChanges)
    .innerJoin(contacts, eq(contacts.id, stageChanges.contactId))
    .where(and(eq(stageChanges.workspaceId, workspaceId), relevant));
  return {
    contacts: contactRows.map((c) => ({ id: c.id, createdAt: c.createdAt.getTime() })),
    history: toHistoryEntries(historyRows.map((r) => r.change)),
  };
}
