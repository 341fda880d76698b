import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
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
  const rows = useLiveQuery(() => readQueueRows(db, ownerId), [db, ownerId]);
  const now = useNow(QUEUE_REFRESH_MS);
  return useMemo(() => {
    if (rows === undefined || rows === null) return rows;
    return groupQueue(queueLeadsOf(rows, now));
  }, [rows, now]);
}
