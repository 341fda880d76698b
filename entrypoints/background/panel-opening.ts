import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which Chrome's types (WXT's `browser`) do not describe. */
interface FirefoxSidebarAction {
  sidebarAction: { toggle(): Promise<void> };
}

/** The toolbar button opens Leadside: Chrome's side panel, or Firefox's sidebar. */
export function setupPanelOpening(): void {
  if (import.meta.env.FIREFOX) {
    const firefox = browser as unknown as FirefoxSidebarAction;
    browser.action.onClicked.addListener(() => {
      void firefox.sidebarAction.toggle();
    });
    return;
  }
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
}
