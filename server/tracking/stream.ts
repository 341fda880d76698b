import type { Activity } from '../../lib/core/model/activity';
import { contactsInScope } from '../domain/scope/rule';
import type { Queryable } from '../store/db';

/** The activities the user may see, in the order given. */
export async function visibleTo(db: Queryable, userId: string, workspaceId: string, activities: readonly Activity[], now: Date): Promise<Activity[]> {
  const inScope = await contactsInScope(db, userId, workspaceId, [...new Set(activities.map((a) => a.contactId))], now);
  return activities.filter((a) => inScope.has(a.contactId));
}
