import { browser } from 'wxt/browser';
import { leadsideDb } from '../../lib/db/database';
import { storedApi } from '../../lib/session';
import { syncOnce, type SyncOutcome } from '../../lib/sync';
import { updateSyncState } from '../../lib/db/meta';

const ALARM = 'leadside-sync';

let inFlight: Promise<SyncOutcome> | null = null;
let again = false;
let againForced = false;

/**
 * Runs a sync now (force: even while backing off, as when the rep just logged something). A request that arrives while
 * one runs is not dropped: one more sync follows, so an undo logged mid-sync still leaves within seconds.
 */
export function runSync(force: boolean): Promise<SyncOutcome> {
  if (inFlight) {
    again = true;
    againForced ||= force;
    return inFlight;
  }
  inFlight = (async () => {
    let outcome = await syncNow(force);
    while (again) {
      const forced = againForced;
      again = false;
      againForced = false;
      outcome = await syncNow(forced);
    }
    return outcome;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function syncNow(force: boolean): Promise<SyncOutcome> {
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
