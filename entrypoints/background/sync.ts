import { browser } from 'wxt/browser';
import { leadsideDb } from '../../lib/db/database';
import { storedApi } from '../../lib/session';
import { ensureSyncAlarm, joinRunningSync, SYNC_ALARM, syncOnce, syncOnWake, type SyncOutcome } from '../../lib/sync';
import { updateSyncState } from '../../lib/db/meta';

/** Runs a sync now, or joins the one running (lib/sync/join-running.ts). */
export const runSync = joinRunningSync(syncNow);

/** Runs after every sync, done or not (the badge must follow a local log made offline too); set by setupSync. */
let afterSync: () => Promise<void> = async () => {};

async function syncNow(force: boolean): Promise<SyncOutcome> {
  const db = leadsideDb();
  try {
    return await syncOnce({ db, api: await storedApi(db), now: () => new Date(), random: Math.random }, { force });
  } finally {
    await afterSync();
  }
}

/**
 * Sync triggers (docs/sync.md): the minute alarm (kept, not recreated, across worker starts), a worker starting with
 * changes waiting, and the browser coming back online; messages add the rest. Listeners first, in the first turn.
 */
export function setupSync(options: { afterSync?: () => Promise<void> } = {}): void {
  if (options.afterSync) afterSync = options.afterSync;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync(false);
  });
  globalThis.addEventListener?.('online', () => void runSync(true));
  void ensureSyncAlarm(browser.alarms).catch((error: unknown) => console.warn('Leadside sync alarm:', error));
  void syncOnWake(leadsideDb(), runSync).catch((error: unknown) => console.warn('Leadside sync on wake:', error));
}

/** After sign-in the first sync starts at once; after sign-out the state says so. */
export async function onAuthChanged(signedIn: boolean): Promise<void> {
  if (signedIn) await runSync(true);
  else await updateSyncState(leadsideDb(), { status: 'signed_out' });
}
