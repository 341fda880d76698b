import type { ApiClient } from '../api/client';
import type { LeadsideDatabase } from '../db/database';

/** What the sync engine needs, passed in: the cache, a client for the signed-in server, the time and chance. */
export interface SyncContext {
  db: LeadsideDatabase;
  /** A client for the stored connection; null when signed out. */
  api: ApiClient | null;
  now: () => Date;
  /** 0 ≤ x < 1, for backoff jitter. */
  random: () => number;
  /** Reports the first sync's progress as pages arrive. */
  onProgress?: (progress: { pages: number; rows: number }) => void | Promise<void>;
  /** Rows asked for a pull page (default PULL_PAGE_SIZE). */
  pageSize?: number;
}

export const PULL_PAGE_SIZE = 500;
export const PUSH_BATCH_SIZE = 100;
