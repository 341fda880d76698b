import type { WxtBrowser } from 'wxt/browser';

/**
 * What the `mailto:` reader's switch needs of the browser (lib/routing/mailto-sites.ts): the address of the tab the
 * panel follows, and the one origin's access. Least privilege: `scripting` and the site's origin are optional
 * permissions asked in the click that turns a site on, for that origin only.
 */
export interface SiteAccess {
  /**
   * The address of the tab the panel follows, when the browser lets the extension see it (after a toolbar click on that
   * tab, through `activeTab`, or on an origin already granted); null otherwise.
   */
  activeTabUrl(): Promise<string | null>;
  /** Must be called first thing in a user gesture (a click), before any await: asks `scripting` and `origin/*`. */
  request(origin: string): Promise<boolean>;
  /** Whether the origin's access is granted (the reader needs it as well as the listed site). */
  granted(origin: string): Promise<boolean>;
  /** Gives the origin's access back, except where something else needs it (`keep`, e.g. the rep's server); never throws. */
  release(origin: string, keep?: readonly string[]): Promise<void>;
}

/** `pattern`: the browser's form of `<origin>/*` (./host-pattern.ts). */
export function browserSiteAccess(browser: WxtBrowser, pinnedTabId: number | null, pattern: (p: string) => string = (p) => p): SiteAccess {
  return {
    async activeTabUrl() {
      try {
        if (pinnedTabId !== null) return (await browser.tabs.get(pinnedTabId)).url ?? null;
        const window = await browser.windows.getCurrent();
        const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
        return tab?.url ?? null;
      } catch {
        return null;
      }
    },
    request: (origin) => browser.permissions.request({ permissions: ['scripting'], origins: [pattern(`${origin}/*`)] }),
    granted: (origin) => browser.permissions.contains({ origins: [pattern(`${origin}/*`)] }),
    async release(origin, keep = []) {
      // Compared as the browser's patterns: on Firefox a site on localhost:5173 shares `http://localhost/*` with a
      // server on localhost:8787.
      if (keep.some((kept) => pattern(`${kept}/*`) === pattern(`${origin}/*`))) return;
      // `scripting` stays: the background needs it to unregister the reader, and it reaches no site by itself.
      await browser.permissions.remove({ origins: [pattern(`${origin}/*`)] }).catch(() => false);
    },
  };
}
