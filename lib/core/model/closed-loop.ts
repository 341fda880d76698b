import { z } from 'zod';
import { Id, Instant } from './primitives';
import { ReportPeriod, ReportPeriodQuery } from './reports';
import { LifecycleStage } from './vocabulary';

// The closed loop's answers (docs/api.md § Source attribution): which sources and which content come before customers.

const Count = z.number().int().nonnegative();
/** A share from 0 to 1; null when there is nothing to divide by. */
const Share = z.number().min(0).max(1).nullable();

/** How far a cohort got, and the conversion from each step to the next (the names the funnel plan's rates use). */
export const SourceFunnel = z.object({
  /** The contact's first-touch source (`website`, `event`…); null when none was recorded. */
  source: z.string().nullable(),
  leads: Count,
  mqls: Count,
  sqls: Count,
  opportunities: Count,
  customers: Count,
  rates: z.object({ leadToMql: Share, mqlToSql: Share, sqlToOpportunity: Share, opportunityToCustomer: Share }),
});
export type SourceFunnel = z.infer<typeof SourceFunnel>;

/** `?from=&to=` (ISO instants; `to` defaults to now, `from` to 30 days before it); any other parameter is refused. */
export const SourcesQuery = ReportPeriodQuery.strict();
export type SourcesQuery = z.infer<typeof SourcesQuery>;

/** The last library item a person read before becoming an MQL. */
export const LastContentTouch = z.object({ contentId: Id, title: z.string(), at: Instant });
export type LastContentTouch = z.infer<typeof LastContentTouch>;

/** One SQL, opportunity or customer of the cohort, with where it came from and what it read before the MQL. */
export const AttributedContact = z.object({
  contactId: Id,
  name: z.string().nullable(),
  email: z.string(),
  /** Where it stands now. */
  stage: LifecycleStage,
  /** The furthest funnel step it reached (a recycled SQL reached `sql`; a win a manager undid is not `customer`). */
  furthest: z.enum(['sql', 'opportunity', 'customer']),
  source: z.string().nullable(),
  leadType: z.string().nullable(),
  becameLeadAt: Instant,
  /** Its first move to `mql` or beyond (a contact created as an SQL became an MQL then too). */
  mqlAt: Instant,
  lastContentBeforeMql: LastContentTouch.nullable(),
});
export type AttributedContact = z.infer<typeof AttributedContact>;

/** GET /v1/reports/sources: per source, how far the period's new leads got; and the SQLs and beyond among them. */
export const SourcesReport = z.object({
  period: ReportPeriod,
  /** Always `cohort`: the contacts that became leads in the period, followed to where they are now. */
  basis: z.literal('cohort'),
  /** Most leads first, then by source A–Z; the unknown source (null) last. */
  sources: z.array(SourceFunnel),
  total: SourceFunnel,
  /** Oldest lead first. */
  contacts: z.array(AttributedContact),
});
export type SourcesReport = z.infer<typeof SourcesReport>;

/** `GET /v1/reports/content?from=&to=` (ISO instants; the last 30 days by default); any other parameter is refused. */
export const ContentReportQuery = ReportPeriodQuery.strict();
export type ContentReportQuery = z.infer<typeof ContentReportQuery>;

/** How many people each thing happened to in the period (a person counts once per figure however often). */
export const ContentUse = z.object({
  /** People a rep sent it to: an attempt (not undone) that named it. */
  sent: Count,
  /** People who clicked a tracked link to it (human or proxy clicks; machine clicks never count). */
  clicked: Count,
  /** People who read it: viewed its page, downloaded it, or clicked a tracked link to it (lib/core itemsReadBy). */
  viewed: Count,
});
export type ContentUse = z.infer<typeof ContentUse>;

/** A customer whose win the item assisted. */
export const AssistedCustomer = z.object({ contactId: Id, name: z.string().nullable(), email: z.string(), wonAt: Instant });

export const ContentPerformance = z.object({
  contentId: Id,
  title: z.string(),
  url: z.string(),
  kind: z.string(),
  journeyStage: z.string(),
  archived: z.boolean(),
  /** The item's content assists over every customer there is (the library's count). */
  assists: Count,
  /** Distinct people over the whole period, whatever their stage. */
  total: ContentUse,
  /** By the lifecycle stage the person was in when it happened (stage history); stages with nothing left out, funnel order. */
  byStage: z.array(ContentUse.extend({ stage: LifecycleStage })),
  /** Customers won in the period who read it within the assist window before their win, oldest win first. */
  assisted: z.object({ customers: Count, contacts: z.array(AssistedCustomer) }),
});
export type ContentPerformance = z.infer<typeof ContentPerformance>;

export const ContentReport = z.object({
  period: ReportPeriod,
  /** settings.attribution.assistWindowDays: how long before a win a reading still counts as an assist. */
  assistWindowDays: z.number().int().positive(),
  /** Every item not deleted (archived ones too: they may have been sent in the period); most assisted, then most viewed, then by title. */
  items: z.array(ContentPerformance),
});
export type ContentReport = z.infer<typeof ContentReport>;
