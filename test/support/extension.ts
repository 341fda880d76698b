import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

const root = join(import.meta.dirname, '..', '..');

/**
 * Builds the extension in its end-to-end mode: the only build whose content scripts also read pages served from
 * http://localhost (the stand-in host pages), holding loopback access up front. Into `outDir`, else a scratch folder.
 * The browser suite (test/e2e) and the panel benchmark (bench/figures/panel.ts) load this build.
 */
export function buildE2eExtension(outDir = mkdtempSync(join(tmpdir(), 'leadside-e2e-build-')), target: 'chrome' | 'firefox' = 'chrome'): string {
  // Firefox's build is the same code as `npm run build:firefox` (MV3, the sidebar), in the same end-to-end mode.
  const args = target === 'firefox' ? ['build', '-b', 'firefox', '--mv3'] : ['build'];
  execFileSync(join(root, 'node_modules', '.bin', 'wxt'), args, {
    cwd: root,
    env: { ...process.env, LEADSIDE_OUT_DIR: outDir, LEADSIDE_E2E: '1' },
    stdio: 'pipe',
    maxBuffer: 16 * 1024 * 1024,
  });
  return join(outDir, target === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
}

export interface LoadedExtension {
  context: BrowserContext;
  id: string;
  /** Opens one of the extension's pages as a tab (the real side panel needs a user's click). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Real Chromium with the built extension loaded, in `userDataDir` (kept) or a throwaway profile (removed on close). */
export async function launchWithExtension(extensionDir: string, userDataDir?: string): Promise<LoadedExtension> {
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'leadside-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS, '--disable-quic'],
    viewport: { width: 1280, height: 800 },
  });
  const close = async () => {
    await context.close();
    if (!userDataDir) rmSync(profile, { recursive: true, force: true });
  };
  try {
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
      close,
    };
  } catch (err) {
    // A worker that never came must not leave a browser running behind the failure.
    await close();
    throw err;
  }
}
