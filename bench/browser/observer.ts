/**
 * Bundled into a bench page (../figures/content-script.ts) showing the demo's Gmail thread padded to ~5,000 elements:
 * the Gmail content script's logic (runPageReader with readGmail and GMAIL_ROOTS, as entrypoints/gmail.content.ts
 * runs it, with a runtime that sends nowhere), and beside it an observer with an empty callback on the same subtrees
 * with the same options. Bursts of the changes Gmail makes all day; each callback timed as the browser calls it.
 */
import { GMAIL_ROOTS, readGmail } from '../../lib/detect/gmail';
import { runPageReader, type ContentRuntime } from '../../lib/detect/run';
import { OBSERVE } from '../../lib/detect/watch';


const ROW = (n: number) =>
  `<tr class="zA yO"><td class="yX xY"><div class="yW"><span class="bA4"><span class="zF" email="p${n}@sender${n % 40}.example" name="Person ${n}">Person ${n}</span></span></div></td><td class="xY a4W"><div class="xS"><span class="bog"><span>Subject ${n}</span></span><span class="y2"> - snippet of the message</span></div></td><td class="xW xY"><span title="Mar 3, 2026">Mar 3</span></td></tr>`;

/** Pads the page to `target` elements: inbox rows (inside the watched main area), labels in the navigation (outside), quoted text. */
function pad(doc: Document, target: number): number {
  const list = doc.querySelector('table.F tbody')!;
  const nav = doc.querySelector('[role="navigation"]')!;
  const quote = doc.querySelector('div.a3s')!;
  let n = 0;
  const count = () => doc.getElementsByTagName('*').length;
  while (count() < target * 0.5) list.insertAdjacentHTML('beforeend', ROW(n++));
  while (count() < target * 0.8) nav.insertAdjacentHTML('beforeend', `<div class="aim"><div class="TO" data-tooltip="Label ${n}"><div class="TN"><span class="nU"><a href="#label/L${n}" title="Label ${n}">Label ${n++}</a></span><div class="bsU">3</div></div></div></div>`);
  while (count() < target) quote.insertAdjacentHTML('beforeend', '<div><span>quoted <b>text</b> of an older message</span></div>');
  return count();
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export interface ObserverResult {
  elements: number;
  isolated: boolean;
  bursts: number;
  recordsPerCallback: number;
  watch: Stats;
  empty: Stats;
  reads: Stats;
  readsDuringBursts: number;
  reported: number;
}

export async function measure(bursts: number): Promise<ObserverResult> {
  const doc = document;
  const elements = pad(doc, 5_000);
  const now = () => performance.now();
  const timings = new Map<MutationCallback, number[]>();
  let records = 0;
  const Native = window.MutationObserver;
  class TimedObserver extends Native {
    constructor(callback: MutationCallback) {
      const times: number[] = [];
      super((list, observer) => {
        const t0 = now();
        callback(list, observer);
        times.push(now() - t0);
        if (callback === empty) records += list.length;
      });
      timings.set(callback, times);
    }
  }
  const empty: MutationCallback = () => {};
  window.MutationObserver = TimedObserver;
  const readTimes: number[] = [];
  let reported = 0;
  const runtime: ContentRuntime = {
    sendMessage: async () => void reported++,
    onMessage: { addListener() {}, removeListener() {} },
  };
  const watch = runPageReader({ onInvalidated: () => () => {}, isInvalid: false }, runtime, {
    host: 'gmail',
    roots: GMAIL_ROOTS,
    read: (d, url) => {
      const t0 = now();
      const found = readGmail(d, url);
      readTimes.push(now() - t0);
      return found;
    },
  });
  const baseline = new TimedObserver(empty);
  for (const group of GMAIL_ROOTS) {
    const root = group.map((s) => doc.querySelector(s)).find(Boolean);
    if (root) baseline.observe(root, OBSERVE);
  }
  window.MutationObserver = Native;
  const watchTimes = [...timings.entries()].find(([cb]) => cb !== empty)?.[1];
  if (!watchTimes) throw new Error('the content script made no MutationObserver');

  const clocks = [...doc.querySelectorAll('span.g3')];
  const list = doc.querySelector('table.F tbody')!;
  const people = [...doc.querySelectorAll('[data-hovercard-id]')].slice(0, 5);
  const unread = doc.querySelector('[role="navigation"] a')!;
  let n = 100_000;
  for (let b = 0; b < bursts; b++) {
    // One task's worth of Gmail: relative times tick, rows arrive and leave, hovercards refresh, classes churn (not
    // watched), the unread count changes outside the watched subtrees.
    clocks.forEach((c, i) => (c.textContent = `${b + i} minutes ago`));
    for (let i = 0; i < 10; i++) list.insertAdjacentHTML('afterbegin', ROW(n++));
    for (let i = 0; i < 10; i++) list.lastElementChild?.remove();
    for (const row of [...list.children].slice(0, 20)) row.classList.toggle('x7');
    for (const p of people) p.setAttribute('data-hovercard-id', p.getAttribute('data-hovercard-id')!);
    unread.setAttribute('aria-label', `Inbox ${b} unread`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Let the debounced read run once more.
  await new Promise((resolve) => setTimeout(resolve, 400));
  watch.stop();
  baseline.disconnect();
  const duringBursts = readTimes.length;
  // The read itself, as the debounce runs it, a hundred times more for a distribution.
  const url = new URL(location.href);
  for (let i = 0; i < 100; i++) {
    const t0 = now();
    readGmail(doc, url);
    readTimes.push(now() - t0);
  }
  const emptyTimes = timings.get(empty)!;
  return {
    elements,
    isolated: crossOriginIsolated,
    bursts,
    recordsPerCallback: records / Math.max(1, emptyTimes.length),
    watch: stats(watchTimes),
    empty: stats(emptyTimes),
    reads: stats(readTimes),
    readsDuringBursts: duringBursts,
    reported,
  };
}
