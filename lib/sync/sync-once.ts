import { ApiFailure } from '../api/errors';
import type { SyncState } from '../db/types';
import { backoffDelay } from './backoff';
import type { SyncContext } from './context';
import { readMeta, readSyncState, updateSyncState } from '../db/meta';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';
import { runExclusive } from './lock';

export const SYNC_LOCK = 'leadside-sync';

export type SyncOutcome =
  | { kind: 'done'; pushed: number; rejected: number; pages: number; rows: number }
  | { kind: 'busy' } // another context is syncing
  | { kind: 'waiting'; until: string } // backing off
  | { kind: 'signed_out' }
  | { kind: 'failed'; state: SyncState };

/**
 * One sync: push the outbox, then pull what changed. One at a time across all extension contexts. Failures set the
 * state the panel shows (offline with the pending count, signed out on 401, an error) and the backoff before the next try.
 */
export async function syncOnce(ctx: SyncContext, options: { force?: boolean } = {}): Promise<SyncOutcome> {
  const result = await runExclusive(SYNC_LOCK, () => syncHoldingLock(ctx, options.force ?? false));
  return result ?? { kind: 'busy' };
}

async function syncHoldingLock(ctx: SyncContext, force: boolean): Promise<SyncOutcome> {
  const { db, api } = ctx;
  if (!api || !(await readMeta(db, 'connection'))) {
    await updateSyncState(db, { status: 'signed_out', progress: null });
    return { kind: 'signed_out' };
  }
  const state = await readSyncState(db);
  if (state.status === 'signed_out') return { kind: 'signed_out' };
  const now = ctx.now();
  if (!force && state.nextTryAt && Date.parse(state.nextTryAt) > now.getTime()) return { kind: 'waiting', until: state.nextTryAt };

  const firstSync = (await readMeta(db, 'cursor')) === undefined;
  await updateSyncState(db, { status: 'syncing', progress: firstSync ? { pages: 0, rows: 0 } : null });
  try {
    const pushed = await pushOutbox(db, api);
    const pulled = await pullChanges(
      {
        ...ctx,
        onProgress: async (p) => {
          if (firstSync) await updateSyncState(db, { progress: p });
          await ctx.onProgress?.(p);
        },
      },
      api,
    );
    await updateSyncState(db, {
      status: 'idle',
      progress: null,
      lastSyncAt: ctx.now().toISOString(),
      lastError: null,
      failures: 0,
      nextTryAt: null,
    });
    return { kind: 'done', ...pushed, ...pulled };
  } catch (err) {
    return { kind: 'failed', state: await recordFailure(ctx, state, err) };
  }
}

async function recordFailure(ctx: SyncContext, before: SyncState, err: unknown): Promise<SyncState> {
  const failure = err instanceof ApiFailure ? err : new ApiFailure('server', err instanceof Error ? err.message : String(err));
  if (failure.kind === 'unauthorized') {
    const signedOutBecause = failure.tokenExpired ? 'token_expired' : 'token_refused';
    return updateSyncState(ctx.db, { status: 'signed_out', progress: null, lastError: failure.message, nextTryAt: null, signedOutBecause });
  }
  const failures = before.failures + 1;
  const delay = backoffDelay(failures, ctx.random, failure.retryAfterMs);
  return updateSyncState(ctx.db, {
    status: failure.kind === 'offline' ? 'offline' : 'error',
    progress: null,
    lastError: failure.message,
    failures,
    nextTryAt: new Date(ctx.now().getTime() + delay).toISOString(),
  });
}
