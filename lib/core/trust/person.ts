import type { Activity } from '../model/activity';

/**
 * Whether a person stands behind the activity. Proxy opens (Gmail's image proxy fetching on a real open) count;
 * machine ones (Apple prefetch, link scanners) never count toward the person's numbers.
 */
export function isPersonActivity(activity: Pick<Activity, 'trust'>): boolean {
  return activity.trust.label === 'human' || activity.trust.label === 'proxy';
}
