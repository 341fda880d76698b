import type { JourneyStage, LifecycleStage } from '../model/vocabulary';
import { JOURNEY_STAGES } from '../model/vocabulary';

/**
 * The buyer's-journey content that fits a lifecycle stage. Customers get decision-stage content: in a library that is
 * where implementation, adoption and expansion pieces (case studies, pricing for more seats) live.
 * Disqualified contacts get nothing: null means "suggest no content at all".
 */
const JOURNEY_FOR_STAGE: Readonly<Record<LifecycleStage, JourneyStage | null>> = {
  visitor: 'awareness',
  lead: 'awareness',
  recycled: 'awareness',
  mql: 'consideration',
  sql: 'decision',
  opportunity: 'decision',
  customer: 'decision',
  disqualified: null,
};

export function journeyForStage(stage: LifecycleStage): JourneyStage | null {
  return JOURNEY_FOR_STAGE[stage];
}

/** Steps between two journey stages, signed: +1 means `item` is one step further on than `target`. */
export function journeySteps(target: JourneyStage, item: JourneyStage): number {
  return JOURNEY_STAGES.indexOf(item) - JOURNEY_STAGES.indexOf(target);
}
