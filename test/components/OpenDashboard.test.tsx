// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../../components/options/OptionsPage';
import type { LeadsideDatabase } from '../../lib/db/database';
import { dropDb, seedSession, testDb } from './support/data';
import { json, renderWith } from './support/render';

let db: LeadsideDatabase;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const LINK = 'http://127.0.0.1:8787/signin/code/lsc_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';

describe('"Open dashboard" on the options page', () => {
  it('asks the server for a one-time dashboard link and opens it in a new tab, the token only in the header', async () => {
    await seedSession(db);
    const h = renderWith(<OptionsPage />, {
      db,
      route: (method, url) => (method === 'POST' && url.pathname === '/v1/dashboard-code' ? json({ url: LINK, expiresAt: '2026-01-19T15:01:00.000Z' }, 201) : null),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open dashboard' }));
    await waitFor(() => expect(h.platform.tabsOpened).toEqual([LINK]));
    expect(h.requests).toEqual([{ method: 'POST', url: '/v1/dashboard-code', body: null }]);
    expect(screen.getByRole('button', { name: 'Open dashboard' }).getAttribute('aria-describedby')).toBe('open-dashboard-hint');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why when the server refuses, and opens nothing', async () => {
    await seedSession(db);
    const h = renderWith(<OptionsPage />, {
      db,
      route: () => json({ error: { code: 'rate_limited', message: 'too many requests: try again in 30 s' } }, 429),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open dashboard' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The dashboard did not open: too many requests: try again in 30 s.');
    expect(h.platform.tabsOpened).toEqual([]);
  });

  it('says so when the server cannot be reached', async () => {
    await seedSession(db);
    renderWith(<OptionsPage />, { db });
    fireEvent.click(await screen.findByRole('button', { name: 'Open dashboard' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The dashboard did not open: could not reach the server.');
  });

  it('is not offered signed out', async () => {
    await seedSession(db, { signedIn: false });
    renderWith(<OptionsPage />, { db });
    await screen.findByRole('heading', { name: 'Sign in to your Leadside server' });
    expect(screen.queryByRole('button', { name: 'Open dashboard' })).toBeNull();
  });
});
