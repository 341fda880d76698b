import type { Activity } from '../model/activity';
import type { EngagementRule } from '../model/scoring';
import { isPersonActivity } from '../trust/person';
import { matchesUrlPattern } from './wildcard';

/** The parts of an activity engagement reads; a full Activity will do. */
export type EngagementActivity = Pick<Activity, 'type' | 'at' | 'url' | 'trust'>;

/** One rule's share of engagement: how many activities matched it and their decayed points, not yet rounded. */
export interface EngagementTally {
  rule: EngagementRule;
  count: number;
  points: number;
}

export const MS_PER_DAY = 86_400_000;

/**
 * The share of a rule's points an activity keeps at its age: half every `halfLifeDays`, all of it when
 * there is no half-life. A future timestamp (clock skew) counts as brand new, never as more than full value.
 */
export function decayFactor(ageDays: number, halfLifeDays: number | null): number {
  if (halfLifeDays === null) return 1;
  return Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
}

/** Same activity type, and the URL matches when the rule names one (no URL, no match). */
export function engagementRuleMatches(rule: EngagementRule, activity: Pick<EngagementActivity, 'type' | 'url'>): boolean {
  if (rule.activity !== activity.type) return false;
  if (rule.urlPattern == null) return true;
  return activity.url != null && matchesUrlPattern(rule.urlPattern, activity.url);
}

/**
 * Each rule matched at least once, in the model's order, with its matching activities and their decayed points.
 * An activity counts for every rule it matches ("any page view" and "viewed /pricing" both).
 */
export function tallyEngagement(
  rules: readonly EngagementRule[],
  activities: readonly EngagementActivity[],
  halfLifeDays: number | null,
  now: Date,
): EngagementTally[] {
  const tallies: EngagementTally[] = [];
  for (const rule of rules) {
    let count = 0;
    let points = 0;
    for (const activity of activities) {
      if (!isPersonActivity(activity) || !engagementRuleMatches(rule, activity)) continue;
      const at = Date.parse(activity.at);
      // A timestamp that does not parse cannot be aged; it is left out rather than scored as NaN.
      if (Number.isNaN(at)) continue;
      count += 1;
      points += rule.points * decayFactor((now.getTime() - at) / MS_PER_DAY, halfLifeDays);
    }
    if (count > 0) tallies.push({ rule, count, points });
  }
  return tallies;
}
