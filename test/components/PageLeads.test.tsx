// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanel } from '../../components/panel/SidePanel';
import { leadPicture } from '../../lib/core/lead';
import { defaultWorkspaceSettings } from '../../lib/core/model/defaults';
import type { LeadsideDatabase } from '../../lib/db/database';
import type { PanelContacts } from '../../lib/routing/panel';
import { cacheWithDana, dropDb, lead, MONDAY_10AM, ZONE } from './support/data';
import { TestPlatform } from './support/platform';
import { json, renderWith, type FakeRoute } from './support/render';

let db: LeadsideDatabase;
beforeEach(async () => {
  db = await cacheWithDana();
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

function gmail(contacts: PanelContacts['contacts']): PanelContacts {
  return { tabId: 7, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', host: 'gmail', contacts, at: new Date(MONDAY_10AM).toISOString() };
}

/** The server knows Leo (owned by another rep) and nobody else. */
const leo = lead('c_leo', { email: 'leo.martins@quantaloop.example', name: 'Leo Martins', title: 'Head of Growth', company: 'Quantaloop', ownerId: 'rep2' });
const lookups: FakeRoute = (method, url) => {
  if (url.pathname !== '/v1/contacts/lookup') return null;
  const asked = url.searchParams.getAll('email');
  const known = asked.includes(leo.email) ? [leadPicture(leo, [], [], defaultWorkspaceSettings(ZONE), new Date(MONDAY_10AM))] : [];
  return json({ contacts: known, unknown: asked.filter((e) => e !== leo.email) });
};

/** The panel on a page with these people, once its switcher shows. */
async function showSwitcher(contacts: PanelContacts['contacts']) {
  const platform = new TestPlatform(gmail(contacts));
  renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform, route: lookups });
  return { platform, switcher: await screen.findByRole('group', { name: 'People on this page' }) };
}

/** The switcher's buttons as [name, aria-pressed], in order. */
function buttons(switcher: HTMLElement): [string | null, string | null][] {
  return within(switcher)
    .getAllByRole('button')
    .map((b) => [b.querySelector('.switcher__name')?.textContent ?? null, b.getAttribute('aria-pressed')]);
}

describe('the person switcher', () => {
  it('names each person whole: the name, and the company the cache knows, else the address; nothing cut', async () => {
    const { switcher } = await showSwitcher([
      { email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'sender' },
      { email: 'leo.martins@quantaloop.example', name: 'Leo Martins', role: 'recipient' },
      { email: 'ops@quantaloop.example', name: null, role: 'recipient' },
    ]);
    const [dana, leoButton, ops] = within(switcher).getAllByRole('button');
    await waitFor(() => expect(dana!.querySelector('.switcher__sub')?.textContent).toBe('Brightwave'));
    expect(leoButton!.querySelector('.switcher__sub')?.textContent).toBe('leo.martins@quantaloop.example');
    expect(ops!.textContent).toBe('ops@quantaloop.example');
    expect(within(switcher).getByRole('button', { name: /^Dana Reyes,\s?Brightwave$/ })).toBe(dana);
    // Never the old "Dana Reyes <dana.reyes@brightwa…": no angle brackets, no ellipsis.
    expect(switcher.textContent).not.toMatch(/[<>…]/);
  });

  it('with many people, a select whose options read "name · company"', async () => {
    const platform = new TestPlatform(
      gmail([
        { email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'sender' },
        ...['a', 'b', 'c', 'd'].map((x) => ({ email: `${x}@quantaloop.example`, name: `Person ${x}`, role: 'recipient' as const })),
      ]),
    );
    renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform, route: lookups });
    const select = await screen.findByRole('combobox', { name: 'Person on this page' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)[0]).toBe('Dana Reyes · Brightwave'));
    expect(within(select).getAllByRole('option')[1]?.textContent).toBe('Person a · a@quantaloop.example');
  });
});

