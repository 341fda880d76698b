import { useEffect, useState } from 'react';
import type { PageContacts } from '../../lib/platform';
import { useServices } from '../services';

/** The contacts detected on the active tab: undefined until the platform first answers, null when there are none. */
export function usePageContacts(): PageContacts | null | undefined {
  const { platform } = useServices();
  const [page, setPage] = useState<PageContacts | null | undefined>(undefined);
  useEffect(() => platform.watchPageContacts((next) => setPage(next && next.contacts.length > 0 ? next : null)), [platform]);
  return page;
}
