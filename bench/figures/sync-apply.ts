import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/chromium';
import { bundle, page, serveFiles } from '../support/bench-pages';
import { ratioOf, type Figure } from '../support/result';
import { round, roundAll, summarize } from '../support/stats';
import type * as Bench from '../browser/sync-apply';

type PageApi = Pick<typeof Bench, 'validate' | 'runInterleaved'>;
const MAX_MS = 120_000;

/**
 * 2. Sync apply, in headless Chromium with an on-disk profile (as the extension's cache is): the first sync of 5,000
 * contacts and 250,000 activities, in 255 pages of 1,000 rows as the server sends them, applied to the extension's
 * Dexie cache by applyServerChanges (rows a second of apply time). The limit: plain IndexedDB puts of the same rows
 * into stores with the same keys and indexes, 1,000 a transaction, in the same page, page for page in turn with the
 * applies (../browser/sync-apply.ts).
 */
export const syncApply: Figure = {
  id: 'sync-apply',
  title: '2. Sync apply',
  timeoutMs: MAX_MS + 60_000,
  async run(ctx) {
    const script = await bundle(join(import.meta.dirname, '..', 'browser', 'sync-apply.ts'), 'leadsideBench');
    const files = await serveFiles({ '/': { type: 'text/html', body: page('/bench.js') }, '/bench.js': { type: 'text/javascript', body: script } });
    ctx.defer(() => files.close());
    const profile = mkdtempSync(join(ctx.scratch, 'chromium-profile-'));
    ctx.defer(() => rmSync(profile, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    ctx.defer(() => context.close());
    const tab = context.pages()[0] ?? (await context.newPage());
    tab.setDefaultTimeout(MAX_MS + 30_000);
    await tab.goto(files.url);
    const call = <K extends keyof PageApi>(fn: K, ...args: unknown[]) =>
      tab.evaluate(
        ([fn, args]) => (window as unknown as { leadsideBench: Record<string, (...a: unknown[]) => unknown> }).leadsideBench[fn as string]!(...(args as unknown[])),
        [fn, args] as const,
      ) as Promise<Awaited<ReturnType<PageApi[K]>>>;

    const valid = await call('validate');
    ctx.log('applyServerChanges and raw IndexedDB, page for page');
    const run = await call('runInterleaved', MAX_MS);
    const rate = (r: Bench.Run) => r.rows / (r.ms / 1000);
    const value = rate(run.apply);
    const limit = rate(run.raw);
    const ratio = ratioOf(value, limit);
    // Every row applied is in the cache (on a slow machine the run may stop at its time bound before the last page).
    const kept = run.apply.counts.contacts + run.apply.counts.activities === run.apply.rows && run.raw.counts.contacts + run.raw.counts.activities === run.raw.rows;
    const pages = (r: Bench.Run) => roundAll({ ...summarize(r.pageMs) });
    // How the per-page cost moves as the stores grow: first 20 pages against last 20.
    const drift = (r: Bench.Run) => ({ first20: round(summarize(r.pageMs.slice(0, 20)).p50), last20: round(summarize(r.pageMs.slice(-20)).p50) });
    return {
      rows: [
        {
          figure: '2. Sync apply',
          measure: 'rows/s, first sync (5,000 contacts + 250,000 activities)',
          value,
          unit: 'rows/s',
          limit,
          limitMeasure: 'raw IndexedDB puts, 1,000 a transaction',
          ratio,
          target: '≥ 0.5× limit',
          met: ratio !== null && ratio >= 0.5 && kept,
          note: `${run.apply.rows.toLocaleString('en-US')} rows in ${(run.apply.ms / 1000).toFixed(1)} s (raw: ${(run.raw.ms / 1000).toFixed(1)} s); stored ${run.apply.counts.contacts} contacts, ${run.apply.counts.activities} activities${run.complete ? '' : ` (stopped at the ${MAX_MS / 1000} s bound after ${run.pages} of 255 pages)`}; zod parse of a page ${valid.parseMsPerPage.toFixed(0)} ms more`,
        },
      ],
      details: {
        chromium: context.browser()?.version() ?? null,
        profile: 'persistent, on disk',
        pages: run.pages,
        complete: run.complete,
        zodParseMsPerPage: round(valid.parseMsPerPage),
        apply: { rows: run.apply.rows, seconds: round(run.apply.ms / 1000), counts: run.apply.counts, pageMs: pages(run.apply), drift: drift(run.apply) },
        raw: { rows: run.raw.rows, seconds: round(run.raw.ms / 1000), counts: run.raw.counts, pageMs: pages(run.raw), drift: drift(run.raw) },
      },
    };
  },
};
