import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.LEADSIDE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Builds the extension in its end-to-end mode: the only build whose content scripts also read pages served from
 * http://localhost (the stand-in host pages), into a scratch folder.
 */
export function buildE2eExtension(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'leadside-e2e-build-'));
  execFileSync(join(process.cwd(), 'node_modules', '.bin', 'wxt'), ['build'], {
    env: { ...process.env, LEADSIDE_OUT_DIR: outDir, LEADSIDE_E2E: '1' },
    stdio: 'pipe',
  });
  return join(outDir, 'chrome-mv3');
}

export interface LoadedExtension {
  context: BrowserContext;
  id: string;
  /** Opens one of the extension's pages as a tab (the real side panel needs a user's click). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Real Chromium with the built extension loaded, in a throwaway profile. */
export async function launchWithExtension(extensionDir: string, userDataDir?: string): Promise<LoadedExtension> {
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'leadside-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    openPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    close: async () => {
      await context.close();
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
