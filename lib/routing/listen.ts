import type { TabChange, TabRouter } from './router';

/** An event as the browser (and WXT's fake browser) exposes it. */
interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/** The parts of `browser` the routing listens to: WXT's `browser` in the background, `fakeBrowser` in tests. */
export interface RoutingBrowser {
  tabs: {
    onUpdated: BrowserEvent<(tabId: number, changeInfo: TabChange) => void>;
    onRemoved: BrowserEvent<(tabId: number, removeInfo: { windowId: number }) => void>;
    onActivated: BrowserEvent<(activeInfo: { tabId: number; windowId: number }) => void>;
    query(queryInfo: { active: true }): Promise<{ id?: number; windowId?: number }[]>;
  };
  windows: {
    onFocusChanged: BrowserEvent<(windowId: number) => void>;
    onRemoved: BrowserEvent<(windowId: number) => void>;
  };
}

/**
 * Connects the router to the browser's tab and window events, then records the windows' active tabs it does not know
 * yet. Listeners are added synchronously, as a service worker must (events that woke it are delivered only to
 * listeners added in its first turn). Returns a function that removes them.
 */
export function listenTabRouting(browser: RoutingBrowser, router: TabRouter, report: (error: unknown) => void = console.warn) {
  const quietly = (work: Promise<void>) => work.catch(report);
  const onUpdated = (tabId: number, change: TabChange) => quietly(router.tabUpdated(tabId, change));
  const onRemoved = (tabId: number, info: { windowId: number }) => quietly(router.tabRemoved(tabId, info.windowId));
  const onActivated = (info: { tabId: number; windowId: number }) => quietly(router.tabActivated(info.tabId, info.windowId));
  const onFocusChanged = (windowId: number) => quietly(router.windowFocused(windowId));
  const onWindowRemoved = (windowId: number) => quietly(router.windowRemoved(windowId));

  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.tabs.onActivated.addListener(onActivated);
  browser.windows.onFocusChanged.addListener(onFocusChanged);
  browser.windows.onRemoved.addListener(onWindowRemoved);
  const seeded = quietly(browser.tabs.query({ active: true }).then((tabs) => router.seedActiveTabs(tabs)));

  return {
    /** Resolves once the active tabs found at start are recorded. */
    seeded,
    stop(): void {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.windows.onFocusChanged.removeListener(onFocusChanged);
      browser.windows.onRemoved.removeListener(onWindowRemoved);
    },
  };
}
