import type { Page } from 'playwright-core';
import type { LoadedExtension } from '../../test/support/extension';
import { sleep } from './stats';

/** Reads the extension's cache (raw IndexedDB) from one of its pages: the sync state, who is signed in, each contact with its activity count. */
export function cacheState(page: Page) {
  return page.evaluate(async () => {
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await request(indexedDB.open('leadside'));
    try {
      const tx = db.transaction(['meta', 'contacts', 'activities'], 'readonly');
      const meta = (key: string) => request(tx.objectStore('meta').get(key)).then((row) => (row as { value?: unknown } | undefined)?.value);
      const sync = (await meta('syncState')) as { status: string; lastSyncAt: string | null } | undefined;
      const me = (await meta('me')) as { user: { id: string } } | undefined;
      const contacts = (await request(tx.objectStore('contacts').getAll())) as { id: string; email: string; name: string | null; ownerId: string | null }[];
      const counts = await Promise.all(contacts.map((c) => request(tx.objectStore('activities').index('contactId').count(c.id))));
      return { sync: sync ?? null, meId: me?.user.id ?? null, contacts: contacts.map((c, i) => ({ ...c, activities: counts[i]! })) };
    } finally {
      db.close();
    }
  });
}

export type CacheState = Awaited<ReturnType<typeof cacheState>>;

/**
 * Signs the extension in on its options page (server address and token, as a rep does) and waits for the background's
 * first sync to finish. Returns the options page (an extension page, to read the cache from) and the cache.
 */
export async function signInAndSync(ext: LoadedExtension, serverUrl: string, token: string, timeoutMs = 60_000): Promise<{ options: Page; cache: CacheState }> {
  const options = await ext.openPage('options.html');
  await options.getByLabel('Server address').fill(serverUrl);
  await options.getByLabel('Token').fill(token);
  await options.getByRole('button', { name: 'Sign in' }).click();
  let cache = await cacheState(options);
  for (let waited = 0; !(cache.sync?.lastSyncAt && cache.sync.status !== 'syncing') && waited < timeoutMs; waited += 250) {
    await sleep(250);
    cache = await cacheState(options);
  }
  if (!cache.sync?.lastSyncAt) throw new Error(`the first sync did not finish: ${JSON.stringify(cache.sync)}`);
  return { options, cache };
}
