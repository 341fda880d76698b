import type { WxtBrowser } from 'wxt/browser';

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
}

export function browserPlatform(browser: WxtBrowser): Platform {
  const root = new URL(browser.runtime.getURL('/'));
  return {
    self: { id: browser.runtime.id, origin: `${root.protocol}//${root.host}` },
    sendMessage: (message) => browser.runtime.sendMessage(message),
    hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    requestHostPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
  };
}
