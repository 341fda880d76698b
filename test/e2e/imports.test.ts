import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse } from '../../lib/core/model/api';
import { findUserByEmail } from '../../server/domain/admin';
import { signInLinkFor } from '../../server/domain/sign-in';
import { launchChromium } from '../support/chromium';
import { buildDashboard } from '../support/dashboard-build';
import { removeDemoData, startDemoServer, type DemoServer } from './support/server';

// A CSV import through the built dashboard in real Chromium: a file with a BOM, ";" separators, CRLF and a quoted field
// holding a separator and a line break, chosen in the file input, dry-run, imported; the contact is then in the API.

const CSV = '\uFEFFEmail;Full Name;Company;Notes\r\nnew.lead@umbrella.example;"Reyes; Dana";Umbrella;"met at the fair\r\ncall in May"\r\n';

describe('CSV import in the dashboard, in real Chromium', () => {
  let server: DemoServer;
  let dashboardDir: string;
  let browser: Browser;

  beforeAll(async () => {
    dashboardDir = buildDashboard();
    server = await startDemoServer({ dashboardDir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (server) removeDemoData(server);
    if (dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('imports a real-world CSV chosen in the page, and the contact is then visible through the API', async () => {
    const marketer = server.credentials.find((c) => c.role === 'marketing')!;
    const user = (await findUserByEmail(server.store.db, marketer.email))!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto((await signInLinkFor(server.store.db, null, user, server.publicUrl, new Date())).url);
    await page.getByRole('button', { name: `Sign in as ${marketer.name}` }).click();
    await page.waitForURL(`${server.url}/app/`);
    await page.getByRole('link', { name: 'Import and export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import and export' }).waitFor();

    await page.getByLabel('CSV file').setInputFiles({ name: 'fair.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByText('fair.csv: columns Email, Full Name, Company, Notes').waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Full Name');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Dry run: 1 rows — 1 would be created, 0 updated, 0 skipped, 0 bad');

    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Imported: 1 rows — 1 were created, 0 updated, 0 skipped, 0 bad');

    const res = await fetch(`${server.url}/v1/contacts/lookup?email=new.lead@umbrella.example`, { headers: { authorization: `Bearer ${marketer.token}` } });
    const found = LookupResponse.parse(await res.json());
    expect(found.contacts[0]!.contact).toMatchObject({ email: 'new.lead@umbrella.example', name: 'Reyes; Dana', company: 'Umbrella', stage: 'lead', source: 'import' });
    await context.close();
  }, 120_000);
});
