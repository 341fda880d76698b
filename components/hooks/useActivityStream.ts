import { useEffect } from 'react';
import { runActivityStream } from '../../lib/sync/stream';
import { useServices } from '../services';
import { useApi } from './useApi';

/** While the panel is open and signed in, live activity from /v1/stream lands in the cache (lib/sync/stream). */
export function useActivityStream(): void {
  const { db } = useServices();
  const api = useApi();
  useEffect(() => {
    if (!api) return;
    const controller = new AbortController();
    void runActivityStream({ db, api, signal: controller.signal }).catch((err: unknown) => console.warn('Leadside: the live stream stopped', err));
    return () => controller.abort();
  }, [db, api]);
}
