import type { Attempt } from '../core/model/attempt';
import { ATTEMPT_AMEND_WINDOW_MS } from '../core/model/mutations';
import type { Role } from '../core/model/vocabulary';

/**
 * Whether the panel offers to change (amend or undo) an attempt: not undone, within the day the server allows
 * (ATTEMPT_AMEND_WINDOW_MS, the same rule the server applies to attempt.amend), and by its author, a manager or an
 * admin. The server decides in the end; this keeps the panel from offering what it would refuse.
 */
export function canChangeAttempt(attempt: Pick<Attempt, 'userId' | 'at' | 'undoneAt'>, me: { id: string; role: Role } | null, now: Date): boolean {
  if (!me || attempt.undoneAt !== null) return false;
  if (attempt.userId !== me.id && me.role !== 'manager' && me.role !== 'admin') return false;
  return now.getTime() - Date.parse(attempt.at) <= ATTEMPT_AMEND_WINDOW_MS;
}
