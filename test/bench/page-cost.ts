import { GMAIL_ROOTS, readGmail } from '../../lib/detect/gmail';
import { readSalesforce } from '../../lib/detect/salesforce';
import { watchPage } from '../../lib/detect/watch';

/**
 * What a content script costs on a big page, measured the same way in JSDOM and in a real browser (bundled into the
 * page by ./content-scripts.ts). `win` already shows the fixture; it is padded here.
 */

export interface Stats {
  n: number;
  mean: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  /** The three longest, to tell a pause (GC, the first call) from a slow path. */
  top: number[];
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = samples.reduce((sum, v) => sum + v, 0) / Math.max(1, samples.length);
  return { n: samples.length, mean, median: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0, top: sorted.slice(-3).reverse() };
}

/** Pads the Gmail thread fixture with inbox rows and quoted blocks to `target` elements. */
function padGmail(doc: Document, target: number): number {
  const list = doc.querySelector('table.F tbody')!;
  const row =
    '<tr class="zA yO"><td class="yX xY"><div class="yW"><span class="bA4"><span class="zF" email="p@x.example" name="P">P</span></span></div></td><td class="xY a4W"><div class="xS"><span class="bog"><span>Subject</span></span><span class="y2">snippet</span></div></td><td class="xW xY"><span title="date">Mar 3</span></td></tr>';
  while (doc.getElementsByTagName('*').length < target - 400) list.insertAdjacentHTML('beforeend', row);
  const body = doc.querySelector('div.a3s')!;
  while (doc.getElementsByTagName('*').length < target) body.insertAdjacentHTML('beforeend', '<div><span>quoted <b>text</b></span></div>');
  return doc.getElementsByTagName('*').length;
}

export async function measureGmail(win: Window & typeof globalThis, mutations = 5000) {
  const doc = win.document;
  const elements = padGmail(doc, 5000);
  const url = new URL(win.location.href);
  const now = () => win.performance.now();

  // Gmail's relative dates tick inside the open thread: the kind of change the observer sees all day.
  const clock = doc.querySelector('span.g3')!;
  const loop = async () => {
    const start = now();
    for (let i = 0; i < mutations; i++) {
      clock.textContent = `${i} minutes ago`;
      await Promise.resolve();
    }
    return now() - start;
  };
  // Alternate, keep the best of each: the first loop also pays for warming up the JIT.
  const unwatched1 = await loop();

  // Time the very callback the watch hands to MutationObserver, called as the browser calls it.
  const callbackTimes: number[] = [];
  const Native = win.MutationObserver;
  class TimedObserver extends Native {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        const start = now();
        callback(records, observer);
        callbackTimes.push(now() - start);
      });
    }
  }
  win.MutationObserver = TimedObserver;
  const watch = watchPage({
    doc,
    roots: GMAIL_ROOTS,
    read: () => readGmail(doc, url),
    href: () => win.location.href,
    send: async () => null,
  });
  win.MutationObserver = Native;

  const watched1 = await loop();
  const watched2 = await loop();
  watch.stop();
  const unwatched2 = await loop();
  const watched = Math.min(watched1, watched2);
  const unwatched = Math.min(unwatched1, unwatched2);

  // Paced like a live page: a change every 20 ms for 3 s, then quiet. The debounce reads at most every 1.5 s while
  // changes keep coming, and once more 300 ms after they stop.
  let pacedReads = 0;
  const paced = watchPage({
    doc,
    roots: GMAIL_ROOTS,
    read: () => {
      pacedReads++;
      return readGmail(doc, url);
    },
    href: () => win.location.href,
    send: async () => null,
  });
  await new Promise((resolve) => win.setTimeout(resolve, 400));
  const before = pacedReads;
  for (let i = 0; i < 150; i++) {
    clock.textContent = `${i} seconds ago`;
    await new Promise((resolve) => win.setTimeout(resolve, 20));
  }
  await new Promise((resolve) => win.setTimeout(resolve, 400));
  paced.stop();

  const readTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = now();
    readGmail(doc, url);
    readTimes.push(now() - start);
  }
  return {
    elements,
    callback: stats(callbackTimes),
    /** Per mutation, everything the observer adds (the browser's record keeping included): loop with minus without. */
    overheadPerMutation: (watched - unwatched) / mutations,
    read: stats(readTimes),
    readsWhilePaced: pacedReads - before,
  };
}

/** The Salesforce lead fixture (declarative shadow roots already real) plus `roots` more shadow roots of rows. */
export function measureSalesforce(win: Window & typeof globalThis, roots = 250) {
  const doc = win.document;
  const convert = (template: HTMLTemplateElement) => {
    const content = template.content;
    for (const inner of [...content.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) convert(inner);
    template.parentElement!.attachShadow({ mode: 'open' }).append(content);
    template.remove();
  };
  for (const template of [...doc.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) convert(template);
  const page = doc.querySelector('.windowViewMode-normal')!;
  for (let i = 0; i < roots; i++) {
    const host = doc.createElement('records-related-list');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div><span>Row</span><span>Value</span></div>'.repeat(6) + '<p>x</p>';
    page.append(host);
  }
  const url = new URL(win.location.href);
  const times: number[] = [];
  let found = '';
  for (let i = 0; i < 100; i++) {
    const start = win.performance.now();
    found = readSalesforce(doc, url)[0]?.email ?? '';
    times.push(win.performance.now() - start);
  }
  return { shadowRoots: roots, read: stats(times), found };
}
