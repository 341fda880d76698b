import { browser } from 'wxt/browser';
import { alertNotifier, alertOfNotification, receiveAlerts, refreshBadge, requestOpenLead, showDueAlerts, type AlertDelivery } from '../../lib/alerts';
import { leadsideDb } from '../../lib/db/database';
import { readMeta } from '../../lib/db/meta';
import { storedApi } from '../../lib/session';
import { alertSwitch } from '../../lib/stored';
import { runActivityStream } from '../../lib/sync/stream';

/** Firefox's sidebar API, which Chrome's types (WXT's `browser`) do not describe. */
interface FirefoxSidebarAction {
  sidebarAction: { open(): Promise<void> };
}

/**
 * Alerts in the browser (docs/sync.md § Alerts in the browser): notifications from the background's own live stream and from each sync's
 * pages, once by id; their "Open lead" click; and the toolbar badge after each sync. `notifications` is an optional
 * permission: until the rep turns alerts on, `browser.notifications` is not there and nothing is shown.
 */
export function setupAlerts(): { afterSync: () => Promise<void> } {
  const delivery: AlertDelivery = {
    db: leadsideDb(),
    enabled: async () => Boolean(browser.notifications) && (await alertSwitch().get()).on,
    show: (alert) =>
      alertNotifier(browser.notifications, { iconUrl: browser.runtime.getURL('/icon/128.png'), buttons: !import.meta.env.FIREFOX })(alert),
    now: () => new Date(),
  };
  listenClicks();
  if (import.meta.env.LEADSIDE_E2E === true) {
    // The browser suite cannot click a system notification: it calls what the click calls, from the worker; and it
    // hands alerts in as the stream does, to check this half without the server's engine.
    Object.assign(globalThis, { leadsideNotificationClicked: openFromNotification, leadsideReceiveAlerts: (raw: unknown[]) => receiveAlerts(delivery, raw) });
  }
  // A notification click must open the panel at once, so the window to open it in is known before any click.
  trackFocusedWindow();
  void startStream(delivery);
  return {
    afterSync: async () => {
      await Promise.all([
        showDueAlerts(delivery).catch((error: unknown) => console.warn('Leadside alerts:', error)),
        refreshBadge(leadsideDb(), browser.action, new Date()).catch((error: unknown) => console.warn('Leadside badge:', error)),
      ]);
      // The stream may have stopped (signed out then in, a worker restart): each sync brings it back.
      void startStream(delivery);
    },
  };
}

let lastWindowId: number | undefined;
function trackFocusedWindow(): void {
  browser.windows?.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) lastWindowId = windowId;
  });
  void browser.windows
    ?.getLastFocused()
    .then((w) => (lastWindowId ??= w.id))
    .catch(() => undefined);
}

function listenClicks(): void {
  if (!browser.notifications) {
    // Granted later (the options page's switch): listen from then on.
    browser.permissions.onAdded.addListener(({ permissions = [] }) => {
      if (permissions.includes('notifications')) listenClicks();
    });
    return;
  }
  browser.notifications.onClicked.addListener(openFromNotification);
  browser.notifications.onButtonClicked?.addListener((id) => openFromNotification(id));
}

/** "Open lead": the panel opens inside the click (the user gesture it needs), then learns which lead to show. */
export function openFromNotification(notificationId: string): void {
  const target = alertOfNotification(notificationId);
  if (!target) return;
  openPanel();
  void requestOpenLead({ contactId: target.contactId, at: new Date().toISOString() })
    .then(() => browser.notifications.clear(notificationId))
    .catch((error: unknown) => console.warn('Leadside: opening the lead failed', error));
}

function openPanel(): void {
  if (import.meta.env.FIREFOX) {
    void (browser as unknown as FirefoxSidebarAction).sidebarAction.open().catch(() => undefined);
    return;
  }
  if (lastWindowId !== undefined) {
    void browser.sidePanel.open({ windowId: lastWindowId }).catch((error: unknown) => console.warn('Leadside: the panel did not open', error));
    return;
  }
  // A worker woken by the click does not know the window yet: the gesture may be gone by the time it does.
  void browser.windows
    .getLastFocused()
    .then((w) => (w.id === undefined ? undefined : browser.sidePanel.open({ windowId: w.id })))
    .catch((error: unknown) => console.warn('Leadside: the panel did not open', error));
}

let streaming: AbortController | null = null;

/**
 * The background's own live stream, for alerts (the panel's stream, open only with the panel, is for "active now"):
 * running while signed in, stopped on sign-out. Each arriving chunk (the server's heartbeat every 15 s included) calls
 * an extension API, which keeps Chrome from stopping the worker while the stream is open; if Chrome stops it anyway,
 * the minute alarm's sync starts it again and the sync page brings what the stream missed.
 */
async function startStream(delivery: AlertDelivery): Promise<void> {
  if (streaming && !streaming.signal.aborted) return;
  const db = leadsideDb();
  const api = (await readMeta(db, 'me')) ? await storedApi(db) : null;
  if (!api || (streaming && !streaming.signal.aborted)) return;
  const controller = new AbortController();
  streaming = controller;
  void runActivityStream({
    db,
    api,
    signal: controller.signal,
    onAlert: (raw) => receiveAlerts(delivery, [raw]),
    onData: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
  })
    .catch((error: unknown) => console.warn('Leadside: the background stream stopped', error))
    .finally(() => {
      if (streaming === controller) streaming = null;
    });
}

/** Signing out stops the stream (a 401 stops it too) and clears the badge. */
export function stopAlerts(): void {
  streaming?.abort();
  streaming = null;
  void refreshBadge(leadsideDb(), browser.action, new Date()).catch(() => undefined);
}
