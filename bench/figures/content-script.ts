import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/support/chromium';
import { bundle, serveFiles } from '../support/bench-pages';
import { ratioOf, type Figure } from '../support/result';
import { roundAll } from '../support/stats';
import type { ObserverResult } from '../browser/observer';

const BURSTS = 400;
const TARGET_MS = 0.1;
const GMAIL_PATH = '/mail/u/0/';
const THREAD = '#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW';

/**
 * 6. Content script: what one MutationObserver callback of the Gmail content script costs on a Gmail-sized page
 * (~5,000 elements) during bursts of changes, in headless Chromium, cross-origin isolated so the clock reads 5 µs.
 * "Well under 1 ms" is taken as p95 under 0.1 ms. The limit: an observer with an empty callback on the same subtrees,
 * same options, same bursts (../browser/observer.ts).
 */
export const contentScript: Figure = {
  id: 'content-script',
  title: '6. Content script',
  timeoutMs: 90_000,
  async run(ctx) {
    const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'server', 'seed', 'demo-pages', 'gmail-thread.html'), 'utf8');
    const script = await bundle(join(import.meta.dirname, '..', 'browser', 'observer.ts'), 'leadsideBench');
    const files = await serveFiles({ [GMAIL_PATH]: { type: 'text/html', body: fixture }, '/bench.js': { type: 'text/javascript', body: script } });
    ctx.defer(() => files.close());
    const browser = await launchChromium();
    ctx.defer(() => browser.close());
    const tab = await browser.newPage();
    tab.setDefaultTimeout(60_000);
    await tab.goto(`${files.url}${GMAIL_PATH}${THREAD}`);
    await tab.addScriptTag({ url: '/bench.js' });
    ctx.log(`${BURSTS} bursts of changes on the padded Gmail thread`);
    const r = await tab.evaluate((bursts) => (window as unknown as { leadsideBench: { measure(b: number): Promise<ObserverResult> } }).leadsideBench.measure(bursts), BURSTS);
    const ratio = ratioOf(r.watch.p95, r.empty.p95);
    return {
      rows: [
        {
          figure: '6. Content script',
          measure: `observer callback p95, Gmail page of ${r.elements.toLocaleString('en-US')} elements`,
          value: r.watch.p95,
          unit: 'ms',
          limit: r.empty.p95,
          limitMeasure: 'empty callback, same subtrees and bursts',
          ratio,
          target: `< ${TARGET_MS} ms (well under 1 ms)`,
          met: r.watch.p95 < TARGET_MS,
          note: `${r.watch.n} callbacks of ~${Math.round(r.recordsPerCallback)} records; max ${(r.watch.max * 1000).toFixed(0)} µs; clock ${r.isolated ? '5 µs' : '100 µs (not isolated)'}`,
        },
        {
          figure: '6. Content script',
          measure: 'debounced read (readGmail) p95',
          value: r.reads.p95,
          unit: 'ms',
          limit: null,
          limitMeasure: '—',
          ratio: null,
          target: '',
          met: null,
          note: `runs once per 300 ms of quiet (at most 1.5 s apart while changes go on), not per callback: ${r.readsDuringBursts} during the bursts, then 100 timed`,
        },
      ],
      details: {
        chromium: browser.version(),
        elements: r.elements,
        crossOriginIsolated: r.isolated,
        bursts: r.bursts,
        recordsPerCallback: Math.round(r.recordsPerCallback),
        callbackMs: { watch: roundAll({ ...r.watch }), empty: roundAll({ ...r.empty }) },
        readMs: roundAll({ ...r.reads }),
      },
    };
  },
};
