import { isRoutingKey, type SessionArea } from './keys';
import { readPanelContacts, readTabContacts, type PanelContacts } from './panel';

/** The parts of `browser` an extension page needs to follow its window's page contacts. */
export interface PanelBrowser {
  storage: {
    session: Pick<SessionArea, 'get'>;
    onChanged: {
      addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
      removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
    };
  };
  windows: { getCurrent(): Promise<{ id?: number } | undefined> };
}

/**
 * Calls `onChange` with the contacts of the active tab of the page's own window, now and after every routing change
 * (null when that tab has none). Fits `Platform.watchPageContacts`: `(onChange) => watchPanelContacts(browser,
 * onChange)`. Returns the function that stops it.
 */
export function watchPanelContacts(
  browser: PanelBrowser,
  onChange: (page: PanelContacts | null) => void,
  pinnedTabId: number | null = null,
): () => void {
  let stopped = false;
  let windowId: number | undefined;
  let latest = 0;
  const read = async () => {
    const turn = ++latest;
    const page =
      pinnedTabId === null ? await readPanelContacts(browser.storage.session, windowId) : await readTabContacts(browser.storage.session, pinnedTabId);
    // Reads can finish out of order; only the newest one speaks.
    if (!stopped && turn === latest) onChange(page);
  };
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'session' && Object.keys(changes).some(isRoutingKey)) void read().catch(() => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  void browser.windows
    .getCurrent()
    .then((window) => (windowId = window?.id))
    .catch(() => undefined)
    .then(read)
    .catch(() => undefined);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
