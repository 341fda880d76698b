import type { Page } from 'playwright-core';
import type { LoadedExtension } from '../../support/extension';
import { DATABASE_NAME } from '../../../lib/db/database';

/** Signs the extension in through its options page, as a rep would. */
export async function signInThroughOptions(ext: LoadedExtension, serverUrl: string, token: string): Promise<void> {
  const page = await ext.openPage('options.html');
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Signed in' }).waitFor();
  await page.close();
}

/** Opens a host page and answers its tab id (asked of the extension, which holds access to localhost in e2e). */
export async function openHostTab(ext: LoadedExtension, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const worker = ext.context.serviceWorkers()[0]!;
  const tabId = await worker.evaluate(async (href: string) => {
    // Runs in the extension's service worker, where `chrome` is the real API.
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === href);
    if (tab?.id === undefined) throw new Error(`no tab at ${href}`);
    return tab.id;
  }, url);
  return { page, tabId };
}

/** Polls until `probe` answers something truthy; bounded. */
export async function until<T>(probe: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until the extension's sync is at rest (its state in the cache says idle), read from an extension page: a
 * test that changes the server under a running sync (expiring a token, say) would otherwise race the sync the panel
 * started on opening.
 */
export async function syncAtRest(page: Page, timeoutMs = 30_000): Promise<void> {
  await until(
    () =>
      page.evaluate(
        (name) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open(name);
            open.onerror = () => resolve(false);
            open.onsuccess = () => {
              const db = open.result;
              const read = db.transaction('meta').objectStore('meta').get('syncState');
              read.onsuccess = () => {
                db.close();
                resolve((read.result as { value?: { status?: string } } | undefined)?.value?.status === 'idle');
              };
              read.onerror = () => {
                db.close();
                resolve(false);
              };
            };
          }),
        DATABASE_NAME,
      ),
    'the sync at rest',
    timeoutMs,
  );
}