describe('the lead on the active tab', () => {
  it('shows the cached lead for the page’s contact, not the queue', async () => {
    const platform = new TestPlatform(gmail([{ email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'sender' }]));
    renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform });
    expect(await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Lead' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'This page' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('group', { name: 'People on this page' })).toBeNull();
  });

  it('several people: a switcher with the external sender first, one click to switch', async () => {
    const { platform, switcher } = await showSwitcher([
      { email: 'leo.martins@quantaloop.example', name: 'Leo Martins', role: 'recipient' },
      { email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'sender' },
    ]);
    expect(buttons(switcher)).toEqual([
      ['Dana Reyes', 'true'],
      ['Leo Martins', 'false'],
    ]);
    await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
    fireEvent.click(within(switcher).getByRole('button', { name: /^Leo Martins,/ }));
    // Leo is not cached: the server's picture shows while his history syncs.
    expect(await screen.findByRole('heading', { level: 2, name: 'Leo Martins' })).toBeTruthy();
    expect(screen.getByText(/Bringing this lead’s history into Leadside/)).toBeTruthy();
    expect(screen.getByText('Head of Growth · Quantaloop')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Call' })).toBeNull();
    expect(platform.syncReasons()).toEqual(['panel_open', 'panel_open']);
    // The next sync brings him: the full lead view takes over.
    await db.contacts.put(leo);
    expect(await screen.findByRole('button', { name: 'Call' })).toBeTruthy();
  });

  it('a recipient comes before a CRM record in the switcher (sender, recipients, records, links)', async () => {
    const { switcher } = await showSwitcher([
      { email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'record' },
      { email: 'leo.martins@quantaloop.example', name: 'Leo Martins', role: 'recipient' },
    ]);
    expect(buttons(switcher)).toEqual([
      ['Leo Martins', 'true'],
      ['Dana Reyes', 'false'],
    ]);
  });

  it('an address Leadside does not know: "Not in Leadside" and "Suggest as lead" with the page it was seen on', async () => {
    const platform = new TestPlatform(gmail([{ email: 'newbie@startup.example', name: 'Nia Newbie', role: 'sender' }]));
    const h = renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform, route: lookups });
    await screen.findByText('Not in Leadside.');
    expect(screen.getByRole('heading', { level: 2, name: 'Nia Newbie' })).toBeTruthy();
    expect(h.requests.filter((r) => r.url !== '/v1/stream')).toEqual([{ method: 'GET', url: '/v1/contacts/lookup?email=newbie%40startup.example', body: null }]);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest as lead' }));
    expect(await screen.findByText(/Suggested as a lead/)).toBeTruthy();
    expect(await db.outbox.toArray()).toMatchObject([
      { mutation: { type: 'contact.suggest', email: 'newbie@startup.example', name: 'Nia Newbie', seenOn: 'https://mail.google.com/mail/u/0/#inbox/FMfcg' } },
    ]);
    expect(screen.queryByRole('button', { name: 'Suggest as lead' })).toBeNull();
    expect(platform.syncReasons()).toContain('local_write');
  });

  it('a failed lookup says why and offers to try again', async () => {
    const platform = new TestPlatform(gmail([{ email: 'newbie@startup.example', name: null, role: 'sender' }]));
    let up = false;
    renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform, route: (m, u, b) => (up ? lookups(m, u, b) : null) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not look up newbie@startup.example: could not reach/);
    up = true;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Not in Leadside.')).toBeTruthy();
  });

  it('follows the active tab: a new page shows its people again, and no people means the queue', async () => {
    const platform = new TestPlatform(gmail([{ email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'sender' }]));
    renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform });
    await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
    fireEvent.click(screen.getByRole('button', { name: 'Queue' }));
    await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' });
    act(() => platform.setPage({ ...gmail([{ email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'record' }]), tabId: 8, url: 'https://app.hubspot.com/contacts/1/record/0-1/2', host: 'hubspot' }));
    await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
    act(() => platform.setPage(null));
    await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'This page' })).toBeNull());
  });
});
