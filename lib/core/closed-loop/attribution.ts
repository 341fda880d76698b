import type { AttributedContact, LastContentTouch, SourceFunnel } from '../model/closed-loop';
import type { ContentItem } from '../model/content';
import type { LifecycleStage } from '../model/vocabulary';
import { consumptionsOf, libraryIndex, type LibraryIndex, type ReadingActivity } from './consumption';

/** A contact as attribution reads it: who, where from, where it stands, its stage history and what it did. */
export interface AttributionContact {
  id: string;
  name: string | null;
  email: string;
  source: string | null;
  leadType: string | null;
  stage: LifecycleStage;
  /** Its stage history, in any order (reconstructed entries included: they are where history begins). */
  changes: readonly { to: LifecycleStage; at: Date }[];
  activities: readonly ReadingActivity[];
}

export interface AttributionInput {
  contacts: readonly AttributionContact[];
  library: readonly Pick<ContentItem, 'id' | 'url' | 'title'>[];
  /** Half-open: a contact that became a lead exactly at `from` is in it, exactly at `to` is not. */
  period: { from: Date; to: Date };
}

export interface Attribution {
  sources: SourceFunnel[];
  total: SourceFunnel;
  contacts: AttributedContact[];
}

/** How far along the funnel each stage is; the stages off it (visitor, recycled, disqualified) are no step. */
const STEP: Readonly<Record<LifecycleStage, number>> = { visitor: 0, lead: 1, mql: 2, sql: 3, opportunity: 4, customer: 5, recycled: 0, disqualified: 0 };
const FURTHEST = ['sql', 'opportunity', 'customer'] as const;

/** Where one contact's history took it: when it reached each step (ms), by its first move to that step or beyond. */
interface Path {
  contact: AttributionContact;
  reachedAt: (step: number) => number | null;
  furthest: number;
}

/**
 * Source attribution over a cohort: the contacts that became leads in the period (their first move to `lead` or a
 * step beyond it), followed to the furthest step they reached by now. A contact reached a step when its history has
 * a move to that step or beyond: a contact created as an MQL was a lead then too, and a recycled SQL still reached
 * `sql`. A move into `customer` counts only while the contact is a customer: a win a manager undid was a mistake.
 * Per first-touch source: leads, MQLs, SQLs, opportunities, customers, and each step's conversion to the next; and
 * every SQL and beyond with its source, lead type and the last library item it read before its MQL.
 */
export function attributeSources(input: AttributionInput): Attribution {
  const from = input.period.from.getTime();
  const to = input.period.to.getTime();
  const cohort = input.contacts.map(pathOf).filter((p) => {
    const at = p.reachedAt(STEP.lead);
    return at !== null && at >= from && at < to;
  });

  const bySource = new Map<string | null, Path[]>();
  for (const p of cohort) bySource.set(p.contact.source, [...(bySource.get(p.contact.source) ?? []), p]);
  const sources = [...bySource.entries()].map(([source, paths]) => funnelOf(source, paths)).sort(mostLeadsFirst);

  const index = libraryIndex(input.library);
  // The library's order breaks a tie between items on one page read at one instant (the server lists live items first).
  const titles = new Map(input.library.map((item) => [item.id, item.title] as const));
  const contacts = cohort
    .filter((p) => p.furthest >= STEP.sql)
    .sort((a, b) => a.reachedAt(STEP.lead)! - b.reachedAt(STEP.lead)! || compareText(a.contact.id, b.contact.id))
    .map((p) => attributed(p, index, titles));
  return { sources, total: funnelOf(null, cohort), contacts };
}

function pathOf(contact: AttributionContact): Path {
  // The only way out of `customer` is a manager correcting a win: while the contact is not one, its wins never happened.
  const moves = contact.changes.filter((c) => c.to !== 'customer' || contact.stage === 'customer');
  const reachedAt = (step: number): number | null => {
    const times = moves.filter((m) => STEP[m.to] >= step).map((m) => m.at.getTime());
    return times.length === 0 ? null : Math.min(...times);
  };
  return { contact, reachedAt, furthest: Math.max(0, ...moves.map((m) => STEP[m.to])) };
}

function funnelOf(source: string | null, paths: readonly Path[]): SourceFunnel {
  const reached = (step: number) => paths.filter((p) => p.furthest >= step).length;
  const [leads, mqls, sqls, opportunities, customers] = [STEP.lead, STEP.mql, STEP.sql, STEP.opportunity, STEP.customer].map(reached) as [number, number, number, number, number];
  return {
    source,
    leads,
    mqls,
    sqls,
    opportunities,
    customers,
    rates: { leadToMql: share(mqls, leads), mqlToSql: share(sqls, mqls), sqlToOpportunity: share(opportunities, sqls), opportunityToCustomer: share(customers, opportunities) },
  };
}

function attributed(p: Path, index: LibraryIndex, titles: ReadonlyMap<string, string>): AttributedContact {
  const { contact } = p;
  const mqlAt = p.reachedAt(STEP.mql)!;
  return {
    contactId: contact.id,
    name: contact.name,
    email: contact.email,
    stage: contact.stage,
    furthest: FURTHEST[p.furthest - STEP.sql]!,
    source: contact.source,
    leadType: contact.leadType,
    becameLeadAt: new Date(p.reachedAt(STEP.lead)!).toISOString(),
    mqlAt: new Date(mqlAt).toISOString(),
    lastContentBeforeMql: lastReadBefore(contact.activities, mqlAt, index, titles),
  };
}

/** The latest reading strictly before `before`; at the same instant, the lowest item id (so the answer never wobbles). */
function lastReadBefore(activities: readonly ReadingActivity[], before: number, index: LibraryIndex, titles: ReadonlyMap<string, string>): LastContentTouch | null {
  const rank = new Map([...titles.keys()].map((id, i) => [id, i] as const));
  const last = consumptionsOf(activities, index)
    .filter((c) => c.at < before)
    .sort((a, b) => b.at - a.at || (rank.get(a.contentId) ?? 0) - (rank.get(b.contentId) ?? 0))[0];
  return last ? { contentId: last.contentId, title: titles.get(last.contentId) ?? '', at: new Date(last.at).toISOString() } : null;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function mostLeadsFirst(a: SourceFunnel, b: SourceFunnel): number {
  if (a.source === null || b.source === null) return a.source === b.source ? 0 : a.source === null ? 1 : -1;
  return b.leads - a.leads || compareText(a.source, b.source);
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
