import { useEffect, useState } from 'react';
import type { PanelContacts } from '../../lib/routing/panel';
import { useServices } from '../services';

/** The contacts detected on the active tab: undefined until the platform first answers, null when there are none. */
export function usePageContacts(): PanelContacts | null | undefined {
  const { platform } = useServices();
  const [page, setPage] = useState<PanelContacts | null | undefined>(undefined);
  useEffect(() => platform.watchPageContacts((next) => setPage(next && next.contacts.length > 0 ? next : null)), [platform]);
  return page;
}
