import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../server/seed/demo';
import { startServer } from '../../server/serve';
import { buildE2eExtension, launchWithExtension } from '../../test/support/extension';
import { cacheState, signInAndSync } from '../support/extension-session';
import { heapAfterGc, targetSender } from '../support/js-heap';
import { benchLogger } from '../support/logger';
import { ratioOf, type Figure, type Row } from '../support/result';
import { sleep } from '../support/stats';

const CONTACTS = 5_000;
const MB = 1024 * 1024;
/** docs/promises.md § Speed: what 5,000 cached contacts may cost beside an empty extension. */
const TARGETS = { panelMb: 40, panelTimes: 4, backgroundMb: 20, backgroundTimes: 2 } as const;

/**
 * Fills the cache up to `total` of the rep's own contacts: copies of the synced ones, each with its activities and
 * attempts under new ids (raw IndexedDB, before the panel opens, so the panel reads them as it reads a synced cache).
 */
function topUpCache(page: Page, total: number, ownerId: string) {
  return page.evaluate(
    async ({ total, ownerId }) => {
      const request = <T,>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await request(indexedDB.open('leadside'));
      try {
        const read = db.transaction(['contacts', 'activities', 'attempts'], 'readonly');
        const all = (await request(read.objectStore('contacts').getAll())) as { id: string; email: string; ownerId: string | null }[];
        const owned = all.filter((c) => c.ownerId === ownerId);
        const history = async (store: string, id: string) => (await request(read.objectStore(store).index('contactId').getAll(id))) as { id: string }[];
        const models = await Promise.all(owned.map(async (c) => ({ contact: c, activities: await history('activities', c.id), attempts: await history('attempts', c.id) })));
        const write = db.transaction(['contacts', 'activities', 'attempts'], 'readwrite');
        let added = { contacts: 0, activities: 0, attempts: 0 };
        for (let k = 0; owned.length + added.contacts < total; k++) {
          const model = models[k % models.length]!;
          const id = `${model.contact.id}~copy${k}`;
          write.objectStore('contacts').put({ ...model.contact, id, email: `copy${k}.${model.contact.email}` });
          for (const a of model.activities) write.objectStore('activities').put({ ...a, id: `${a.id}~copy${k}`, contactId: id });
          for (const a of model.attempts) write.objectStore('attempts').put({ ...a, id: `${a.id}~copy${k}`, contactId: id });
          added = { contacts: added.contacts + 1, activities: added.activities + model.activities.length, attempts: added.attempts + model.attempts.length };
        }
        await new Promise<void>((resolve, reject) => {
          write.oncomplete = () => resolve();
          write.onerror = () => reject(write.error);
        });
        return { synced: owned.length, added };
      } finally {
        db.close();
      }
    },
    { total, ownerId },
  );
}

/** Reads the rep's contacts with their activities and attempts raw and keeps them (a global) until the page closes. */
function holdRawRows(page: Page, ownerId: string) {
  return page.evaluate(async (ownerId) => {
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await request(indexedDB.open('leadside'));
    const tx = db.transaction(['contacts', 'activities', 'attempts'], 'readonly');
    const contacts = (await request(tx.objectStore('contacts').index('ownerId').getAll(ownerId))) as { id: string }[];
    const ids = new Set(contacts.map((c) => c.id));
    const mine = (rows: { contactId: string }[]) => rows.filter((r) => ids.has(r.contactId));
    const activities = mine((await request(tx.objectStore('activities').getAll())) as { contactId: string }[]);
    const attempts = mine((await request(tx.objectStore('attempts').getAll())) as { contactId: string }[]);
    db.close();
    (globalThis as unknown as { benchHeld: unknown }).benchHeld = { contacts, activities, attempts };
  }, ownerId);
}

/**
 * 11. Memory: the JS heap (CDP JSHeapUsedSize after a full garbage collection) of the side panel with 5,000 of the
 * rep's contacts cached and its queue showing, beside the same panel of a fresh install (signed out, nothing cached);
 * and the background's service worker after the sync the panel's opening asks for (its badge reads those 5,000
 * leads), beside the same worker freshly started. Real Chromium, the end-to-end build, a demo server; the cache is
 * the demo's synced contacts copied up to 5,000 with their histories. The limit is the empty state, in the same run.
 */
