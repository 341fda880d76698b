import { summarizeIssues } from '../../../lib/core/model/parse';
import { badRequest } from '../../http/errors';

/** Clocks drift: something a rep logged may be dated a little ahead of the server, not more. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Refuses an instant more than 5 minutes ahead of the server clock, naming the field (`attempt.at`). */
export function assertNotAhead(mutationId: string, path: string, at: Date, now: Date): void {
  if (at.getTime() - now.getTime() <= FUTURE_TOLERANCE_MS) return;
  const issues = [{ path, message: `must not be more than 5 minutes ahead of the server clock (${now.toISOString()})` }];
  throw badRequest(summarizeIssues(`mutation ${mutationId}`, issues), issues);
}
