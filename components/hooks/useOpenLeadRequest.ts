import { useEffect } from 'react';
import { takeOpenLead, watchOpenLead } from '../../lib/alerts/open-lead';
import { useServices } from '../services';

/**
 * "Open lead" from a notification (lib/alerts/open-lead.ts): the background opened the panel and left which lead to
 * show. Taken when the panel opens and whenever a new one arrives while it is open; null contact: the queue.
 */
export function useOpenLeadRequest(onOpen: (contactId: string | null) => void): void {
  const { now } = useServices();
  useEffect(() => {
    // Acted on even if this effect was cleaned up meanwhile: the request is taken (cleared) by the read, and a
    // StrictMode re-run would otherwise lose it.
    const take = () =>
      void takeOpenLead(now())
        .then((request) => request && onOpen(request.contactId))
        .catch(() => undefined);
    const unwatch = watchOpenLead(take);
    take();
    return unwatch;
  }, [now, onOpen]);
}
