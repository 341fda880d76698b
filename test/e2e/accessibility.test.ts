import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDemoPages, type DemoPages } from '../../server/seed/demo-pages';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { keepEvidenceOnFailure } from './support/evidence';
import { openHostTab, signInThroughOptions } from './support/flows';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

// axe-core on every screen a rep meets (signed out, the lead, not in Leadside, the queue, the options page), in light
// and dark, in real Chromium at the side panel's width; then the narrow widths: 320 px and 200 % zoom.

const SCHEMES = ['light', 'dark'] as const;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe's serious and critical violations on the page, in the given colour scheme (axe injected through CDP: no CSP applies). */
async function seriousViolations(page: Page, colorScheme: (typeof SCHEMES)[number]): Promise<Finding[]> {
  await page.emulateMedia({ colorScheme });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const r = await run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  for (const scheme of SCHEMES) {
    const found = await seriousViolations(page, scheme);
    expect({ screen, scheme, found }).toEqual({ screen, scheme, found: [] });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

interface LoneWord {
  word: string;
  text: string;
}

/**
 * "Nothing wraps alone onto a row of its own", made testable: in every visible text of the page with two words or
 * more that wraps, no row holds a single word that would have fitted beside another, i.e. a word narrower than a third
 * of its block (a long address alone on its row needs the row and is not counted). Words are measured with Range
 * rects, grouped into rows by their top.
 */
function loneWords(page: Page): Promise<LoneWord[]> {
  return page.evaluate(() => {
    const found: { word: string; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.sr-only, [hidden], script, style, option')) continue;
      const words = [...node.data.matchAll(/\S+/g)];
      if (words.length < 2) continue;
      const rows = new Map<number, { word: string; width: number }[]>();
      for (const w of words) {
        const range = document.createRange();
        range.setStart(node, w.index);
        range.setEnd(node, w.index + w[0].length);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        const top = Math.round(rect.top / 4);
        rows.set(top, [...(rows.get(top) ?? []), { word: w[0], width: rect.width }]);
      }
      if (rows.size < 2) continue;
      let block: Element = parent;
      while (block.parentElement && getComputedStyle(block).display === 'inline') block = block.parentElement;
      const blockWidth = block.getBoundingClientRect().width;
      for (const row of rows.values()) {
        if (row.length === 1 && row[0]!.width < blockWidth / 3) found.push({ word: row[0]!.word, text: node.data.trim() });
      }
    }
    return found;
  });
}

describe('accessibility, in real Chromium', () => {
  let server: DemoServer;
  let hosts: DemoPages;
  let ext: LoadedExtension;
  let panel: Page;
  keepEvidenceOnFailure(() => ({ ext, server }));

  beforeAll(async () => {
    const dir = buildE2eExtension();
    server = await startDemoServer();
    hosts = await serveDemoPages(0);
    ext = await launchWithExtension(dir);
  }, 180_000);
  afterAll(async () => {
    await ext?.close();
    await hosts?.close();
    await server?.close();
    if (server) removeDemoData(server);
  });

  it('signed out: the panel and the options page', async () => {
    const signedOut = await ext.openPage('sidepanel.html');
    await signedOut.setViewportSize({ width: 360, height: 900 });
    await signedOut.getByRole('heading', { name: 'Sign in to Leadside' }).waitFor();
    await expectAccessible(signedOut, 'signed-out panel');
    await signedOut.close();
    const options = await ext.openPage('options.html');
    await options.getByLabel('Server address').waitFor();
    await expectAccessible(options, 'options, signed out');
    await options.close();
  }, 60_000);

  it('signed in: the lead view, not in Leadside, the queue and the options page', async () => {
    const maya = server.credentials.find((c) => c.email === 'maya.chen@northwind.example')!;
    await signInThroughOptions(ext, server.url, maya.token);
    const options = await ext.openPage('options.html');
    await options.getByRole('heading', { name: 'Signed in' }).waitFor();
    await options.getByRole('checkbox', { name: 'Single-key shortcuts in the side panel' }).waitFor();
    await expectAccessible(options, 'options, signed in');
    await options.close();

    const { tabId } = await openHostTab(ext, hosts.urls.gmail);
    panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('heading', { name: /^Timeline/ }).waitFor();
    await expectAccessible(panel, 'lead view');

    await panel.getByRole('group', { name: 'People on this page' }).getByRole('button', { name: 'Kofi Mensah' }).click();
    await panel.getByText('Not in Leadside.').waitFor();
    await expectAccessible(panel, 'not in Leadside');

    await panel.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
    await panel.getByRole('heading', { name: 'Your follow-up queue' }).waitFor();
    await expectAccessible(panel, 'queue');
  }, 120_000);

  it('opening a lead from the queue puts focus on its name', async () => {
    const first = panel.locator('.queue__group--urgent .qitem').first();
    const name = (await first.locator('.qitem__name').innerText()).trim();
    await first.focus();
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 2, name }).waitFor();
    expect(await panel.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe(`H2 ${name}`);
    await panel.getByRole('button', { name: '← Back to the queue' }).click();
    await panel.getByRole('heading', { name: 'Your follow-up queue' }).waitFor();
  }, 60_000);

  it('at 320 px no word sits alone on a row: the queue, the lead view and the switcher', async () => {
    await panel.setViewportSize({ width: 320, height: 900 });
    await panel.getByRole('heading', { name: 'Your follow-up queue' }).waitFor();
    expect(await loneWords(panel)).toEqual([]);
    await panel.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'This page' }).click();
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    expect(await loneWords(panel)).toEqual([]);
    // The timeline's rows fit their words (nothing clipped, no row taller than what it holds) and the list has no
    // scroll box of its own: it scrolls with the panel.
    const timeline = await panel.evaluate(() => {
      const list = document.querySelector('[aria-label^="Timeline,"]') as HTMLElement;
      const rows = [...list.querySelectorAll<HTMLElement>('.plist__row')];
      return {
        ownScroll: list.scrollHeight > list.clientHeight + 1 || getComputedStyle(list).overflowY !== 'visible',
        rows: rows.length,
        clipped: rows.filter((r) => r.scrollHeight > r.clientHeight + 1 || [...r.querySelectorAll<HTMLElement>('.trow__text, .trow__detail')].some((t) => t.scrollWidth > t.clientWidth + 1)).length,
        gaps: rows.filter((r) => {
          const content = r.firstElementChild!.getBoundingClientRect().height;
          return r.getBoundingClientRect().height - content > 12;
        }).length,
      };
    });
    expect(timeline).toEqual({ ownScroll: false, rows: timeline.rows, clipped: 0, gaps: 0 });
    expect(timeline.rows).toBeGreaterThan(5);
    // Nothing is wider than the panel either.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }, 60_000);

  it('at 200 % zoom (the 360 px panel is 180 CSS px wide) the navigation stays in view and reachable by keyboard', async () => {
    await panel.setViewportSize({ width: 180, height: 450 });
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor();
    const nav = panel.getByRole('navigation', { name: 'Views' });
    expect(await nav.isVisible()).toBe(true);
    const controls = nav.getByRole('button');
    const count = await controls.count();
    expect(count).toBeGreaterThanOrEqual(4);
    // Tab from the top of a fresh page reaches every control of the nav, each fully inside the viewport, not covered.
    await panel.reload();
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    const reached: string[] = [];
    for (let i = 0; i < count + 2; i++) {
      await panel.keyboard.press('Tab');
      const seen = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.closest('nav')) return null;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { name: el.textContent?.trim() ?? '', inside: r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight, covered: !(hit && el.contains(hit)) };
      });
      if (seen) {
        expect(seen).toEqual({ name: seen.name, inside: true, covered: false });
        reached.push(seen.name);
      }
    }
    expect(reached).toHaveLength(count);
    // Scrolled to the bottom, the header (and its nav) is still at the top of the view.
    await panel.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await nav.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 450 && box.x >= 0 && box.x + box.width <= 180).toBe(true);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(180);
  }, 60_000);
});
