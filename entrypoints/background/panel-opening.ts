import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which Chrome's types (WXT's `browser`) do not describe. */
interface FirefoxSidebarAction {
  sidebarAction: { toggle(): Promise<void> };
}

/**
 * The toolbar button opens Leadside: Chrome's side panel, or Firefox's sidebar. Both through `action.onClicked`, so the
 * click grants `activeTab` and the panel may read that tab's address ("Read contacts on this site"); Chrome's
 * `openPanelOnActionClick` would open the panel without that grant.
 */
export function setupPanelOpening(): void {
  if (import.meta.env.FIREFOX) {
    const firefox = browser as unknown as FirefoxSidebarAction;
    browser.action.onClicked.addListener(() => {
      void firefox.sidebarAction.toggle();
    });
    return;
  }
  // Chrome keeps the behaviour across restarts: put an earlier version's setting back first.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  browser.action.onClicked.addListener((tab) => {
    // Called at once, inside the click: an await before it would lose the user gesture.
    if (tab.windowId !== undefined) void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
  });
}
