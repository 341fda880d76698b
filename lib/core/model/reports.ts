import { z } from 'zod';
import { DateOnly, Id, Instant, PageCursor, Slug, pageLimit } from './primitives';
import { CadenceStatus } from './derived';
import { LifecycleStage } from './vocabulary';

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
  /** The same median in business minutes. */
  medianBusinessMinutes: z.number().nonnegative().nullable(),
  /** The 90th percentile in business minutes, nearest rank (a value one of the leads took); null when none. */
  p90BusinessMinutes: z.number().nonnegative().nullable(),
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

/** Attempts made on leads whose cadence has exited (a reply, a meeting, a stage past it), up to the exit. */
export const AttemptsBeforeExit = z.object({
  leads: Count,
  attempts: Count,
  /** attempts / leads; null without exited leads. */
  perLead: z.number().nonnegative().nullable(),
});

/** Of the leads whose cadence ran out without an exit (complete, or the window closed), how many got every attempt. */
export const CadenceCompletion = z.object({
  finished: Count,
  complete: Count,
  /** complete / finished; null when no cadence has finished. */
  share: Share,
});

/** A recycle or disqualify reason with how often it was given: by code, else by its normalised words. */
export const RankedReason = z.object({ code: z.string().nullable(), text: z.string().nullable(), count: Count });
export type RankedReason = z.infer<typeof RankedReason>;

/** What sales made of the MQLs delivered, by now (the first verdict after each became an MQL). */
export const LeadQuality = z.object({
  mqls: Count,
  accepted: Count,
  recycled: Count,
  disqualified: Count,
  /** Not yet accepted, recycled or disqualified. */
  pending: Count,
  /** Each over mqls; null without MQLs. */
  acceptedShare: Share,
  recycledShare: Share,
  disqualifiedShare: Share,
  reasons: z.object({ recycled: z.array(RankedReason), disqualified: z.array(RankedReason) }),
});
export type LeadQuality = z.infer<typeof LeadQuality>;

/** Marketing's side for a set of leads (everyone's, a rep's, a week's). */
export const MarketingFigures = z.object({
  /** Leads assigned to an owner in the period. */
  delivered: Count,
  /** Owned contacts that first reached MQL in the period (entering at a later stage counts), for their current owner. */
  mqls: Count,
  /** mqlsPerRepPerMonth × active reps × days / 30, unrounded (a rep's own share on a rep's row; 0 for an inactive owner). */
  goal: z.number().nonnegative(),
  /** delivered / goal; null when the goal is 0. */
  ratio: z.number().nonnegative().nullable(),
  /** mqls / goal; null when the goal is 0. */
  mqlRatio: z.number().nonnegative().nullable(),
  quality: LeadQuality,
});
export type MarketingFigures = z.infer<typeof MarketingFigures>;

/** Sales' side for a set of leads. */
export const SalesFigures = z.object({
  leads: Count,
  firstTouch: FirstTouchFigures,
  attempts: Count,
  /** attempts / leads; null without leads. */
  attemptsPerLead: z.number().nonnegative().nullable(),
  attemptsBeforeExit: AttemptsBeforeExit,
  cadenceCompletion: CadenceCompletion,
  /** By cadence status now. At the top and on a rep's row: every lead worked, whenever assigned; in a week: that week's leads. */
  openLeads: OpenLeadCounts,
});
export type SalesFigures = z.infer<typeof SalesFigures>;

/** One bar of a weekly series: a calendar week in the workspace's zone (Monday first), cut to the period. */
export const WeekFigures = z.object({
  /** The week's Monday: pass as `week=` to list the leads behind a figure of this week. */
  week: DateOnly,
  from: Instant,
  to: Instant,
  marketing: MarketingFigures,
  sales: SalesFigures,
});
export type WeekFigures = z.infer<typeof WeekFigures>;

/** Leads and MQLs by where they came from (source) or why (lead type); `key` null where none was recorded. */
export const DeliveredBy = z.object({ key: z.string().nullable(), delivered: Count, mqls: Count, quality: LeadQuality });
export type DeliveredBy = z.infer<typeof DeliveredBy>;

export const RepSlaFigures = SalesFigures.extend({
  id: Id,
  name: z.string(),
  /** False for a disabled user or a non-rep who owns leads of the period: listed so the rows add up to the totals. */
  active: z.boolean(),
  marketing: MarketingFigures,
  weekly: z.array(WeekFigures),
});
export type RepSlaFigures = z.infer<typeof RepSlaFigures>;

