import type { ContentItem } from '../model/content';
import type { ContentPerformance, ContentUse } from '../model/closed-loop';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../model/vocabulary';
import { stageAt, type StageStep } from '../stage/stage-at';
import { isPersonActivity } from '../trust/person';
import { assistingCustomers, type WonCustomer } from './assists';
import { itemsReadBy, libraryIndex, type ReadingActivity } from './consumption';

export type LibraryItem = Pick<ContentItem, 'id' | 'title' | 'url' | 'kind' | 'journeyStage' | 'archived' | 'assists'>;

/** A person as the content report reads them: where they stood when (stage history), what they read, what reps sent. */
export interface ContentAudience {
  id: string;
  name: string | null;
  email: string;
  stage: LifecycleStage;
  history: readonly StageStep[];
  activities: readonly ReadingActivity[];
  /** Attempts not undone: when, and the library items they named. */
  sends: readonly { at: string; contentIds: readonly string[] }[];
}

export interface ContentPerformanceInput {
  library: readonly LibraryItem[];
  people: readonly ContentAudience[];
  /** ms, `from` inclusive, `to` exclusive. */
  period: { from: number; to: number };
  assistWindowDays: number;
}

type Figure = keyof ContentUse;

/**
 * Content performance by stage (docs/api.md § Content performance). In the period means: the attempt, the click or the
 * reading happened in [from, to); each is filed under the stage the person was in at that instant (stageAt). A person
 * counts once per figure and stage, and once per figure in the item's total. Assisted: customers (in `customer` now)
 * whose win, their latest move into `customer`, is in the period and who read the item within the assist window before
 * it (countAssists' rule), so the readings may predate the period.
 */
export function contentPerformance(input: ContentPerformanceInput): ContentPerformance[] {
  const { from, to } = input.period;
  const inPeriod = (at: string) => {
    const t = Date.parse(at);
    return t >= from && t < to;
  };
  const index = libraryIndex(input.library);
  // item → figure → stage → people; and item → figure → people for the totals.
  const byStage = new Map<string, Record<Figure, Map<LifecycleStage, Set<string>>>>(
    input.library.map((item) => [item.id, { sent: new Map(), clicked: new Map(), viewed: new Map() }]),
  );
  const note = (itemId: string, figure: Figure, person: ContentAudience, at: string) => {
    const figures = byStage.get(itemId);
    if (!figures) return;
    const stage = stageAt(person.history, at, person.stage);
    const people = figures[figure].get(stage) ?? new Set<string>();
    people.add(person.id);
    figures[figure].set(stage, people);
  };

  for (const person of input.people) {
    for (const send of person.sends) if (inPeriod(send.at)) for (const id of new Set(send.contentIds)) note(id, 'sent', person, send.at);
    for (const activity of person.activities) {
      if (!inPeriod(activity.at)) continue;
      if (activity.type === 'email_click' && activity.contentId !== null && isPersonActivity(activity)) note(activity.contentId, 'clicked', person, activity.at);
      for (const id of itemsReadBy(activity, index)) note(id, 'viewed', person, activity.at);
    }
  }

  const won = wonInPeriod(input.people, from, to);
  const assisted = assistingCustomers(input.library, won, input.assistWindowDays);
  const personOf = new Map(input.people.map((p) => [p.id, p]));
  const wonAtOf = new Map(won.map((w) => [w.contactId, w.wonAt]));

  return input.library
    .map((item): ContentPerformance => {
      const figures = byStage.get(item.id)!;
      const customers = (assisted.get(item.id) ?? []).map((id) => {
        const person = personOf.get(id)!;
        return { contactId: id, name: person.name, email: person.email, wonAt: wonAtOf.get(id)!.toISOString() };
      });
      return {
        contentId: item.id,
        title: item.title,
        url: item.url,
        kind: item.kind,
        journeyStage: item.journeyStage,
        archived: item.archived,
        assists: item.assists,
        total: { sent: union(figures.sent).size, clicked: union(figures.clicked).size, viewed: union(figures.viewed).size },
        byStage: LIFECYCLE_STAGES.flatMap((stage) => {
          const use = { sent: figures.sent.get(stage)?.size ?? 0, clicked: figures.clicked.get(stage)?.size ?? 0, viewed: figures.viewed.get(stage)?.size ?? 0 };
          return use.sent + use.clicked + use.viewed === 0 ? [] : [{ stage, ...use }];
        }),
        assisted: { customers: customers.length, contacts: customers },
      };
    })
    .sort((a, b) => b.assisted.customers - a.assisted.customers || b.total.viewed - a.total.viewed || compareText(a.title, b.title) || compareText(a.contentId, b.contentId));
}

/** Customers now whose latest move into `customer` falls in the period, oldest win first. */
function wonInPeriod(people: readonly ContentAudience[], from: number, to: number): WonCustomer[] {
  return people
    .flatMap((person) => {
      if (person.stage !== 'customer') return [];
      const wins = person.history.filter((step) => step.to === 'customer').map((step) => Date.parse(step.at));
      if (wins.length === 0) return [];
      const wonAt = Math.max(...wins);
      return wonAt >= from && wonAt < to ? [{ contactId: person.id, wonAt: new Date(wonAt), activities: person.activities }] : [];
    })
    .sort((a, b) => a.wonAt.getTime() - b.wonAt.getTime() || compareText(a.contactId, b.contactId));
}

function union(byStage: ReadonlyMap<LifecycleStage, ReadonlySet<string>>): Set<string> {
  return new Set([...byStage.values()].flatMap((people) => [...people]));
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
