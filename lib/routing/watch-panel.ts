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
  /** The browser's own tab switches, heard directly (without it the panel waits for the background to record them). */
  tabs?: {
    onActivated: {
      addListener(listener: (info: { tabId: number; windowId: number }) => void): void;
      removeListener(listener: (info: { tabId: number; windowId: number }) => void): void;
    };
  };
}

/**
 * Calls `onChange` with the contacts of the active tab of the page's own window, now and after every routing change
 * (null when that tab has none). Fits `Platform.watchPageContacts`: `(onChange) => watchPanelContacts(browser,
 * onChange)`. Returns the function that stops it.
 *
 * A tab switch in its window is heard from the browser itself and that tab's contacts read at once: waiting for the
 * background to record the switch (its `active:` key) cost a round trip through the service worker, most of the
 * switch's time. From then on the panel follows the tab it was told of; the background's record serves until then.
 */
export function watchPanelContacts(
  browser: PanelBrowser,
  onChange: (page: PanelContacts | null) => void,
  pinnedTabId: number | null = null,
): () => void {
  let stopped = false;
  let windowId: number | undefined;
  let latest = 0;
  /** The window's active tab as the browser announced it to this page (undefined until the first switch). */
  let activeTabId: number | undefined;
  const read = async () => {
    const turn = ++latest;
    const tabId = pinnedTabId ?? activeTabId;
    const page = tabId === undefined ? await readPanelContacts(browser.storage.session, windowId) : await readTabContacts(browser.storage.session, tabId);
    // Reads can finish out of order; only the newest one speaks.
    if (!stopped && turn === latest) onChange(page);
  };
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'session' && Object.keys(changes).some(isRoutingKey)) void read().catch(() => undefined);
  };
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (pinnedTabId !== null || windowId === undefined || info.windowId !== windowId) return;
    activeTabId = info.tabId;
    void read().catch(() => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  browser.tabs?.onActivated.addListener(onActivated);
  void browser.windows
    .getCurrent()
    .then((window) => (windowId = window?.id))
    .catch(() => undefined)
    .then(read)
    .catch(() => undefined);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
    browser.tabs?.onActivated.removeListener(onActivated);
  };
}
