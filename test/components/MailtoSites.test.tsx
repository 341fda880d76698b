// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailtoSites } from '../../components/options/MailtoSites';
import { SidePanel } from '../../components/panel/SidePanel';
import type { LeadsideDatabase } from '../../lib/db/database';
import { mailtoSites } from '../../lib/stored';
import { cacheWithDana, dropDb, MONDAY_10AM } from './support/data';
import { TestPlatform } from './support/platform';
import { renderWith } from './support/render';

let db: LeadsideDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await cacheWithDana();
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

function panelOn(tabUrl: string | null) {
  const platform = new TestPlatform(null);
  platform.sites.tabUrl = tabUrl;
  renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform });
  return platform;
}

describe('"Read contacts on this site" in the panel', () => {
  it('asks the browser for that one origin in the click, then lists the site', async () => {
    const platform = panelOn('https://www.buyer.example/team?from=nav');
    expect(await screen.findByRole('heading', { name: 'This site: www.buyer.example' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Read contacts on this site' }));
    expect(platform.sites.requested).toEqual(['https://www.buyer.example']);
    await waitFor(async () => expect(await mailtoSites().get()).toEqual(['https://www.buyer.example']));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Reading contacts on www\.buyer\.example\./);
    expect(screen.queryByRole('button', { name: 'Read contacts on this site' })).toBeNull();
  });

  it('a refused prompt lists nothing and says so', async () => {
    const platform = panelOn('http://localhost:4100/about');
    platform.sites.answer = false;
    fireEvent.click(await screen.findByRole('button', { name: 'Read contacts on this site' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not turned on: The browser did not allow Leadside on localhost:4100, so nothing changed.',
    );
    expect(await mailtoSites().get()).toEqual([]);
  });

  it.each([
    ['a host Leadside reads already', 'https://mail.google.com/mail/u/0/#inbox'],
    ['a page the browser does not show the panel', null],
    ['a browser page', 'chrome://extensions/'],
  ])('is not offered on %s', async (_case, url) => {
    panelOn(url);
    await screen.findByRole('button', { name: /Queue/ });
    // The queue rendered; give the tab's address its turn to arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('button', { name: 'Read contacts on this site' })).toBeNull();
  });
});

describe('the sites in the options page', () => {
  it('lists the sites; removing one takes it off the list and gives its origin back, not the server\'s', async () => {
    await mailtoSites().set(['https://www.buyer.example', 'http://localhost:4100']);
    const platform = new TestPlatform();
    platform.sites.grantedOrigins.add('https://www.buyer.example');
    renderWith(<MailtoSites />, { db, platform });
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.mailto-sites__site')?.textContent)).toEqual([
      'www.buyer.example',
      'localhost:4100',
    ]);
    // Taken back in the browser: offered again.
    expect(await screen.findByRole('button', { name: 'Allow localhost:4100' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove www.buyer.example' }));
    await waitFor(async () => expect(await mailtoSites().get()).toEqual(['http://localhost:4100']));
    expect(platform.sites.released).toEqual(['https://www.buyer.example']);
    expect((await screen.findByRole('status')).textContent).toBe('Leadside no longer reads contacts on www.buyer.example.');
  });

  it('adds a typed site after the browser allows it, and refuses what is not a web address', async () => {
    const platform = new TestPlatform();
    renderWith(<MailtoSites />, { db, platform });
    const input = await screen.findByLabelText('Site address');
    fireEvent.change(input, { target: { value: 'ftp://files.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Site is not valid: must be a web address such as https://www.example.com');
    expect(platform.sites.requested).toEqual([]);

    fireEvent.change(input, { target: { value: 'https://www.buyer.example/people' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(platform.sites.requested).toEqual(['https://www.buyer.example']);
    await waitFor(async () => expect(await mailtoSites().get()).toEqual(['https://www.buyer.example']));
    expect((await screen.findByRole('status')).textContent).toBe('Leadside reads contacts on www.buyer.example.');
  });
});
