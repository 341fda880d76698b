import type { Activity } from '../core/model/activity';
import { isPersonActivity } from '../core/trust/person';
import { formatAgo } from './format';
import { activityWords } from './timeline';

/**
 * The line under a lead's name: the latest thing a person did ("Viewed Pricing 2 h ago", "Opened the email “Q3
 * pricing” yesterday"). Human and proxy activity only: a machine open or an automatic out-of-office answer is not
 * the person. Null when no person did anything yet.
 */
export function lastHumanAction(activities: readonly Activity[], now: Date): string | null {
  let latest: Activity | null = null;
  for (const a of activities) {
    if (!isPersonActivity(a) || (a.type === 'email_reply' && a.outOfOffice)) continue;
    if (Date.parse(a.at) > now.getTime()) continue;
    if (latest === null || Date.parse(a.at) > Date.parse(latest.at)) latest = a;
  }
  return latest === null ? null : `${activityWords(latest)} ${formatAgo(new Date(latest.at), now)}`;
}
