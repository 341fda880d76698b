/**
 * Measures the content scripts; not a test (nothing here asserts a time). Run: `npx tsx test/bench/content-scripts.ts`
 *
 * 1. Size: builds Chrome and Firefox into a scratch folder and gzips each built content script with node's zlib
 *    (level 9 and the default 6). Budget: 15 KB gzipped each.
 * 2. Cost on a Gmail-sized page (~5,000 elements): the MutationObserver callback the watch installs (budget: well under
 *    1 ms) and the debounced read it schedules, in JSDOM and in real Chromium (LEADSIDE_CHROMIUM, default
 *    /usr/bin/chromium; skipped when absent). Chromium loads the fixture cross-origin isolated, so `performance.now()`
 *    is fine-grained (5 µs instead of 100 µs). Also the Salesforce read through ~250 shadow roots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { measureGmail, measureSalesforce, type Stats } from './page-cost';
import type * as PageCost from './page-cost';

const root = join(import.meta.dirname, '..', '..');
const fixture = (host: string, file: string) => readFileSync(join(root, 'test', 'fixtures', 'hosts', host, file), 'utf8');
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW';
const SALESFORCE_URL = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (v: number) => (v < 0.1 ? `${(v * 1000).toFixed(2)} µs` : `${v.toFixed(2)} ms`);
const show = (s: Stats) =>
  `median ${ms(s.median)}, mean ${ms(s.mean)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, longest ${s.top.map(ms).join(' / ')} (n=${s.n})`;

function sizes(): void {
  const out = mkdtempSync(join(tmpdir(), 'leadside-measure-'));
  try {
    const wxt = join(root, 'node_modules', '.bin', 'wxt');
    const env = { ...process.env, LEADSIDE_OUT_DIR: out };
    execFileSync(wxt, ['build'], { cwd: root, env, stdio: 'pipe' });
    execFileSync(wxt, ['build', '-b', 'firefox', '--mv3'], { cwd: root, env, stdio: 'pipe' });
    console.log('Content scripts (budget: 15 KB gzipped each)');
    console.log('target        script             raw        gzip -9    gzip -6');
    for (const target of ['chrome-mv3', 'firefox-mv3']) {
      const dir = join(out, target, 'content-scripts');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
        const code = readFileSync(join(dir, file));
        const gz9 = gzipSync(code, { level: 9 }).length;
        console.log(`${target.padEnd(13)} ${file.padEnd(16)} ${kb(code.length).padStart(9)} ${kb(gz9).padStart(10)} ${kb(gzipSync(code).length).padStart(10)}`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function report(where: string, gmail: Awaited<ReturnType<typeof measureGmail>>, salesforce: ReturnType<typeof measureSalesforce>): void {
  console.log(`\n${where}: Gmail-like page, ${gmail.elements} elements, ${gmail.callback.n} observer callbacks over 2 × 5,000 watched mutations in the open thread`);
  console.log(`  observer callback            ${show(gmail.callback)}`);
  console.log(`  observer overhead/mutation   ${ms(gmail.overheadPerMutation)} (loop watched minus unwatched, record keeping included)`);
  console.log(`  debounced read (readGmail)   ${show(gmail.read)}`);
  console.log(`  reads for a change every 20 ms during 3 s: ${gmail.readsWhilePaced} (the debounce: at most one per 1.5 s, one after)`);
  console.log(`  Salesforce read through ${salesforce.shadowRoots} shadow roots: ${show(salesforce.read)} (found ${salesforce.found})`);
}

async function inJsdom(): Promise<void> {
  const gmail = new JSDOM(fixture('gmail', 'thread-several.html'), { url: GMAIL_URL });
  const salesforce = new JSDOM(fixture('salesforce', 'lead.html'), { url: SALESFORCE_URL });
  report(`JSDOM (Node ${process.version})`, await measureGmail(gmail.window), measureSalesforce(salesforce.window));
}

async function inChromium(): Promise<void> {
  const executablePath = process.env.LEADSIDE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`\nChromium: skipped (${executablePath} not found; set LEADSIDE_CHROMIUM)`);
    return;
  }
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'page-cost.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'leadsideBench',
    platform: 'browser',
    write: false,
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // The hosts' URLs, served from the fixtures (nothing leaves the machine), cross-origin isolated.
    const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    await page.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', headers: isolated, body: fixture('gmail', 'thread-several.html') }));
    await page.route('https://acme.lightning.force.com/**', (route) => route.fulfill({ contentType: 'text/html', headers: isolated, body: fixture('salesforce', 'lead.html') }));
    await page.goto(GMAIL_URL);
    await page.addScriptTag({ content: script });
    const gmail = await page.evaluate(async () => {
      const lib = (window as unknown as { leadsideBench: typeof PageCost }).leadsideBench;
      return { isolated: crossOriginIsolated, result: await lib.measureGmail(window) };
    });
    await page.goto(SALESFORCE_URL);
    await page.addScriptTag({ content: script });
    const salesforce = await page.evaluate(() => (window as unknown as { leadsideBench: typeof PageCost }).leadsideBench.measureSalesforce(window));
    report(`Chromium ${browser.version()}${gmail.isolated ? '' : ' (not isolated: 100 µs timer)'}`, gmail.result, salesforce);
  } finally {
    await browser.close();
  }
}

sizes();
await inJsdom();
await inChromium();
