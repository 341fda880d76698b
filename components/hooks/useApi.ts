import { useMemo } from 'react';
import type { ApiClient } from '../../lib/api/client';
import { apiFor } from '../../lib/session';
import { useServices } from '../services';
import { useMeta } from './useMeta';

/** A client for the signed-in server: undefined while loading, null when signed out. */
export function useApi(): ApiClient | null | undefined {
  const { fetch } = useServices();
  const connection = useMeta('connection');
  return useMemo(() => (connection === undefined ? undefined : connection === null ? null : apiFor(connection, fetch)), [connection, fetch]);
}
