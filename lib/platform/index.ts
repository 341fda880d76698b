import type { WxtBrowser } from 'wxt/browser';
import type { PanelContacts } from '../routing/panel';
import { watchPanelContacts } from '../routing/watch-panel';
import { hostPatternFor, type BrowserTarget } from './host-pattern';
import { browserSiteAccess, type SiteAccess } from './sites';

export type { SiteAccess } from './sites';

/**
 * The few browser APIs the extension's logic needs, behind one small adapter: entrypoints build it from WXT's
 * `browser`, tests from WXT's `fakeBrowser`. Nothing else in lib/ touches `browser.*`.
 */
export interface Platform {
  self: { id: string; origin: string };
  sendMessage(message: unknown): Promise<unknown>;
  hasHostPermission(pattern: string): Promise<boolean>;
  /** Must run in a user gesture (a click) on an extension page. */
  requestHostPermission(pattern: string): Promise<boolean>;
  openOptionsPage(): Promise<void>;
  /**
   * Follows the contacts detected on the active tab of the window this page lives in (null when that tab has none),
   * calling back at once and on every change; returns an unsubscribe.
   */
  watchPageContacts(onChange: (page: PanelContacts | null) => void): () => void;
  writeClipboard(text: string): Promise<void>;
  /** Opens a web page in a new tab (the dashboard); needs no permission and no user gesture. */
  openTab(url: string): Promise<void>;
  /** The `mailto:` reader's switch: the followed tab's address and one site's access. */
  sites: SiteAccess;
  /** The optional `notifications` permission, for the alerts switch (components/options/AlertOptions.tsx). */
  notifications: PermissionAccess;
}

/** One optional permission: whether it is granted, and asking for it (first thing in a click, before any await). */
export interface PermissionAccess {
  granted(): Promise<boolean>;
  request(): Promise<boolean>;
}

/**
 * `pinnedTabId`: follow that tab's contacts instead of the active tab's (the panel opened as a page with `?tab=<id>`,
 * as the end-to-end suite and a rep's pop-out window do). `target`: the browser this build is for (its host patterns
 * differ: ./host-pattern.ts).
 */
export function browserPlatform(
  browser: WxtBrowser,
  options: { pinnedTabId?: number | null; target?: BrowserTarget } = {},
): Platform {
  const root = new URL(browser.runtime.getURL('/'));
  const target = options.target ?? (import.meta.env.FIREFOX ? 'firefox' : 'chrome');
  const pattern = (p: string) => hostPatternFor(p, target);
  return {
    self: { id: browser.runtime.id, origin: `${root.protocol}//${root.host}` },
    sendMessage: (message) => browser.runtime.sendMessage(message),
    hasHostPermission: (p) => browser.permissions.contains({ origins: [pattern(p)] }),
    requestHostPermission: (p) => browser.permissions.request({ origins: [pattern(p)] }),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    watchPageContacts: (onChange) => watchPanelContacts(browser, onChange, options.pinnedTabId ?? null),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    sites: browserSiteAccess(browser, options.pinnedTabId ?? null, pattern),
    notifications: {
      granted: () => browser.permissions.contains({ permissions: ['notifications'] }),
      request: () => browser.permissions.request({ permissions: ['notifications'] }),
    },
  };
}
