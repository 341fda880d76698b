import type { LeadsideDatabase } from './database';
import type { MetaKey, MetaValues, SyncState } from './types';

export async function readMeta<K extends MetaKey>(db: LeadsideDatabase, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: LeadsideDatabase, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export const INITIAL_SYNC_STATE: SyncState = {
  status: 'idle',
  progress: null,
  lastSyncAt: null,
  lastError: null,
  failures: 0,
  nextTryAt: null,
  signedOutBecause: null,
};

export async function readSyncState(db: LeadsideDatabase): Promise<SyncState> {
  return (await readMeta(db, 'syncState')) ?? INITIAL_SYNC_STATE;
}

export async function updateSyncState(db: LeadsideDatabase, change: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await readSyncState(db)), ...change };
  await writeMeta(db, 'syncState', next);
  return next;
}
