import type { LeadsideDatabase } from '../db/database';

/** The sync alarm: it wakes the service worker each minute, panel open or not (docs/sync.md). */
export const SYNC_ALARM = 'leadside-sync';
export const SYNC_PERIOD_MINUTES = 1;

/** The part of `browser.alarms` the sync alarm needs: WXT's `browser` in the background, `fakeBrowser` in tests. */
export interface SyncAlarms {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> | void;
}

/**
 * Creates the minute alarm only when it is missing (or has another period). Creating it again would move it a minute
 * out, and Chrome stops an idle worker after 30 s and starts it on the next event: a worker that recreated its alarm on
 * every start would keep pushing the alarm away, and with the panel closed the outbox would wait indefinitely.
 */
export async function ensureSyncAlarm(alarms: SyncAlarms): Promise<'created' | 'kept'> {
  const existing = await alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === SYNC_PERIOD_MINUTES) return 'kept';
  await alarms.create(SYNC_ALARM, { delayInMinutes: SYNC_PERIOD_MINUTES, periodInMinutes: SYNC_PERIOD_MINUTES });
  return 'created';
}

/**
 * When a worker starts with changes waiting in the outbox, pushes them now instead of waiting for the alarm: whatever
 * woke the worker, the rep's changes go first. Not forced, so a backoff still holds (a worker woken by every tab event
 * must not hammer a server that is down). Answers null when nothing was waiting.
 */
export async function syncOnWake<Outcome>(db: LeadsideDatabase, runSync: (force: boolean) => Promise<Outcome>): Promise<Outcome | null> {
  const waiting = await db.outbox.where('status').equals('pending').count();
  return waiting > 0 ? runSync(false) : null;
}