export const SlaReport = z.object({
  period: ReportPeriod,
  generatedAt: Instant,
  /** Marketing's side: leads and MQLs handed to sales against the goal for the period, and what became of them. */
  marketing: MarketingFigures.extend({
    mqlsPerRepPerMonth: Count,
    activeReps: Count,
    /** By source, then by lead type: most MQLs first. */
    bySource: z.array(DeliveredBy),
    byLeadType: z.array(DeliveredBy),
  }),
  /** Sales' side, over the same leads. */
  sales: SalesFigures.extend({
    /** The share of first touches within SLA the workspace aims for (settings.sla.firstTouchTarget). */
    firstTouchTarget: z.number().min(0).max(1),
  }),
  /** Every active rep, plus anyone else who owns leads of the period; by name. */
  reps: z.array(RepSlaFigures),
  /** Both sides week by week, for charts. */
  weekly: z.array(WeekFigures),
  /** How each figure is defined, in words for the dashboard's footnotes. */
  notes: z.array(z.string()),
});
export type SlaReport = z.infer<typeof SlaReport>;

/**
 * The figures whose leads `GET /v1/reports/sla/leads` lists, each the exact set a count of the report counts:
 * marketing's (`delivered`, `mql` and its verdicts), sales' over the delivered leads (first touch, exits, completion),
 * and the open leads by cadence status now.
 */
export const SLA_FIGURES = [
  'delivered',
  'mql',
  'accepted',
  'recycled',
  'disqualified',
  'pending_review',
  'first_touch_within',
  'first_touch_missed',
  'first_touch_pending',
  'touched',
  'exited',
  'cadence_complete',
  'cadence_incomplete',
  ...OPEN_CADENCE_STATUSES,
] as const;
export const SlaFigure = z.enum(SLA_FIGURES);
export type SlaFigure = z.infer<typeof SlaFigure>;

/** In `source=` and `leadType=`, the leads with none recorded (never a slug, which starts with a letter). */
export const NONE_RECORDED = '-';

export const SLA_LEADS_PAGE_MAX = 200;
export const SLA_LEADS_PAGE_DEFAULT = 50;

/** `GET /v1/reports/sla/leads?figure=&from=&to=&rep=&week=&source=&leadType=&before=&limit=`. */
export const SlaLeadsQuery = z.strictObject({
  figure: SlaFigure,
  from: Instant.optional(),
  to: Instant.optional(),
  /** A rep's row: the leads they own now. */
  rep: Id.optional(),
  /** A week of the series, by its Monday. */
  week: DateOnly.optional(),
  source: z.union([z.literal(NONE_RECORDED), Slug]).optional(),
  leadType: z.union([z.literal(NONE_RECORDED), Slug]).optional(),
  before: PageCursor.optional(),
  limit: pageLimit(SLA_LEADS_PAGE_MAX, SLA_LEADS_PAGE_DEFAULT),
});
export type SlaLeadsQuery = z.infer<typeof SlaLeadsQuery>;

