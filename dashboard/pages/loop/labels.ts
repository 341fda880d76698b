import type { LifecycleStage } from '../../../lib/core/model/vocabulary';

/** Stages as the closed-loop tables name them. */
export const STAGE_LABELS: Record<LifecycleStage, string> = {
  visitor: 'Visitor',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  recycled: 'Recycled',
  disqualified: 'Disqualified',
};

/** A source or lead type the contact has none of. */
export function orNone(value: string | null, none = 'No source recorded'): string {
  return value === null ? none : value.replace(/_/g, ' ');
}
