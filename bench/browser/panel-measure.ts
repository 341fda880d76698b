/**
 * Runs inside the measuring panel page (the built sidepanel.html, or bench-panel.html) through Playwright's
 * page.evaluate, so it must stay self-contained: no imports, only what the page has (chrome.*, indexedDB, the DOM).
 *
 * Each round: switch the window's active tab to a host page whose contact the content script has detected (t0, just
 * before chrome.tabs.update), and wait until the panel's lead card heading (h2.lead__name) names that contact (t1,
 * when the DOM holds it). The limit, in the same page and round: read the same rows the card shows from the
 * extension's IndexedDB (the contact by email, its activities, attempts, questions and stage changes, the pending
 * outbox, the settings and who is signed in: one readonly transaction, no Dexie), render the panel's own card component
 * to static markup from them (`args.cardModule`, ../browser/panel-card.tsx) and put it into the page, until the DOM
 * holds its heading: what the panel cannot avoid doing, without React's live rendering, Dexie or the routing.
 */
export interface Target {
  tabId: number;
  email: string;
  name: string;
}

export interface SwitchResult {
  panelMs: number[];
  /** From the switch to the first session-storage change the panel page hears of (the background's routing). */
  routedMs: number[];
  /** From the switch to the page hearing tabs.onActivated itself (the browser's delivery, which the panel acts on). */
  heardMs: number[];
  /** From the page hearing the switch to the card: the panel's own share of each switch. */
  afterHeardMs: number[];
  /** Wall-clock time (timeOrigin + now, ms) of each measured switch, to line up with the service worker's clock. */
  switchedAt: number[];
  limitMs: number[];
  failures: string[];
}

export async function measureSwitches(args: {
  targets: Target[];
  rounds: number;
  warmup: number;
  timeoutMs: number;
  pauseMs: number;
  budgetMs: number;
  /** URL of the module exporting `renderCardMarkup` (bench-card.js in the built extension). */
  cardModule: string;
}): Promise<SwitchResult> {
  const chromeApi = (
    globalThis as unknown as {
      chrome: {
        tabs: {
          update(id: number, p: { active: boolean }): Promise<unknown>;
          onActivated: { addListener(l: () => void): void; removeListener(l: () => void): void };
        };
        storage: { onChanged: { addListener(l: (c: unknown, area: string) => void): void; removeListener(l: (c: unknown, area: string) => void): void } };
      };
    }
  ).chrome;
  let changedAt: number | null = null;
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'session' && changedAt === null) changedAt = performance.now();
  };
  chromeApi.storage.onChanged.addListener(onChanged);
  let heardAt: number | null = null;
  const onActivated = () => {
    heardAt ??= performance.now();
  };
  chromeApi.tabs.onActivated.addListener(onActivated);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const waitFor = (test: () => boolean, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      if (test()) {
        resolve(performance.now());
        return;
      }
      const observer = new MutationObserver(() => {
        if (!test()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('timed out'));
      }, timeoutMs);
    });
  const names = (selector: string) => [...document.querySelectorAll(selector)].map((h) => h.textContent?.trim());
  // The panel's card, not the limit's copy of it.
  const PANEL_NAME = 'h2.lead__name:not(#bench-limit *)';
  const { renderCardMarkup } = (await import(args.cardModule)) as { renderCardMarkup(rows: unknown): string };
  const request = <T,>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const db = await request(indexedDB.open('leadside'));
  const box = document.createElement('div');
  box.id = 'bench-limit';
  document.body.append(box);

  const panelMs: number[] = [];
  const routedMs: number[] = [];
  const heardMs: number[] = [];
  const afterHeardMs: number[] = [];
  const switchedAt: number[] = [];
  const limitMs: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < args.warmup + args.rounds && performance.now() - started < args.budgetMs; i++) {
      const target = args.targets[i % args.targets.length]!;
      // The panel: switch tabs, wait for the card.
      changedAt = null;
      heardAt = null;
      box.replaceChildren();
      const t0 = performance.now();
      void chromeApi.tabs.update(target.tabId, { active: true });
      try {
        const t1 = await waitFor(() => names(PANEL_NAME).includes(target.name), args.timeoutMs);
        if (i >= args.warmup) {
          panelMs.push(t1 - t0);
          switchedAt.push(performance.timeOrigin + t0);
          if (changedAt !== null) routedMs.push((changedAt as number) - t0);
          if (heardAt !== null) {
            heardMs.push((heardAt as number) - t0);
            afterHeardMs.push(t1 - (heardAt as number));
          }
        }
      } catch {
        failures.push(`switch ${i}: no card for ${target.email} within ${args.timeoutMs} ms (headings: ${names('h2').join(' | ')})`);
      }
      await sleep(args.pauseMs);
      // The limit: raw IndexedDB reads of what the card shows, and the same card as static markup.
      const l0 = performance.now();
      const tx = db.transaction(['contacts', 'activities', 'attempts', 'questions', 'stageChanges', 'outbox', 'meta'], 'readonly');
      const contact = (await request(tx.objectStore('contacts').index('email').get(target.email))) as { id: string; name: string | null } | undefined;
      if (!contact) throw new Error(`${target.email} is not in the cache`);
      const byContact = (store: string) => request(tx.objectStore(store).index('contactId').getAll(contact.id));
      const [activities, attempts, questions, stageChanges, pending, settings, me] = await Promise.all([
        byContact('activities'),
        byContact('attempts'),
        byContact('questions'),
        byContact('stageChanges'),
        request(tx.objectStore('outbox').index('status').getAll('pending')),
        request(tx.objectStore('meta').get('settings')),
        request(tx.objectStore('meta').get('me')),
      ]);
      const value = (row: unknown) => (row as { value: unknown }).value;
      box.innerHTML = renderCardMarkup({ contact, activities, attempts, questions, stageChanges, pending, settings: value(settings), me: value(me) });
      const l1 = await waitFor(() => names('#bench-limit h2.lead__name').includes(target.name), args.timeoutMs);
      if (i >= args.warmup) limitMs.push(l1 - l0);
      await sleep(args.pauseMs);
    }
  } finally {
    chromeApi.storage.onChanged.removeListener(onChanged);
    chromeApi.tabs.onActivated.removeListener(onActivated);
    db.close();
    box.remove();
  }
  return { panelMs, routedMs, heardMs, afterHeardMs, switchedAt, limitMs, failures };
}
