import { useLiveQuery } from 'dexie-react-hooks';
import { readQueueRows } from '../../lib/db/queries/queue-rows';
import { groupQueue, type QueueGroup } from '../../lib/view-model/queue';
import { queueLeadsOf } from '../../lib/view-model/queue-leads';
import { useServices } from '../services';
import { useNow } from './useNow';

/** The queue refreshes its statuses this often (it shows minutes, not seconds). */
const QUEUE_REFRESH_MS = 30_000;

/**
 * The signed-in rep's own leads, grouped and ordered for the day (lib/view-model/queue), live from the cache: undefined
 * while loading, null before the workspace settings have synced.
 */
export function useQueue(ownerId: string): QueueGroup[] | null | undefined {
  const { db } = useServices();
  const now = useNow(QUEUE_REFRESH_MS);
  // The leads are worked out inside the query and the rows let go: holding every lead's history between refreshes
  // was most of the panel's heap (bench `memory`: ~40 MB for 5,000 leads); each refresh reads them again.
  return useLiveQuery(async () => {
    const rows = await readQueueRows(db, ownerId);
    return rows && groupQueue(queueLeadsOf(rows, now));
  }, [db, ownerId, now]);
}
