import type { LeadsideDatabase } from '../database';

/** What a local write needs: the cache, the time, fresh ids and who is writing. Passed in so tests control them. */
export interface WriteContext {
  db: LeadsideDatabase;
  now: () => Date;
  newId: () => string;
  userId: string;
}
