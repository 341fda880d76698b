import type { DetectedContact } from './contacts';
import { shadowScopes } from './shadow';

/**
 * Subtrees to observe. Each group is one subtree, its selectors tried in order (stable hook first, fallbacks after):
 * e.g. Gmail's `[['div[role="main"]'], ['div.dw']]` is the thread area and the compose dock, never the whole document.
 */
export type WatchRoots = readonly (readonly string[])[];

/** The timer functions the watch uses (the page's own; tests pass fake ones through vitest). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface WatchOptions {
  doc: Document;
  roots: WatchRoots;
  /** Also observe the open shadow roots beneath the roots (Salesforce on native shadow: mutations there are not seen
   * from the light tree). */
  shadowRoots?: boolean;
  /** Reads the page now: the host's reader. */
  read(): DetectedContact[];
  /** The page's URL now. */
  href(): string;
  /**
   * Reports a change. A failure is not retried: Chromes before promise replies (and Firefox with no listener) reject
   * even a delivered message ("message port closed"), and a retry would then send after every mutation. The
   * background asks the page again when its tab finishes loading, and the next change reports anyway.
   */
  send(contacts: DetectedContact[], href: string): Promise<unknown>;
  /** Quiet time after the last mutation before reading (default 300 ms). */
  debounceMs?: number;
  /** Longest wait while mutations keep coming (default 1500 ms): a ticking clock must not starve the read. */
  maxWaitMs?: number;
  /** How often the URL is compared and lost roots looked for again (default 1000 ms). */
  tickMs?: number;
  timers?: Timers;
  now?: () => number;
}

export interface PageWatch {
  /** Reads now and counts the result as reported (the answer to the background's question). */
  readNow(): { href: string; contacts: DetectedContact[] };
  /** Disconnects the observer, clears every timer and listener. */
  stop(): void;
}

/** What the readers' observer watches (the benchmark's empty observer watches the same). */
export const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // Only attributes the readers look at: class and style churn on every hover in Gmail.
  attributes: true,
  attributeFilter: ['email', 'name', 'data-hovercard-id', 'data-name', 'href', 'aria-label', 'value', 'title'],
};

/**
 * Watches the smallest subtrees that change, debounces, re-reads and reports only when the contacts or the URL
 * changed (an empty list too, when contacts disappear). The observer callback only notes the time: the read runs
 * later, once per quiet period.
 */
export function watchPage(options: WatchOptions): PageWatch {
  const { doc, read, href, send } = options;
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1500;
  const timers: Timers = options.timers ?? globalThis;
  const now = options.now ?? (() => Date.now());
  const win = doc.defaultView;
  const Observer = win?.MutationObserver ?? MutationObserver;

  // Nothing has been reported yet, which the background sees as "no contacts on this page".
  let reported: string | null = keyOf([], href());
  let lastHref = href();
  let firstChangeAt = 0;
  let lastChangeAt = 0;
  let pending: unknown;
  let stopped = false;
  let roots: (Element | null)[] = [];
  let watchedShadows = new WeakSet<ShadowRoot>();

  // The observer callback: note the time, arm one timer if none is armed. Nothing else runs per mutation batch.
  const observer = new Observer(schedule);

  function settle(): void {
    pending = undefined;
    if (stopped) return;
    const at = now();
    const quiet = at - lastChangeAt;
    const waited = at - firstChangeAt;
    if (quiet < debounceMs && waited < maxWaitMs) {
      pending = timers.setTimeout(settle, Math.min(debounceMs - quiet, maxWaitMs - waited));
      return;
    }
    report();
  }

  function schedule(): void {
    lastChangeAt = now();
    if (pending === undefined) {
      firstChangeAt = lastChangeAt;
      pending = timers.setTimeout(settle, debounceMs);
    }
  }

  function report(): void {
    const contacts = read();
    const at = href();
    const key = keyOf(contacts, at);
    if (options.shadowRoots) observeShadows();
    if (key === reported) return;
    reported = key;
    send(contacts, at).catch(() => undefined);
  }

  /** (Re)attaches to each group's root; true when one appeared, vanished or was replaced. */
  function attach(): boolean {
    const found = options.roots.map((group, i) => {
      const current = roots[i];
      if (current?.isConnected) return current;
      for (const selector of group) {
        const element = doc.querySelector(selector);
        if (element) return element;
      }
      return null;
    });
    if (found.every((root, i) => root === roots[i]) && found.length === roots.length) return false;
    roots = found;
    observer.disconnect();
    watchedShadows = new WeakSet();
    for (const root of roots) if (root) observer.observe(root, OBSERVE);
    if (options.shadowRoots) observeShadows();
    return true;
  }

  function observeShadows(): void {
    for (const root of roots) {
      if (!root) continue;
      for (const scope of shadowScopes(root)) {
        if (scope.nodeType !== 11 || watchedShadows.has(scope as ShadowRoot)) continue;
        watchedShadows.add(scope as ShadowRoot);
        observer.observe(scope, OBSERVE);
      }
    }
  }

  function tick(): void {
    const at = href();
    if (attach() || at !== lastHref) schedule();
    lastHref = at;
  }

  attach();
  schedule();
  const ticker = timers.setInterval(tick, options.tickMs ?? 1000);
  win?.addEventListener('hashchange', tick);
  win?.addEventListener('popstate', tick);

  return {
    readNow() {
      const contacts = read();
      const at = href();
      reported = keyOf(contacts, at);
      return { href: at, contacts };
    },
    stop() {
      stopped = true;
      observer.disconnect();
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
      timers.clearInterval(ticker);
      win?.removeEventListener('hashchange', tick);
      win?.removeEventListener('popstate', tick);
    },
  };
}

function keyOf(contacts: DetectedContact[], href: string): string {
  return JSON.stringify([href, contacts]);
}
