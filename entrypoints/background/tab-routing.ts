import { browser } from 'wxt/browser';
import { leadsideDb } from '../../lib/db/database';
import { PAGE_ASK } from '../../lib/messages/page-protocol';
import type { Handlers } from '../../lib/messages';
import {
  createTabRouter,
  exclusionsFrom,
  listenTabRouting,
  MAILTO_SCRIPT_FILE,
  MAILTO_SCRIPT_ID,
  mailtoMatches,
  pageContactsHandler,
} from '../../lib/routing';
import { readMeta } from '../../lib/db/meta';
import { mailtoSites } from '../../lib/stored';

/**
 * The panel follows the active tab (lib/routing): per-tab contacts and each window's active tab in session storage,
 * cleared on navigation and tab close. Also keeps the run-time `mailto:` reader registered for the sites the rep
 * turned on. Returns the `page.contacts` handler for the message receiver.
 */
export function setupTabRouting(): NonNullable<Handlers['page.contacts']> {
  const router = createTabRouter({
    storage: browser.storage.session,
    exclusions: async () => {
      const db = leadsideDb();
      return exclusionsFrom(await readMeta(db, 'me'), await readMeta(db, 'settings'));
    },
    askTab: (tabId) => browser.tabs.sendMessage(tabId, PAGE_ASK, { frameId: 0 }),
    now: () => new Date(),
  });
  listenTabRouting(browser, router, (error) => console.warn('Leadside tab routing:', error));
  setupMailtoReader();
  return pageContactsHandler(router);
}

function setupMailtoReader(): void {
  const sync = () => void syncMailtoReader().catch((error: unknown) => console.warn('Leadside mailto reader:', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  mailtoSites().watch(sync);
  sync();
}

/** Registers, updates or removes the one `mailto:` content script to match the enabled and granted sites. */
async function syncMailtoReader(): Promise<void> {
  // `scripting` is an optional permission: until the rep turns a site on, the API is not there.
  if (!browser.scripting?.registerContentScripts) return;
  const [sites, { origins = [] }] = await Promise.all([mailtoSites().get(), browser.permissions.getAll()]);
  const matches = mailtoMatches(sites, origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [MAILTO_SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [MAILTO_SCRIPT_ID] });
    return;
  }
  const script = { id: MAILTO_SCRIPT_ID, js: [MAILTO_SCRIPT_FILE], matches, runAt: 'document_idle' as const };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  // A registered script runs on the next page load; a site just turned on is read now in the tabs already open on it.
  const before = new Set(registered[0]?.matches ?? []);
  const added = matches.filter((pattern) => !before.has(pattern));
  if (added.length > 0) await readOpenTabs(added);
}

async function readOpenTabs(patterns: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: patterns });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${MAILTO_SCRIPT_FILE}` as const] }).catch(() => undefined),
    ),
  );
}
