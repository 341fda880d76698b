import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadsideDatabase } from '../../../lib/db/database';
import { logAttempt } from '../../../lib/db/writes';
import { ensureSyncAlarm, SYNC_ALARM, syncOnWake } from '../../../lib/sync';

const START = Date.parse('2026-01-19T15:00:00Z');

describe('the minute alarm across service-worker starts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'], now: START });
  });
  afterEach(() => vi.useRealTimers());

  it('is created when missing, a minute out', async () => {
    expect(await ensureSyncAlarm(fakeBrowser.alarms)).toBe('created');
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1, scheduledTime: START + 60_000 });
  });

  it('is kept as it is by every later start, so a worker stopped and woken every 30 s still gets its minute', async () => {
    await ensureSyncAlarm(fakeBrowser.alarms);
    for (let start = 1; start <= 5; start++) {
      vi.setSystemTime(START + start * 30_000);
      expect(await ensureSyncAlarm(fakeBrowser.alarms)).toBe('kept');
    }
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ scheduledTime: START + 60_000 });
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('is made again when it has another period (an older version set it)', async () => {
    fakeBrowser.alarms.create(SYNC_ALARM, { periodInMinutes: 5 });
    expect(await ensureSyncAlarm(fakeBrowser.alarms)).toBe('created');
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });
});

describe('a worker starting with changes waiting', () => {
  let db: LeadsideDatabase;
  let runs: boolean[];
  const runSync = async (force: boolean) => {
    runs.push(force);
    return 'synced';
  };
  const writes = () => ({ db, now: () => new Date(START), newId: (() => { let n = 0; return () => `w${++n}`; })(), userId: 'u_rep' });

  beforeEach(() => {
    fakeBrowser.reset();
    db = new LeadsideDatabase(`leadside-wake-${Math.random().toString(36).slice(2)}`);
    runs = [];
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('syncs at once, unforced so a backoff still holds, when the outbox has pending entries', async () => {
    await logAttempt(writes(), { contactId: 'c_dana', channel: 'call' });
    expect(await syncOnWake(db, runSync)).toBe('synced');
    expect(runs).toEqual([false]);
  });

  it('does nothing when nothing waits, or only refused entries the rep has not dismissed', async () => {
    expect(await syncOnWake(db, runSync)).toBeNull();
    await logAttempt(writes(), { contactId: 'c_dana', channel: 'call' });
    await db.outbox.toCollection().modify({ status: 'rejected', error: { code: 'forbidden', message: 'not yours' } });
    expect(await syncOnWake(db, runSync)).toBeNull();
    expect(runs).toEqual([]);
  });
});
