import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../lib/core/model/vocabulary';
import { findUserByEmail } from '../../../server/domain/admin';
import { signInLinkFor } from '../../../server/domain/sign-in';
import { launchChromium } from '../../support/chromium';
import { buildDashboard } from '../../support/dashboard-build';
import { removeDemoData, startDemoServer, type DemoServer } from './server';

export interface DashboardSuite {
  readonly server: DemoServer;
  readonly browser: Browser;
  /** A fresh browser context (en-US, desktop size), closed with the suite. */
  newContext(options?: { acceptDownloads?: boolean }): Promise<BrowserContext>;
  /** The demo user of that role signed in to the dashboard with a one-time link, on its home page. */
  signIn(role: Role, options?: { acceptDownloads?: boolean }): Promise<{ page: Page; context: BrowserContext; credential: DemoServer['credentials'][number] }>;
}

/**
 * The demo server with the built dashboard (or without it: `dashboard: false`) and a Chromium for one test file,
 * started before its tests and cleaned up after them; what every dashboard browser test begins with.
 */
export function dashboardSuite(options: { dashboard?: boolean } = {}): DashboardSuite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let dashboardDir: string | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (options.dashboard !== false) dashboardDir = buildDashboard();
    server = await startDemoServer({ dashboardDir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (server) removeDemoData(server);
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  return {
    get server() {
      if (!server) throw new Error('the suite has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the suite has not started');
      return browser;
    },
    async newContext(contextOptions = {}) {
      if (!browser) throw new Error('the suite has not started');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...contextOptions });
      contexts.push(context);
      return context;
    },
    async signIn(role, contextOptions = {}) {
      const demo = this.server;
      const credential = demo.credentials.find((c) => c.role === role);
      if (!credential) throw new Error(`the demo workspace has no ${role}`);
      const user = (await findUserByEmail(demo.store.db, credential.email))!;
      const context = await this.newContext(contextOptions);
      const page = await context.newPage();
      await page.goto((await signInLinkFor(demo.store.db, null, user, demo.publicUrl, new Date())).url);
      await page.getByRole('button', { name: `Sign in as ${credential.name}` }).click();
      await page.waitForURL(`${demo.url}/app/`);
      return { page, context, credential };
    },
  };
}
