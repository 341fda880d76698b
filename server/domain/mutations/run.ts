import { Mutation, type MutationResult } from '../../../lib/core/model/mutations';
import { parseInput } from '../../../lib/core/model/parse';
import type { Caller } from '../../context';
import { ApiError } from '../../http/errors';
import { writeInWorkspace, type Db, type Tx } from '../../store/db';
import { applyMutation } from './apply';
import type { MutationContext } from './context';
import { asDuplicate, findFirstResult, recordFirstResult } from './first-result';
import { requireMutationIds } from './mutation-ids';

/**
 * Runs a batch in order, each mutation in its own transaction, and answers one result per item in request order.
 * A refused item is an answer (`rejected`), not an HTTP error; only a missing id (see requireMutationIds) or a fault
 * on our side fails the request, and then the client resends: what already applied answers `duplicate`.
 */
export async function runMutationBatch(db: Db, caller: Caller, now: () => Date, items: readonly unknown[]): Promise<MutationResult[]> {
  const ids = requireMutationIds(items);
  const results: MutationResult[] = [];
  for (const [index, item] of items.entries()) {
    results.push(await runMutation(db, { caller, now: now() }, ids[index]!, item));
  }
  return results;
}

/** Thrown inside the transaction when a concurrent one recorded the same id first, to roll this one back. */
class RecordedMeanwhile extends Error {}

/**
 * Looks the id up, decides, and records the first answer, all in one transaction under the workspace lock: a
 * replay, even a concurrent one, finds the record and never applies twice.
 */
async function runMutation(db: Db, ctx: MutationContext, id: string, item: unknown): Promise<MutationResult> {
  const userId = ctx.caller.user.id;
  try {
    return await writeInWorkspace(db, ctx.caller.workspace.id, async (tx) => {
      const first = await findFirstResult(tx, userId, id);
      if (first) return asDuplicate(first);
      const result = await decide(tx, ctx, id, item);
      if (!(await recordFirstResult(tx, userId, result, ctx.now))) throw new RecordedMeanwhile();
      return result;
    });
  } catch (err) {
    if (!(err instanceof RecordedMeanwhile)) throw err;
    const first = await findFirstResult(db, userId, id);
    if (!first) throw new Error(`mutation ${id} was recorded by another transaction but its record is gone`);
    return asDuplicate(first);
  }
}

/** Validates the item on its own and applies it in a savepoint, so a refusal leaves no partial write behind. */
async function decide(tx: Tx, ctx: MutationContext, id: string, item: unknown): Promise<MutationResult> {
  const parsed = parseInput(Mutation, item, `mutation ${id}`);
  if (!parsed.ok) {
    return { id, status: 'rejected', error: { code: 'bad_request', message: parsed.message, issues: parsed.issues } };
  }
  try {
    await tx.transaction((savepoint) => applyMutation(savepoint, ctx, parsed.value));
    return { id, status: 'applied' };
  } catch (err) {
    if (err instanceof ApiError) return { id, status: 'rejected', error: err.body.error };
    throw err;
  }
}
