import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

const root = join(import.meta.dirname, '..', '..');

/**
 * Builds the extension in its end-to-end mode (as test/e2e/support/extension.ts does: the only build whose content
 * scripts also read stand-in host pages on http://localhost/<host>/…, holding loopback access up front) into `outDir`.
 */
export async function buildE2eExtension(outDir: string): Promise<string> {
  await promisify(execFile)(join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: root,
    env: { ...process.env, LEADSIDE_OUT_DIR: outDir, LEADSIDE_E2E: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return join(outDir, 'chrome-mv3');
}

export interface LoadedExtension {
  context: BrowserContext;
  id: string;
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Real Chromium with the built extension loaded, in a throwaway profile under `scratch`. */
export async function launchWithExtension(extensionDir: string, scratch: string): Promise<LoadedExtension> {
  const profile = mkdtempSync(join(scratch, 'chromium-ext-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS, '--disable-quic'],
    viewport: { width: 1280, height: 800 },
  });
  try {
    // Functions handed to page.evaluate come through tsx, which wraps named functions in an `__name` helper.
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
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
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close();
    throw err;
  }
}
