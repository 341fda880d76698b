import { readFileSync } from 'node:fs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PrivacyExport } from '../../lib/core/model/privacy';
import { SyncPage } from '../../lib/core/model/sync';
import { findUserByEmail } from '../../server/domain/admin';
import { contacts } from '../../server/store/schema';
import { dashboardSuite } from './support/dashboard-suite';

// The dashboard's Privacy requests page in real Chromium over the demo workspace: a manager finds a rep's lead by
// email, downloads the export (a real download), erases the lead after typing the address again, and the rep's next
// sync lists the lead among its removals.

describe('privacy requests in the dashboard, in real Chromium', () => {
  const suite = dashboardSuite();

  async function pullAll(token: string, cursor?: string): Promise<{ pages: SyncPage[]; cursor: string }> {
    const pages: SyncPage[] = [];
    for (let more = true; more; ) {
      const res = await fetch(`${suite.server.url}/v1/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const page = SyncPage.parse(await res.json());
      pages.push(page);
      ({ cursor, more } = page);
    }
    return { pages, cursor: cursor! };
  }

  it('exports and erases a demo lead; the rep’s sync then drops it', async () => {
    const { server } = suite;
    const rep = server.credentials.find((c) => c.role === 'rep')!;
    const repUser = (await findUserByEmail(server.store.db, rep.email))!;
    const [lead] = await server.store.db
      .select({ id: contacts.id, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.ownerId, repUser.id), isNull(contacts.deletedAt)))
      .orderBy(asc(contacts.id))
      .limit(1);
    const before = await pullAll(rep.token);
    expect(before.pages.flatMap((p) => p.contacts.map((c) => c.id))).toContain(lead!.id);

    const { page, credential: manager } = await suite.signIn('manager', { acceptDownloads: true });
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Privacy requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy requests' }).waitFor();

    await page.getByLabel('Contact’s email address').fill(lead!.email);
    await page.getByRole('button', { name: 'Find' }).click();
    const card = page.locator('.privacy-page__subject');
    await card.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`leadside-privacy-${lead!.id}.json`);
    const exported = PrivacyExport.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(exported.data.contact[0]).toMatchObject({ id: lead!.id, email: lead!.email });
    expect(exported.data.activities.length + exported.data.stageChanges.length).toBeGreaterThan(0);

    await card.getByLabel(`Type ${lead!.email} to confirm`).fill(lead!.email);
    await card.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText(`Erased contact ${lead!.id}:`, { exact: false }).waitFor();

    const res = await fetch(`${server.url}/v1/privacy/subject?contactId=${lead!.id}`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(res.status).toBe(404);
    const after = await pullAll(rep.token, before.cursor);
    expect(after.pages.flatMap((p) => p.removed.contacts)).toContain(lead!.id);
  }, 120_000);
});
