import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExtensionLinks } from '../../server/seed/credentials';
import { DEMO_EXTENSION_ID } from '../../server/seed/demo-extension';
import { DEMO_WORKSPACE_ID } from '../../server/seed/demo';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { keepEvidenceOnFailure } from './support/evidence';
import { MAYA_EMAIL } from './support/maya';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

// The newcomer's sign-in: `npm start` prints a link into the demo build's options page with a one-time code; following
// it signs the extension in as that demo user, with no token copied and none in any URL.

describe('the one-click demo sign-in, in real Chromium', () => {
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

  it('the demo build has the pinned id the printed links point at, and its sign-in form starts with the demo server', async () => {
    expect(ext.id).toBe(DEMO_EXTENSION_ID);
    const page = await ext.openPage('options.html');
    await expect.poll(() => page.getByLabel('Server address').inputValue()).toBe('http://127.0.0.1:8787');
    await page.close();
  });

  it("following Maya's link signs the extension in as Maya, the panel syncs her queue, and the link works once", async () => {
    const demo = { workspaceId: DEMO_WORKSPACE_ID, workspaceName: 'Northwind Demo', credentials: server.credentials };
    const links = await demoExtensionLinks(server.store.db, demo, server.url, new Date());
    const maya = server.credentials.find((c) => c.email === MAYA_EMAIL)!;
    const link = links.find((l) => l.name === maya.name)!.url;
    expect(link).not.toContain(maya.token);

    const page = await ext.context.newPage();
    await page.goto(link);
    await page.getByText(`Signed in as ${maya.name} with the one-time link.`).waitFor();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    expect(await page.locator('.options__signed-in').textContent()).toContain(`${maya.name} (${maya.email}) in Northwind Demo on ${server.url}`);
    // The code left the address bar once read.
    expect(page.url()).toBe(`chrome-extension://${DEMO_EXTENSION_ID}/options.html`);

    const panel = await ext.openPage('sidepanel.html');
    await panel.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Queue/ }).click();
    await panel.getByRole('heading', { name: 'Your follow-up queue' }).waitFor();
    // Her leads came down from the server: the queue's groups, each with its count.
    await panel.getByRole('heading', { level: 3, name: /^Breached & overdue\s*\d+$/ }).waitFor();

    // The same link again (a second tab, a reload of a copied link) signs nobody in.
    const again = await ext.context.newPage();
    await again.goto(link);
    await expect.poll(() => again.getByRole('alert').textContent()).toMatch(/^The sign-in link did not work: this extension sign-in code was already used, on .+ UTC: ask for a new one\.$/);
    await again.close();
    await panel.close();
    await page.close();
  }, 60_000);
});
