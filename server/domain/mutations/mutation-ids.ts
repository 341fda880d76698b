import type { InputIssue } from '../../../lib/core/model/parse';
import { summarizeIssues } from '../../../lib/core/model/parse';
import { Id } from '../../../lib/core/model/primitives';
import { badRequest } from '../../http/errors';

/**
 * Every item's id, checked before anything applies. Results (and the outbox entries they acknowledge) are keyed by
 * that id, so an item without a usable one cannot be answered on its own: the whole request is refused with 400,
 * naming each such item ("mutations.3.id"), and nothing in it applies.
 */
export function requireMutationIds(items: readonly unknown[]): string[] {
  const issues: InputIssue[] = [];
  const ids = items.map((item, index) => {
    const raw = typeof item === 'object' && item !== null && 'id' in item ? item.id : undefined;
    if (typeof raw !== 'string') {
      issues.push({ path: `mutations.${index}.id`, message: 'every mutation needs an id string: results are keyed by it' });
      return '';
    }
    const id = Id.safeParse(raw);
    if (!id.success) issues.push(...id.error.issues.map((i) => ({ path: `mutations.${index}.id`, message: i.message })));
    return raw;
  });
  if (issues.length > 0) throw badRequest(summarizeIssues('request body', issues), issues);
  return ids;
}
