import { browser } from 'wxt/browser';
import { leadsideDb } from '../../lib/db/database';
import { storedApi } from '../../lib/session';
import { syncOnce, type SyncOutcome } from '../../lib/sync';
import { updateSyncState } from '../../lib/sync/meta';

const ALARM = 'leadside-sync';

/** Runs one sync now (force: even while backing off, as when the rep just logged something). */
export async function runSync(force: boolean): Promise<SyncOutcome> {
  const db = leadsideDb();
  return syncOnce({ db, api: await storedApi(db), now: () => new Date(), random: Math.random }, { force });
}

/** Sync triggers (DESIGN §5): an alarm each minute and the browser coming back online; messages add the rest. */
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
