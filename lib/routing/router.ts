import { reportedUrl, type PageReport } from '../messages/page-protocol';
import { PROTOCOL } from '../messages/protocol';
import { activeKey, FOCUSED_KEY, tabKey, type SessionArea } from './keys';
import { leadsOf, type Exclusions } from './leads';
import { TabContacts } from './panel';

export interface RouterDeps {
  /** `browser.storage.session` (see ./keys.ts for what is kept there). */
  storage: SessionArea;
  /** Who is never a lead, now: it changes at sign-in and with the workspace's settings. */
  exclusions(): Promise<Exclusions>;
  /**
   * Asks the Leadside content script in the tab's top frame what it sees now (`PAGE_ASK`); rejects, or resolves
   * with nothing usable, when no reader runs on that page any more.
   */
  askTab(tabId: number): Promise<unknown>;
  now(): Date;
}

/** What a tab update says, as `tabs.onUpdated` gives it (`url` only when the extension may see that page). */
export interface TabChange {
  url?: string;
  status?: string;
}

export type TabRouter = ReturnType<typeof createTabRouter>;

/**
 * The panel follows the active tab: per-tab contacts and each window's active tab, kept in session storage so a
 * restarted service worker picks up where the last one stopped (a new router over the same storage is all it takes).
 *
 * Navigation: a tab's contacts are dropped when it shows another URL (`changeInfo.url`, which the browser gives only
 * for pages the extension has access to) and re-checked when it finishes loading (`status: complete`) by asking its
 * content script: a page that has none (the rep left Gmail for a site Leadside does not read, where the URL is hidden
 * from us) answers nothing, and its entry goes. This needs neither the `tabs` nor the `webNavigation` permission,
 * both of which would warn "Read your browsing history" at install.
 */
export function createTabRouter(deps: RouterDeps) {
  const { storage } = deps;
  // One change at a time per tab: a report and a navigation racing must not interleave their read and write.
  const queues = new Map<number, Promise<void>>();
  // Tabs closed in this worker's life: a report that was already on its way must not bring a closed tab back.
  const closed = new Set<number>();

  function serial(tabId: number, work: () => Promise<void>): Promise<void> {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(work, work);
    queues.set(tabId, next);
    const forget = () => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    };
    next.then(forget, forget);
    return next;
  }

  async function stored(tabId: number): Promise<TabContacts | null> {
    const parsed = TabContacts.safeParse((await storage.get(tabKey(tabId)))[tabKey(tabId)]);
    return parsed.success ? parsed.data : null;
  }

  async function store(tabId: number, report: PageReport): Promise<void> {
    const entry: TabContacts = {
      url: report.url,
      host: report.host,
      contacts: leadsOf(report.contacts, await deps.exclusions()),
      at: deps.now().toISOString(),
    };
    await storage.set({ [tabKey(tabId)]: entry });
  }

  async function reconcile(tabId: number): Promise<void> {
    const answer = await deps.askTab(tabId).catch(() => undefined);
    const report = PROTOCOL['page.contacts'].request.safeParse(answer);
    if (report.success) await store(tabId, report.data);
    else await storage.remove(tabKey(tabId));
  }

  return {
    /** A content script's `page.contacts` (already parsed and sender-checked by the message receiver). */
    pageContacts(tabId: number, report: PageReport): Promise<void> {
      return serial(tabId, async () => {
        if (!closed.has(tabId)) await store(tabId, report);
      });
    },

    tabUpdated(tabId: number, change: TabChange): Promise<void> {
      if (change.url === undefined && change.status !== 'complete') return Promise.resolve();
      return serial(tabId, async () => {
        const entry = await stored(tabId);
        if (!entry) return;
        if (change.url !== undefined && reportedUrl(change.url) !== entry.url) {
          // Another page: its own content script, if any, reports it.
          await storage.remove(tabKey(tabId));
          return;
        }
        if (change.status === 'complete') await reconcile(tabId);
      });
    },

    tabRemoved(tabId: number, windowId?: number): Promise<void> {
      closed.add(tabId);
      return serial(tabId, async () => {
        await storage.remove(tabKey(tabId));
        if (windowId === undefined) return;
        const active = (await storage.get(activeKey(windowId)))[activeKey(windowId)];
        if (active === tabId) await storage.remove(activeKey(windowId));
      });
    },

    async tabActivated(tabId: number, windowId: number): Promise<void> {
      await storage.set({ [activeKey(windowId)]: tabId });
    },

    /** `windows.onFocusChanged`: -1 (`WINDOW_ID_NONE`) means the browser lost focus; the last window stays. */
    async windowFocused(windowId: number): Promise<void> {
      if (windowId >= 0) await storage.set({ [FOCUSED_KEY]: windowId });
    },

    async windowRemoved(windowId: number): Promise<void> {
      await storage.remove(activeKey(windowId));
      if ((await storage.get(FOCUSED_KEY))[FOCUSED_KEY] === windowId) await storage.remove(FOCUSED_KEY);
    },

    /** At start: record the active tab of windows with none recorded yet (never overwrites a newer event's). */
    async seedActiveTabs(tabs: readonly { id?: number; windowId?: number }[]): Promise<void> {
      const missing: Record<string, number> = {};
      for (const tab of tabs) {
        if (tab.id === undefined || tab.windowId === undefined) continue;
        const key = activeKey(tab.windowId);
        if ((await storage.get(key))[key] === undefined) missing[key] = tab.id;
      }
      if (Object.keys(missing).length > 0) await storage.set(missing);
    },
  };
}
