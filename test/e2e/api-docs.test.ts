import { describe, expect, it } from 'vitest';
import { dashboardSuite } from './support/dashboard-suite';

// GET /v1/docs in real Chromium: the page renders under its own CSP (no script, one hashed stylesheet) with its
// heading and the list of operations, and the browser reports no console error, page error or CSP violation.

describe('the API docs page, in real Chromium', () => {
  const suite = dashboardSuite({ dashboard: false });

  it('renders its heading and operations with no console errors and no CSP violations', async () => {
    const { server } = suite;
    const page = await (await suite.newContext()).newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    // Chromium also reports CSP violations as events in the page; listened for before any of the page's own content.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });

    const res = await page.goto(`${server.url}/v1/docs`);
    expect(res!.status()).toBe(200);
    expect(res!.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    await page.waitForLoadState('load');

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Leadside/);
    const routes = page.getByRole('navigation').filter({ has: page.getByRole('heading', { name: 'Routes' }) });
    // innerText, as a reader sees it: the method is upper-cased by the page's stylesheet (so the stylesheet applied).
    const listed = await routes.locator('li li code').allInnerTexts();
    expect(listed).toContain('POST /v1/webhooks');
    expect(listed).toContain('GET /v1/docs');
    expect(listed.length).toBeGreaterThan(20);
    // Each listed operation links to its section further down.
    // (Its accessible name is the text as written, "post /v1/webhooks": the upper case is only the stylesheet's.)
    const webhooksLink = routes.getByRole('link', { name: /^post \/v1\/webhooks$/i });
    const target = (await webhooksLink.getAttribute('href'))!.slice(1);
    expect(await page.locator(`[id="${target}"]`).innerText()).toBe('POST /v1/webhooks');

    expect(problems).toEqual([]);
  }, 60_000);
});
