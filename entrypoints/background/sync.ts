import { browser } from 'wxt/browser';
import { leadsideDb } from '../../lib/db/database';
import { storedApi } from '../../lib/session';
import { joinRunningSync, syncOnce, type SyncOutcome } from '../../lib/sync';
import { updateSyncState } from '../../lib/db/meta';

const ALARM = 'leadside-sync';

/** Runs a sync now, or joins the one running (lib/sync/join-running.ts). */
export const runSync = joinRunningSync(syncNow);

async function syncNow(force: boolean): Promise<SyncOutcome> {
  const db = leadsideDb();
  return syncOnce({ db, api: await storedApi(db), now: () => new Date(), random: Math.random }, { force });
}

/** Sync triggers (docs/sync.md): an alarm each minute and the browser coming back online; messages add the rest. */
export function setupSync(): void {
  void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runSync(false);
  });
  globalThis.addEventListener?.('online', () => void runSync(true));
}

/** After sign-in the first sync starts at once; after sign-out the state says so. */
export async function onAuthChanged(signedIn: boolean): Promise<void> {
  if (signedIn) await runSync(true);
  else await updateSyncState(leadsideDb(), { status: 'signed_out' });
}
