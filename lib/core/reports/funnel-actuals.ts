import { groupByContact } from '../lead/by-contact';
import { DAY_MS } from '../time-units';
import { FUNNEL_LADDER, STAGES_WITH_STAYS, stageJourney, type HistoryEntry, type LadderStage, type StageJourney, type StageWithStay, type Stay } from './stage-reach';
import { median, ratioOrNull } from './stats';

/** The plan's steps, each from one ladder stage to the next. */
export const FUNNEL_STEPS = [
  ['visitorToLead', 'visitor', 'lead'],
  ['leadToMql', 'lead', 'mql'],
  ['mqlToSql', 'mql', 'sql'],
  ['sqlToOpportunity', 'sql', 'opportunity'],
  ['opportunityToCustomer', 'opportunity', 'customer'],
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number][0];

export interface FunnelBasisFigures {
  reached: Record<LadderStage, number>;
  /** reached[next] / reached[stage]; null with nothing to divide by, and always for visitor → lead (see stepRates). */
  rates: Record<FunnelStep, number | null>;
  /** Calendar days in each stage, over the recorded stays the basis counts. */
  timeInStage: Record<StageWithStay, { stays: number; medianDays: number | null }>;
}

export interface FunnelActuals {
  /** Stages reached in the period (first times, seen as they happened), and stays that ended in it. */
  byPeriod: FunnelBasisFigures;
  /** Contacts created in the period, how far each has got by now, and the stays they have finished. */
  byCohort: FunnelBasisFigures & { entered: number };
}

export interface FunnelActualsInput {
  /** Every contact the history may concern, with when it became a contact (its entry into the funnel). */
  contacts: readonly { id: string; createdAt: number }[];
  /** Their stage history, any order. */
  history: readonly HistoryEntry[];
  /** ms, `from` inclusive and `to` exclusive. */
  period: { from: number; to: number };
}

/** The funnel as it happened, on both bases (docs/api.md § Funnel actuals); both read the same journeys. */
export function funnelActuals(input: FunnelActualsInput): FunnelActuals {
  const { from, to } = input.period;
  const inPeriod = (t: number) => t >= from && t < to;
  const historyOf = groupByContact(input.history);
  const journeys = input.contacts.map((c) => ({ contact: c, journey: stageJourney(historyOf.get(c.id) ?? []) }));

  const periodReached = countReached(journeys.map((j) => j.journey), (reach) => !reach.reconstructed && inPeriod(reach.at));
  const periodStays = journeys.flatMap((j) => j.journey.stays).filter((s) => inPeriod(s.to));

  const cohort = journeys.filter((j) => inPeriod(j.contact.createdAt)).map((j) => j.journey);
  const cohortReached = countReached(cohort, () => true);
  const cohortStays = cohort.flatMap((j) => j.stays);

  return {
    byPeriod: { reached: periodReached, rates: stepRates(periodReached), timeInStage: timeInStage(periodStays) },
    byCohort: { entered: cohort.length, reached: cohortReached, rates: stepRates(cohortReached), timeInStage: timeInStage(cohortStays) },
  };
}

function countReached(journeys: readonly StageJourney[], counts: (reach: { at: number; reconstructed: boolean }) => boolean): Record<LadderStage, number> {
  const reached = Object.fromEntries(FUNNEL_LADDER.map((s) => [s, 0])) as Record<LadderStage, number>;
  for (const journey of journeys) {
    for (const stage of FUNNEL_LADDER) {
      const reach = journey.reached[stage];
      if (reach !== undefined && counts(reach)) reached[stage] += 1;
    }
  }
  return reached;
}

/**
 * Each step's rate. Visitor → lead is never measured: the people a site converts are mostly anonymous visitors, who
 * are not contacts, so the few known visitors say nothing about it.
 */
function stepRates(reached: Record<LadderStage, number>): Record<FunnelStep, number | null> {
  return Object.fromEntries(
    FUNNEL_STEPS.map(([step, stage, next]) => [step, step === 'visitorToLead' ? null : ratioOrNull(reached[next], reached[stage])]),
  ) as Record<FunnelStep, number | null>;
}

function timeInStage(stays: readonly Stay[]): FunnelBasisFigures['timeInStage'] {
  return Object.fromEntries(
    STAGES_WITH_STAYS.map((stage) => {
      const days = stays.filter((s) => s.stage === stage).map((s) => (s.to - s.from) / DAY_MS);
      return [stage, { stays: days.length, medianDays: median(days) }];
    }),
  ) as FunnelBasisFigures['timeInStage'];
}
