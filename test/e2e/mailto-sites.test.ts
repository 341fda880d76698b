import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../support/extension';
import { keepEvidenceOnFailure } from './support/evidence';
import { openHostTab, signInThroughOptions, until } from './support/flows';
import { serveHostPages, type HostPages } from './support/host-pages';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

// The mailto: reader switched on from the panel for a site none of the host readers covers, then off from the options.

const TEAM = '/team';

describe('reading contacts on a site the rep turns on', () => {
  let server: DemoServer;
  let ext: LoadedExtension;
  let pages: HostPages;
  let site: Page;
  let tabId: number;
  let panel: Page;

  keepEvidenceOnFailure(() => ({ ext, server }));

  beforeAll(async () => {
    const extensionDir = buildE2eExtension();
    server = await startDemoServer();
    pages = await serveHostPages();
    // A buyer's team page: Dana Reyes (Maya's lead in the demo) linked by email, plus text no reader should take.
    await pages.add({
      path: TEAM,
      html: `<!doctype html><html><head><title>Team | Brightwave</title></head><body><h1>Our team</h1>
<p><a href="mailto:dana.reyes@brightwave.example?subject=Hello">Dana Reyes</a>, VP Operations</p>
<p>Press: press [at] brightwave [dot] example</p></body></html>`,
    });
    ext = await launchWithExtension(extensionDir);
    const maya = server.credentials.find((c) => c.email === 'maya.chen@northwind.example')!;
    await signInThroughOptions(ext, server.url, maya.token);
  }, 180_000);

  afterAll(async () => {
    await ext?.close();
    await pages?.close();
    await server?.close();
    if (server) removeDemoData(server);
  });

  /** The mailto: script the background registered (none until a site is turned on). */
  async function registeredMatches(): Promise<string[]> {
    const worker = ext.context.serviceWorkers()[0]!;
    return worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).chrome;
      return (await api.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
    });
  }

  it('the panel offers "Read contacts on this site"; the click turns it on and the page\'s contact shows', async () => {
    ({ page: site, tabId } = await openHostTab(ext, pages.url(TEAM)));
    panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 360, height: 900 });
    const label = new URL(pages.origin).host;
    await panel.getByRole('heading', { name: `This site: ${label}` }).waitFor({ timeout: 30_000 });
    expect(await registeredMatches()).toEqual([]);

    await panel.getByRole('button', { name: 'Read contacts on this site' }).click();
    // Read at once in the open tab (no reload), and registered for the site's next pages.
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    expect(await registeredMatches()).toEqual([`${pages.origin}/*`]);
    await site.reload();
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
  }, 60_000);

  it('removing the site in the options page stops the reader there', async () => {
    const options = await ext.openPage('options.html');
    const label = new URL(pages.origin).host;
    await options.getByRole('heading', { name: 'Sites whose contacts Leadside reads' }).waitFor();
    await options.getByRole('button', { name: `Remove ${label}` }).click();
    await options.getByText(`Leadside no longer reads contacts on ${label}.`).waitFor();
    await until(async () => (await registeredMatches()).length === 0, 'the mailto: script unregistered');
    await options.close();

    await site.reload();
    // The page has no reader any more: the panel falls back to the queue and offers the switch again.
    await panel.getByRole('button', { name: 'Read contacts on this site' }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('heading', { name: 'Dana Reyes' }).count()).toBe(0);
  }, 60_000);
});
