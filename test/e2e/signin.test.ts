import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { keepEvidenceOnFailure } from './support/evidence';
import { screenshotForReadme } from './support/screenshots';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

describe('signing in, in real Chromium', () => {
  let server: DemoServer;
  let ext: LoadedExtension;

  beforeAll(async () => {
    const dir = buildE2eExtension();
    server = await startDemoServer();
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
});