export const memory: Figure = {
  id: 'memory',
  title: '11. Memory',
  timeoutMs: 180_000,
  async run(ctx) {
    const scratch = mkdtempSync(join(ctx.scratch, 'memory-'));
    ctx.defer(() => rmSync(scratch, { recursive: true, force: true }));
    ctx.log('building the end-to-end extension, starting a demo server');
    const dir = buildE2eExtension(join(scratch, 'build'));
    const server = await startServer({ port: 0, host: '127.0.0.1', store: { memory: true }, log: benchLogger });
    ctx.defer(() => server.close());
    const demo = await seedDemo(server.store.db, { now: new Date() });
    const rep = demo.credentials.find((c) => c.role === 'rep')!;
    const ext = await launchWithExtension(dir, mkdtempSync(join(scratch, 'chromium-profile-')));
    ctx.defer(() => ext.close());
    await ext.context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });

    const pageHeap = async (page: Page) => {
      const cdp = await ext.context.newCDPSession(page);
      try {
        return await heapAfterGc((method, params) => cdp.send(method as never, params as never));
      } finally {
        await cdp.detach();
      }
    };
    const workerHeap = async (via: Page) => {
      const cdp = await ext.context.newCDPSession(via);
      const worker = await targetSender(cdp, (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.id}/`));
      try {
        return await heapAfterGc(worker.send);
      } finally {
        await worker.detach();
        await cdp.detach();
      }
    };
    const openPanel = async (ready: (page: Page) => Promise<unknown>) => {
      const page = await ext.openPage('sidepanel.html');
      await ready(page);
      // What the first render started (the stream, timers) settles before the heap is read.
      await sleep(1_500);
      return page;
    };

    ctx.log('empty: a fresh install, signed out');
    const blank = await ext.openPage('options.html');
    await sleep(1_000);
    const emptyBackground = (await workerHeap(blank)).bytes;
    const emptyPanelPage = await openPanel((p) => p.getByRole('heading', { name: /sign in/i }).first().waitFor({ timeout: 15_000 }));
    const emptyPanel = (await pageHeap(emptyPanelPage)).bytes;
    await emptyPanelPage.close();
    await blank.close();

    ctx.log(`signing in, filling the cache to ${CONTACTS.toLocaleString('en-US')} contacts`);
    const { options, cache } = await signInAndSync(ext, server.url, rep.token);
    const filled = await topUpCache(options, CONTACTS, cache.meId!);
    const syncedAt = Date.now();
    const panel = await openPanel((p) => p.getByRole('heading', { name: 'Your follow-up queue' }).waitFor({ timeout: 60_000 }));
    // The sync the panel's opening asked for (and the badge after it, over the 5,000 leads) has run in the worker.
    for (let waited = 0; waited < 30_000; waited += 250) {
      const state = await cacheState(options);
      if (state.sync?.lastSyncAt && Date.parse(state.sync.lastSyncAt) >= syncedAt && state.sync.status !== 'syncing') break;
      await sleep(250);
    }
    const { bytes: fullPanel, source: panelSource } = await pageHeap(panel);
    const { bytes: fullBackground, source: workerSource } = await workerHeap(options);
    // What the rows alone cost: the same contacts, activities and attempts read raw and held, in another page.
    const before = (await pageHeap(options)).bytes;
    await holdRawRows(options, cache.meId!);
    const rawRows = (await pageHeap(options)).bytes - before;
    const after = await cacheState(options);
    const ownedAfter = after.contacts.filter((c) => c.ownerId === cache.meId);
    const summary = await panel.locator('.queue__summary').textContent();

    const fig = '11. Memory';
    const row = (what: string, value: number, empty: number, mb: number, times: number): Row => {
      const ratio = ratioOf(value, empty);
      return {
        figure: fig,
        measure: `${what}, JS heap with ${ownedAfter.length.toLocaleString('en-US')} contacts cached`,
        value: value / MB,
        unit: 'MB',
        limit: empty / MB,
        limitMeasure: 'the same, empty (fresh install)',
        ratio,
        target: `≤ ${mb} MB and ≤ ${times}× empty`,
        met: value / MB <= mb && ratio !== null && ratio <= times && ownedAfter.length >= CONTACTS,
      };
    };
    return {
      rows: [
        { ...row('side panel (queue showing)', fullPanel, emptyPanel, TARGETS.panelMb, TARGETS.panelTimes), note: `queue: ${summary ?? '?'}; the rows alone (read raw and held): ${(rawRows / MB).toFixed(1)} MB` },
        row('background (after a sync and the badge)', fullBackground, emptyBackground, TARGETS.backgroundMb, TARGETS.backgroundTimes),
      ],
      details: {
        chromium: ext.context.browser()?.version() ?? null,
        heapBytes: { emptyPanel, fullPanel, emptyBackground, fullBackground, rawRows },
        rawRows: 'the rep’s contacts, activities and attempts read raw from IndexedDB and held in another extension page: heap after minus before',
        heapSource: { panel: panelSource, background: workerSource },
        cache: { synced: filled.synced, added: filled.added, ownedAfter: ownedAfter.length, activitiesOwned: ownedAfter.reduce((n, c) => n + c.activities, 0) },
        queueSummary: summary,
      },
    };
  },
};
