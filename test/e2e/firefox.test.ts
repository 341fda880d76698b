import type { Page } from 'puppeteer-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveDemoPages, type DemoPages } from '../../server/seed/demo-pages';
import { teamMember } from '../../server/seed/people';
import { buildE2eExtension } from '../support/extension';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/firefox';
import { EVIDENCE_DIR } from './support/evidence';
import { MAYA_EMAIL } from './support/maya';
import { until } from './support/flows';
import { removeDemoData, serverAttempts, startDemoServer, type DemoServer } from './support/server';

// The Firefox build (MV3, the sidebar) in real Firefox ESR over WebDriver BiDi: installed as a temporary add-on, signed
// in through its options page as a rep would, then a stand-in Gmail thread shows its lead in the sidebar's page.

/** Waits for the element with this ARIA role and accessible name (puppeteer's ARIA query, answered by Firefox). */
function byRole(page: Page, role: string, name: string) {
  return page.waitForSelector(`::-p-aria([role="${role}"][name="${name}"])`, { timeout: 30_000 });
}

const DANA = 'dana.reyes@brightwave.example';
const MAYA_ID = teamMember('maya').id;

describe('the Firefox add-on, in real Firefox ESR', () => {
  let server: DemoServer;
  let hosts: DemoPages;
  let ff: FirefoxExtension;
  let dir: string;

  beforeAll(async () => {
    dir = buildE2eExtension(undefined, 'firefox');
    server = await startDemoServer();
    hosts = await serveDemoPages(0);
    ff = await launchFirefoxWithExtension(dir);
  }, 120_000);
  // As keepEvidenceOnFailure does for Chromium: every open page's screenshot and the server's log.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || !ff) return;
    const name = `firefox-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 70)}`;
    mkdirSync(EVIDENCE_DIR, { recursive: true });
    for (const [i, page] of (await ff.browser.pages()).entries()) {
      await page.screenshot({ path: join(EVIDENCE_DIR, `${name}-${i}.png`) }).catch(() => undefined);
    }
    writeFileSync(join(EVIDENCE_DIR, `${name}-server.log`), server.logLines.join('\n'));
  });
  afterAll(async () => {
    await ff?.close();
    await hosts?.close();
    await server?.close();
    if (server) removeDemoData(server);
  });

  it('installs under its gecko id, from a manifest without the Chrome-only key', () => {
    expect(ff.id).toBe('extension@leadside.app');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.key).toBeUndefined();
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
  });

  it('signs in through the options page, and the sidebar page shows the lead of the Gmail thread in view', async () => {
    const maya = server.credentials.find((c) => c.email === MAYA_EMAIL)!;
    const options = await ff.openPage('options.html');
    const address = (await options.waitForSelector('::-p-aria([role="textbox"][name="Server address"])'))!;
    // The demo build prefills the demo server's address: replace it with this run's server.
    await address.click({ count: 3 });
    await address.type(server.url);
    await (await options.waitForSelector('::-p-aria(Token)'))!.type(maya.token);
    await (await byRole(options, 'button', 'Sign in'))!.click();
    await byRole(options, 'heading', 'Signed in');
    expect(await options.$eval('.options__signed-in', (el) => el.textContent)).toContain(`${maya.name} (${maya.email}) in Northwind Demo on ${server.url}`);

    const thread = await ff.browser.newPage();
    await thread.goto(hosts.urls.gmail);
    const tabId = await ff.tabIdOf(hosts.urls.gmail);
    const panel = await ff.openPage(`sidepanel.html?tab=${tabId}`);
    await byRole(panel, 'heading', 'Dana Reyes');
    // Grade and countdown from the synced cache (Firefox names headings as CSS shows them: "LOG AN ATTEMPT").
    const text = await panel.$eval('main', (el) => el.textContent ?? '');
    expect(text).toContain(DANA);
    expect(text).toMatch(/Grade [ABCD]/);
    expect(text).toMatch(/Due in|overdue by|overdue since|SLA breached|Cadence window closed/i);

    // A call logged in the sidebar reaches the server through the background page's sync.
    const before = (await serverAttempts(server, DANA, MAYA_ID)).length;
    const logNow = (await byRole(panel, 'group', 'Log now'))!;
    await (await logNow.waitForSelector('::-p-aria([role="button"][name="Call"])'))!.click();
    await (await byRole(panel, 'group', 'Outcome of this call'))!.waitForSelector('::-p-aria([role="button"][name="No answer"])').then((b) => b!.click());
    const logged = await until(async () => {
      const rows = await serverAttempts(server, DANA, MAYA_ID);
      return rows.length === before + 1 && rows.some((a) => a.outcome === 'no_answer') ? rows : null;
    }, 'the call on the server');
    expect(logged.filter((a) => a.channel === 'call' && a.outcome === 'no_answer')).toHaveLength(1);
  }, 90_000);
});
