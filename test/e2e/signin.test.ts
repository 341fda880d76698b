import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesFor } from '../../dashboard/pages';
import { buildDashboard } from '../support/dashboard-build';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { keepEvidenceOnFailure } from './support/evidence';
import { screenshotForReadme } from './support/screenshots';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

describe('signing in, in real Chromium', () => {
  let server: DemoServer;
  let ext: LoadedExtension;

  beforeAll(async () => {
    const dir = buildE2eExtension();
    server = await startDemoServer({ dashboardDir: buildDashboard() });
    ext = await launchWithExtension(dir);
  }, 120_000);
  keepEvidenceOnFailure(() => ({ ext, server }));
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (server) removeDemoData(server);
  });

  it('refuses a bad token with a clear message, then signs in with a good one and shows who it is', async () => {
    const rep = server.credentials.find((c) => c.role === 'rep')!;
    const page = await ext.openPage('options.html');
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('Token').fill('lsk_thisisnotavalidtokenatall0000');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The server does not accept this token. Ask your admin for a new one.');
    await page.getByLabel('Token').fill(rep.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    expect(await page.locator('.options__signed-in').textContent()).toContain(`${rep.name} (${rep.email}) in Northwind Demo`);
    await page.setViewportSize({ width: 720, height: 420 });
    await screenshotForReadme(page, 'options');
  }, 60_000);

  it('"Open dashboard" signs this browser in through a one-time link in a new tab, with the token in no URL', async () => {
    const rep = server.credentials.find((c) => c.role === 'rep')!;
    const page = await ext.openPage('options.html');
    const opened = ext.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open dashboard' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(new RegExp(`^${server.url}/signin/code/lsc_[A-Za-z0-9_-]{43}$`));
    expect(tab.url()).not.toContain(rep.token);
    const codeUrl = tab.url();
    await tab.getByRole('button', { name: `Sign in as ${rep.name}` }).click();
    await tab.waitForURL(`${server.url}/app/`);
    // The dashboard itself, signed in as the rep: their name, and the nav of the pages a rep may open.
    await tab.locator('.app__who').getByText(rep.name).waitFor();
    const nav = tab.getByRole('navigation', { name: 'Dashboard' }).getByRole('link');
    expect(await nav.allTextContents()).toEqual(pagesFor('rep').filter((p) => p.inNav).map((p) => p.title));
    const [cookie] = (await ext.context.cookies(server.url)).filter((c) => c.name === 'leadside_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    // The browser's session is the rep's (the context's request API sends the context's cookies).
    const session = await ext.context.request.get(`${server.url}/v1/session`);
    expect(session.status()).toBe(200);
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(rep.email);
    // The code worked once: the same link again is refused.
    const again = await tab.goto(codeUrl);
    expect(again?.status()).toBe(410);
    expect(await tab.getByRole('alert').textContent()).toMatch(/^this dashboard link was already used, on .+ UTC: ask for a new one\.$/);
    await page.close();
    await tab.close();
  }, 60_000);
});
