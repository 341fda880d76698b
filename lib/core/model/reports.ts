import { z } from 'zod';
import { Id, Instant } from './primitives';

/**
 * The dashboard's figures (docs/vocabulary.md § SLA, both ways: "marketing delivered vs goal; sales first touch within SLA, attempts per lead";
 * the funnel planned backwards from a revenue goal). The server answers with these shapes and the dashboard and the
 * tests parse with them, so both sides read the same definitions.
 */

/** The longest period a report covers: a little over a year, so a year-on-year view fits and a typo does not scan a decade. */
export const MAX_REPORT_DAYS = 400;
/** The period a report covers when none is given: the 30 days up to now. */
export const DEFAULT_REPORT_DAYS = 30;

/** `?from=&to=`: ISO instants, `from` inclusive, `to` exclusive; either may be left out. */
export const ReportPeriodQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
});
export type ReportPeriodQuery = z.infer<typeof ReportPeriodQuery>;

export const ReportPeriod = z.object({
  from: Instant,
  to: Instant,
  /** (to − from) in days, fractional: the goal scales with it. */
  days: z.number().positive(),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

const Count = z.number().int().nonnegative();
/** A share from 0 to 1; null when there is nothing to divide by. */
const Share = z.number().min(0).max(1).nullable();

/** First touches under the sales side of the SLA (cadenceState's `firstTouchMet`). */
export const FirstTouchFigures = z.object({
  /** Leads the SLA can judge: touched, or with the first-touch deadline already passed. */
  judged: Count,
  /** Judged leads whose first attempt came by the deadline. */
  withinSla: Count,
  /** withinSla / judged; null when no lead can be judged yet. */
  share: Share,
  /** Untouched leads still inside their first-touch window: left out of the share. */
  pending: Count,
  /** Leads with a first attempt (not undone). */
  touched: Count,
  /** Median business hours from assignment to the first attempt over the touched leads; null when none. */
  medianBusinessHours: z.number().nonnegative().nullable(),
});
export type FirstTouchFigures = z.infer<typeof FirstTouchFigures>;

/** Leads an owner is working today, by cadence status (complete and exited leads are no longer open). */
export const OpenLeadCounts = z.object({
  breached: Count,
  overdue: Count,
  due: Count,
  on_track: Count,
  first_touch_due: Count,
  paused: Count,
});
export type OpenLeadCounts = z.infer<typeof OpenLeadCounts>;
export const OPEN_CADENCE_STATUSES = ['breached', 'overdue', 'due', 'on_track', 'first_touch_due', 'paused'] as const;

export const RepSlaFigures = z.object({
  id: Id,
  name: z.string(),
  /** False for a disabled user or a non-rep who owns leads of the period: listed so the rows add up to the totals. */
  active: z.boolean(),
  leads: Count,
  firstTouch: FirstTouchFigures,
  attempts: Count,
  /** attempts / leads; null without leads. */
  attemptsPerLead: z.number().nonnegative().nullable(),
  openLeads: OpenLeadCounts,
});
export type RepSlaFigures = z.infer<typeof RepSlaFigures>;

export const SlaReport = z.object({
  period: ReportPeriod,
  generatedAt: Instant,
  /** Marketing's side: leads handed to sales against the goal for the period. */
  marketing: z.object({
    delivered: Count,
    /** mqlsPerRepPerMonth × activeReps × days / 30, unrounded. */
    goal: z.number().nonnegative(),
    /** delivered / goal (1 = goal met); null when the goal is 0. */
    ratio: z.number().nonnegative().nullable(),
    mqlsPerRepPerMonth: Count,
    activeReps: Count,
  }),
  /** Sales' side, over the same leads. */
  sales: z.object({
    leads: Count,
    firstTouch: FirstTouchFigures,
    /** The share of first touches within SLA the workspace aims for (settings.sla.firstTouchTarget). */
    firstTouchTarget: z.number().min(0).max(1),
    attempts: Count,
    attemptsPerLead: z.number().nonnegative().nullable(),
    openLeads: OpenLeadCounts,
  }),
  /** Every active rep, plus anyone else who owns leads of the period; by name. */
  reps: z.array(RepSlaFigures),
  /** How each figure is defined, in words for the dashboard's footnotes. */
  notes: z.array(z.string()),
});
export type SlaReport = z.infer<typeof SlaReport>;

/** One number per step of the funnel, top to bottom. */
export const FunnelRateFigures = z.object({
  visitorToLead: z.number(),
  leadToMql: z.number(),
  mqlToSql: z.number(),
  sqlToOpportunity: z.number(),
  opportunityToCustomer: z.number(),
});

/** lib/core's planFunnel result. Counts are whole people; per-week figures and ratios are unrounded. */
export const FunnelPlanFigures = z.object({
  customers: Count,
  opportunities: Count,
  sqls: Count,
  mqls: Count,
  leads: Count,
  visitors: Count,
  mqlsPerWeek: z.number().nonnegative(),
  repsNeeded: z.number().nonnegative().nullable(),
  repsToHire: Count.nullable(),
  loadPerStaffedRep: z.number().nonnegative().nullable(),
});
export type FunnelPlanFigures = z.infer<typeof FunnelPlanFigures>;

/** Contacts per lifecycle stage right now (deleted ones left out). */
export const StageCounts = z.object({
  visitor: Count,
  lead: Count,
  mql: Count,
  sql: Count,
  opportunity: Count,
  customer: Count,
  recycled: Count,
  disqualified: Count,
});
export type StageCounts = z.infer<typeof StageCounts>;

export const FunnelReport = z.object({
  /** The plan's input as used: one rate per step even when a single `rate` was given. */
  input: z.object({
    revenueGoal: z.number().positive(),
    averageDealSize: z.number().positive(),
    rates: FunnelRateFigures,
    workingWeeks: z.number().positive(),
    reviewsPerRepPerWeek: z.number().positive().nullable(),
    /** Active users with the rep role. */
    repsStaffed: Count,
  }),
  plan: FunnelPlanFigures,
  actual: z.object({
    asOf: Instant,
    stages: StageCounts,
    total: Count,
    /**
     * Leads assigned to an owner over the last 4 weeks (the SLA's "marketing delivered"). Not MQLs a week: Leadside
     * keeps each contact's current stage, not when it changed, so the weekly MQL flow is not derived.
     */
    handedToSales: z.object({ from: Instant, to: Instant, weeks: z.number().int().positive(), leads: Count, perWeek: z.number().nonnegative() }),
  }),
  notes: z.array(z.string()),
});
export type FunnelReport = z.infer<typeof FunnelReport>;