export const SlaLeadItem = z.object({
  id: Id,
  email: z.string(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  stage: LifecycleStage,
  source: z.string().nullable(),
  leadType: z.string().nullable(),
  ownerId: Id,
  assignedAt: Instant,
  /** The instant the figure dates this lead by: its MQL for marketing's verdicts, its assignment otherwise. */
  at: Instant,
  cadenceStatus: CadenceStatus,
  attemptsDone: Count,
  firstTouchBusinessMinutes: z.number().nonnegative().nullable(),
  /** The reason given when sales recycled or disqualified it as an MQL; null otherwise. */
  reason: z.string().nullable(),
});
export type SlaLeadItem = z.infer<typeof SlaLeadItem>;

export const SlaLeadsPage = z.object({
  figure: SlaFigure,
  period: ReportPeriod,
  /** Every lead behind the figure with these filters, on all pages: the figure itself. */
  count: Count,
  items: z.array(SlaLeadItem),
  more: z.boolean(),
  /** Pass as `before` for the next page; null when `more` is false. */
  next: z.string().nullable(),
});
export type SlaLeadsPage = z.infer<typeof SlaLeadsPage>;

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

/** Contacts that reached each stage of the funnel's ladder. */
export const LadderCounts = z.object({ visitor: Count, lead: Count, mql: Count, sql: Count, opportunity: Count, customer: Count });

const StayFigures = z.object({ stays: Count, medianDays: z.number().nonnegative().nullable() });

/** The funnel as it happened on one basis (docs/api.md § Funnel actuals). */
export const FunnelBasis = z.object({
  reached: LadderCounts,
  /**
   * reached[next] / reached[stage], null with nothing to divide by; visitorToLead is always null (anonymous visitors
   * are not contacts). By period these are ratios of flows and may pass 1; by cohort they are shares.
   */
  rates: z.object({
    visitorToLead: z.null(),
    leadToMql: z.number().nonnegative().nullable(),
    mqlToSql: z.number().nonnegative().nullable(),
    sqlToOpportunity: z.number().nonnegative().nullable(),
    opportunityToCustomer: z.number().nonnegative().nullable(),
  }),
  /** Median calendar days in each stage over recorded stays (entered and left; reconstructed entries left out). */
  timeInStage: z.object({ visitor: StayFigures, lead: StayFigures, mql: StayFigures, sql: StayFigures, opportunity: StayFigures }),
});
export type FunnelBasis = z.infer<typeof FunnelBasis>;

const RateSource = z.enum(['measured', 'given']);

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
    /** Leads assigned to an owner over the last 4 weeks (the SLA's "marketing delivered"). */
    handedToSales: z.object({ from: Instant, to: Instant, weeks: z.number().int().positive(), leads: Count, perWeek: z.number().nonnegative() }),
    /** The period the two bases below cover (`from=&to=`, the last 30 days by default). */
    period: ReportPeriod,
    /** Stages reached in the period (first times, as they happened) and stays that ended in it. */
    byPeriod: FunnelBasis,
    /** Contacts created in the period (`entered`), how far each has got by now, and the stays they finished. */
    byCohort: FunnelBasis.extend({ entered: Count }),
  }),
  /** The plan again, worked back with the cohort's measured rates where there are any (else the given ones). */
  measured: z.object({
    rates: FunnelRateFigures,
    sources: z.object({
      visitorToLead: RateSource,
      leadToMql: RateSource,
      mqlToSql: RateSource,
      sqlToOpportunity: RateSource,
      opportunityToCustomer: RateSource,
    }),
    plan: FunnelPlanFigures,
  }),
  notes: z.array(z.string()),
});
export type FunnelReport = z.infer<typeof FunnelReport>;

/** Which moves `GET /v1/reports/recycled` lists: back to marketing (the default), out of the funnel, or both. */
export const RECYCLED_MOVES = ['recycled', 'disqualified', 'both'] as const;
export const RECYCLED_PAGE_MAX = 200;
export const RECYCLED_PAGE_DEFAULT = 50;

/** `GET /v1/reports/recycled?from=&to=&stage=&reasonCode=&before=&limit=`. */
export const RecycledQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  stage: z.enum(RECYCLED_MOVES, { message: `must be one of ${RECYCLED_MOVES.join(', ')}` }).default('recycled'),
  /** A reason's code (`other` for free texts); `-` for the moves recorded with no code. */
  reasonCode: z.union([z.literal(NONE_RECORDED), Slug]).optional(),
  before: PageCursor.optional(),
  limit: pageLimit(RECYCLED_PAGE_MAX, RECYCLED_PAGE_DEFAULT),
});
export type RecycledQuery = z.infer<typeof RecycledQuery>;

/** One move of a contact to `recycled` or `disqualified`, with who made it and whether the contact came back since. */
export const RecycledItem = z.object({
  /** The stage change's id: a contact recycled twice in the period is listed twice. */
  id: Id,
  contactId: Id,
  email: z.string(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  source: z.string().nullable(),
  leadType: z.string().nullable(),
  ownerId: Id.nullable(),
  to: z.enum(['recycled', 'disqualified']),
  /** The stage it left; null for a contact that started there. */
  from: LifecycleStage.nullable(),
  at: Instant,
  reason: z.object({ code: z.string().nullable(), text: z.string().nullable() }),
  /** Who moved it: a person (with the name they have now), a rule, an import or the system. */
  by: z.object({ kind: z.string(), userId: Id.nullable(), name: z.string().nullable() }),
  /** Where it stands now. */
  stage: LifecycleStage,
  /** Its first recorded move since to a stage other than recycled or disqualified; null if it has not come back. */
  cameBack: z.object({ to: LifecycleStage, at: Instant }).nullable(),
});
export type RecycledItem = z.infer<typeof RecycledItem>;

export const RecycledReport = z.object({
  period: ReportPeriod,
  stage: z.enum(RECYCLED_MOVES),
  /** Moves with these filters on every page. */
  count: Count,
  /** Of those, the ones whose contact came back since. */
  cameBack: Count,
  /** The reasons of the period's moves of this `stage` (the reasonCode filter left out, so a list can offer every reason), most given first. */
  reasons: z.array(RankedReason),
  /** Newest first. */
  items: z.array(RecycledItem),
  more: z.boolean(),
  next: z.string().nullable(),
});
export type RecycledReport = z.infer<typeof RecycledReport>;
