import { describe, expect, it } from 'vitest';
import { LookupResponse } from '../../lib/core/model/api';
import { dashboardSuite } from './support/dashboard-suite';

// A CSV import through the built dashboard in real Chromium: a file with a BOM, ";" separators, CRLF and a quoted field
// holding a separator and a line break, chosen in the file input, dry-run, imported; the contact is then in the API.

const CSV = '\uFEFFEmail;Full Name;Company;Notes\r\nnew.lead@umbrella.example;"Reyes; Dana";Umbrella;"met at the fair\r\ncall in May"\r\n';

describe('CSV import in the dashboard, in real Chromium', () => {
  const suite = dashboardSuite();

  it('imports a real-world CSV chosen in the page, and the contact is then visible through the API', async () => {
    const { server } = suite;
    const { page, credential: marketer } = await suite.signIn('marketing');
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
  }, 120_000);
});
