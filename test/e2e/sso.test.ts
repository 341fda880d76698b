import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { buildDashboard } from '../support/dashboard-build';
import { openTestProvider, type TestProvider } from '../support/oidc-provider';
import { makeWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../server/harness';

// Single sign-on in real Chromium: the signed-out dashboard's "Sign in with Acme Login", the provider's own login page
// (oidc-provider's), and back to the dashboard signed in as the user whose verified email the provider vouched for.

const CLIENT = { clientId: 'leadside', clientSecret: 'leadside-secret-0123456789abcdef' };

describe('single sign-on, in real Chromium', () => {
  let provider: TestProvider;
  let server: TestServer;
  let ws: TestWorkspace;
  let browser: Browser;
  let dashboardDir: string;

  beforeAll(async () => {
    dashboardDir = buildDashboard();
    provider = await openTestProvider();
    // The server's clock is the wall clock's: it judges the provider's tokens, stamped with the wall clock.
    server = await startTestServer('pglite', { now: new Date().toISOString(), dashboardDir, oidc: { issuer: provider.issuer, ...CLIENT, name: 'Acme Login' } });
    provider.configure([{ ...CLIENT, redirectUri: `${server.url}/signin/oidc/callback` }]);
    ws = await makeWorkspace(server, 'Acme');
    provider.accounts.set('maya', { email: ws.users.manager!.email, emailVerified: true, name: 'Maya' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('signs in through the provider’s login page and lands on the dashboard', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/app/`);
    await page.getByRole('link', { name: 'Sign in with Acme Login' }).click();

    // The provider's page, on the provider's origin.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('maya');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();

    await page.waitForURL(`${server.url}/app/`);
    // Signed in: the shell's nav and who is signed in, from GET /v1/session with the new cookie.
    await page.getByRole('navigation', { name: 'Dashboard' }).waitFor();
    expect(await page.locator('body').textContent()).toContain('Acme manager');
    const cookies = await context.cookies(server.url);
    expect(cookies.find((c) => c.name === 'leadside_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'leadside_oidc_state')).toBeUndefined();
    await context.close();
  }, 60_000);
});
