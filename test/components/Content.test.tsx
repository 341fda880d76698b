// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import type { LeadsideDatabase } from '../../lib/db/database';
import { cacheWithDana, danaHistory, dropDb, library, MONDAY_10AM } from './support/data';
import { json, renderWith, type FakeRoute, type Harness } from './support/render';

let db: LeadsideDatabase;
beforeEach(async () => {
  db = await cacheWithDana();
  await db.activities.bulkPut(danaHistory());
  await db.content.bulkPut(library());
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

async function show(route?: FakeRoute): Promise<Harness> {
  const h = renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM, route });
  await screen.findByRole('heading', { level: 3, name: 'Send next' });
  return h;
}

function suggestions() {
  const section = screen.getByRole('region', { name: 'Send next' });
  return within(section)
    .getAllByRole('listitem')
    .map((li) => [li.querySelector('a')?.textContent, li.querySelector('.suggestion__reason')?.textContent]);
}

const trackedLinks: FakeRoute = (method, url) =>
  method === 'POST' && url.pathname === '/v1/tracked-links' ? json({ url: 'https://t.northwind.example/c/tok_123', tracked: true }) : null;

describe('content to send next', () => {
  it('shows the top three for an MQL, each with the reason to say out loud (nothing read already, nothing archived)', async () => {
    await show();
    expect(suggestions()).toEqual([
      ['Lead Scoring Playbook for B2B Teams', 'Consideration stage, for an MQL · for marketing roles · read by 4 customers before buying'],
      ['Webinar: Scoring Models That Reps Trust', 'Consideration stage, for an MQL · read by 1 customer before buying'],
      ['How Cadences Work (8-minute video)', 'Consideration stage, for an MQL'],
    ]);
    expect(screen.getByRole('link', { name: 'Lead Scoring Playbook for B2B Teams' }).getAttribute('href')).toBe('https://northwind.example/resources/ct_playbook');
  });

  it('"Copy link" puts a tracked link for this contact on the clipboard', async () => {
    const h = await show(trackedLinks);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to Lead Scoring Playbook for B2B Teams' }));
    await screen.findByText('Copied a tracked link to “Lead Scoring Playbook for B2B Teams”.');
    expect(h.platform.clipboard).toEqual(['https://t.northwind.example/c/tok_123']);
    expect(h.requests).toEqual([{ method: 'POST', url: '/v1/tracked-links', body: { contactId: 'c_dana', contentId: 'ct_playbook' } }]);
  });

  it('falls back to the plain link, and says so, when the server has no tracked links (404)', async () => {
    const h = await show((method, url) => (url.pathname === '/v1/tracked-links' ? json({ error: { code: 'not_found', message: 'no such route' } }, 404) : null));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to Webinar: Scoring Models That Reps Trust' }));
    await screen.findByText('Copied the plain link — tracked links need the server to support them.');
    expect(h.platform.clipboard).toEqual(['https://northwind.example/resources/ct_webinar']);
  });

  it('says so when the server answers the plain link because this contact is not tracked', async () => {
    const h = await show((method, url) => (url.pathname === '/v1/tracked-links' ? json({ url: 'https://northwind.example/resources/ct_video', tracked: false }) : null));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to How Cadences Work (8-minute video)' }));
    await screen.findByText('Copied the plain link — this contact is not tracked (tracking is off, or they opted out).');
    expect(h.platform.clipboard).toEqual(['https://northwind.example/resources/ct_video']);
  });

  it('falls back to the plain link offline, and says so', async () => {
    const h = await show();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to How Cadences Work (8-minute video)' }));
    await screen.findByText('Copied the plain link — the server is out of reach, so this one is not tracked.');
    expect(h.platform.clipboard).toEqual(['https://northwind.example/resources/ct_video']);
  });

  it('a copied piece goes with the next attempt, and is not suggested again for a while', async () => {
    await show(trackedLinks);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to Lead Scoring Playbook for B2B Teams' }));
    await screen.findByText('Sent with the next log:');
    fireEvent.click(screen.getByRole('button', { name: 'Email' }));
    await screen.findByText('Email logged.');
    expect(await db.attempts.toArray()).toMatchObject([{ channel: 'email', contentIds: ['ct_playbook'] }]);
    expect(screen.queryByText('Sent with the next log:')).toBeNull();
    await waitFor(() => expect(suggestions().map(([title]) => title)).not.toContain('Lead Scoring Playbook for B2B Teams'));
  });
});
