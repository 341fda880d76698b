import { useLiveQuery } from 'dexie-react-hooks';
import type { MetaKey, MetaValues } from '../../lib/db/types';
import { useServices } from '../services';

/**
 * A meta value from the cache, live: `undefined` while loading, `null` when absent. Views render nothing until it
 * arrives rather than flashing an empty state.
 */
export function useMeta<K extends MetaKey>(key: K): MetaValues[K] | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => ((await db.meta.get(key))?.value as MetaValues[K] | undefined) ?? null, [db, key]);
}

export function usePendingCount(): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.outbox.where('status').equals('pending').count(), [db]);
}
