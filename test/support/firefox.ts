import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR, or the one LEADSIDE_FIREFOX names. */
export const FIREFOX = process.env.LEADSIDE_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * The internal UUID Firefox gives the add-on (the host of its moz-extension:// pages), pinned through the profile's
 * `extensions.webextensions.uuids` pref: Firefox otherwise draws a random one per profile and says it nowhere a test
 * can ask over WebDriver BiDi.
 */
const INTERNAL_UUID = '5d3c1f0e-6a0b-4c0e-9d62-1f0a2b3c4d5e';

export interface FirefoxExtension {
  browser: Browser;
  /** The add-on id, from the manifest's browser_specific_settings.gecko.id (what installing it answers). */
  id: string;
  /** moz-extension://<uuid> */
  origin: string;
  /** Opens one of the add-on's pages as a tab (the real sidebar needs a user's click), once it has rendered. */
  openPage(path: string): Promise<Page>;
  /** The id the add-on's own `tabs` API gives the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** The gecko id the built manifest declares. */
export function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Real Firefox ESR (headless, a throwaway profile puppeteer removes) over WebDriver BiDi, with the built add-on
 * installed as a temporary add-on, as about:debugging's "Load Temporary Add-on" does.
 */
export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxExtension> {
  const geckoId = geckoIdOf(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // BiDi refuses to navigate a tab to a moz-extension:// page unless the remote agent is allowed system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: INTERNAL_UUID }),
      // Nothing but loopback: no telemetry, updates or remote settings.
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    const origin = `moz-extension://${INTERNAL_UUID}`;
    const openPage = async (path: string): Promise<Page> => {
      const page = await browser.newPage();
      const url = `${origin}/${path}`;
      // The page loads, but BiDi reports no load for a moz-extension:// navigation (puppeteer's goto never settles):
      // start it, then wait until the document is that page and React has rendered into #root.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const ready = await page
          .evaluate((href) => location.href === href && document.readyState === 'complete' && (document.getElementById('root')?.childElementCount ?? 0) > 0, url)
          .catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`${url} did not render`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    return {
      browser,
      id,
      origin,
      openPage,
      tabIdOf: async (url) => {
        const page = await openPage('options.html');
        try {
          return await page.evaluate(async (href) => {
            // An extension page, where `browser` is Firefox's own WebExtension API.
            const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
            const tab = (await api.tabs.query({})).find((t) => t.url === href);
            if (tab?.id === undefined) throw new Error(`no tab at ${href}`);
            return tab.id;
          }, url);
        } finally {
          await page.close();
        }
      },
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}
