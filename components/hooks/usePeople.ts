import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../services';

/** A person's display name from the cache (pulled pages name the people their rows name); null when not known yet. */
export function usePersonName(id: string | null): string | null {
  const { db } = useServices();
  return useLiveQuery(async () => (id === null ? null : ((await db.people.get(id))?.name ?? null)), [db, id]) ?? null;
}
