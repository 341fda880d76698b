import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepEvidenceOnFailure } from './support/evidence';
import { launchWithExtension, type LoadedExtension } from '../support/extension';
import { openHostTab, until } from './support/flows';
import { mayaAttemptsOnDana, setUpMaya, tearDownMaya } from './support/maya';
import type { DemoPages } from '../../server/seed/demo-pages';
import type { DemoServer } from './support/server';


describe('nothing logged is lost when the browser restarts with the outbox full', () => {
  let server: DemoServer;
  let ext: LoadedExtension;
  let pages: DemoPages;
  let extensionDir: string;
  const profile = mkdtempSync(join(tmpdir(), 'leadside-e2e-restart-'));

  keepEvidenceOnFailure(() => ({ ext, server }));

  beforeAll(async () => {
    ({ extensionDir, server, pages, ext } = await setUpMaya(profile));
  }, 180_000);

  afterAll(async () => {
    await tearDownMaya({ ext, pages, server });
    rmSync(profile, { recursive: true, force: true });
  });

  const danaAttempts = () => mayaAttemptsOnDana(server);

  it('logs two attempts offline, survives the browser closing, and the server gets each exactly once', async () => {
    const { tabId } = await openHostTab(ext, pages.urls.gmail);
    let panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    const before = (await danaAttempts()).length;

    await server.close();
    const channels = panel.getByRole('group', { name: 'Log now' });
    await channels.getByRole('button', { name: 'Voicemail', exact: true }).click();
    await panel.getByRole('button', { name: 'Undo' }).waitFor();
    await channels.getByRole('button', { name: 'Social', exact: true }).click();
    await panel.getByText('Offline.').waitFor({ timeout: 30_000 });

    // The browser goes away with both attempts only in the outbox.
    await ext.context.close();
    server = await server.restart();
    ext = await launchWithExtension(extensionDir, profile);
    const again = await openHostTab(ext, pages.urls.gmail);
    panel = await ext.openPage(`sidepanel.html?tab=${again.tabId}`);
    await panel.getByRole('heading', { name: 'Dana Reyes' }).waitFor({ timeout: 30_000 });
    // Opening the panel asks for a sync; Retry forces one past any backoff left from the offline tries.
    const retry = panel.getByRole('button', { name: 'Retry' });
    if (await retry.isVisible().catch(() => false)) await retry.click();
    const rows = await until(async () => {
      const all = await danaAttempts();
      return all.length === before + 2 ? all : null;
    }, 'both attempts on the server', 30_000);
    expect(rows.filter((a) => a.channel === 'voicemail' || a.channel === 'social')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await danaAttempts()).length).toBe(before + 2);
  }, 120_000);
});
