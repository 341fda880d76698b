/**
 * What the background keeps in `browser.storage.session` for the side panel. Session storage lives as long as the
 * browser session (it survives the service worker's restarts, not a browser restart or an extension reload); its
 * default access level, TRUSTED_CONTEXTS, lets extension pages and the background read it and keeps content scripts
 * out. The panel reads it directly; only the background writes it.
 *
 * | key                | value                                                                                      |
 * |--------------------|--------------------------------------------------------------------------------------------|
 * | `tab:<tabId>`      | `TabContacts` `{url, host, contacts, at}`: the leads detected on that tab's page, the rep's |
 * |                    | own address and the workspace's domains already dropped, in panel order (external sender,  |
 * |                    | recipients, records, links: lib/messages/contact-order.ts), each address once. Absent:     |
 * |                    | nothing read on that page.                                                                 |
 * | `active:<windowId>`| the id of that window's active tab (a number)                                              |
 * | `focused`          | the id of the last focused browser window (a number)                                       |
 *
 * The panel: `readPanelContacts(browser.storage.session, windowId)` (lib/routing/panel.ts) with its own window's id
 * (`(await browser.windows.getCurrent()).id`), read again whenever `browser.storage.session.onChanged` reports a key
 * for which `isRoutingKey(key)` holds.
 *
 * Unlike the settings in `storage.local` (lib/stored), these keys are not versioned items: most are dynamic (one per
 * tab or window), they last one browser session, and an entry that fails its check (`TabContacts`) reads as none.
 */
export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const activeKey = (windowId: number): string => `active:${windowId}`;
export const FOCUSED_KEY = 'focused';

export function isRoutingKey(key: string): boolean {
  return key === FOCUSED_KEY || key.startsWith('tab:') || key.startsWith('active:');
}

/** The part of a storage area the routing uses: `browser.storage.session`, or WXT's fake one in tests. */
export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
