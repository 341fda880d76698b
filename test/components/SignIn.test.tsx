// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../components/options/OptionsPage';
import type { LeadsideDatabase } from '../../lib/db/database';
import { readMeta } from '../../lib/db/meta';
import { ME, dropDb, seedSession, testDb } from './support/data';
import { json, renderWith } from './support/render';

let db: LeadsideDatabase;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  cleanup();
  vi.unstubAllEnvs();
  window.history.replaceState(null, '', '/options.html');
  await dropDb(db);
});

const TOKEN = 'lsk_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';
const CODE = 'lse_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';
const meRoute = (method: string, url: URL) => (method === 'GET' && url.pathname === '/v1/me' ? json(ME) : null);

describe('the server address on the options page', () => {
  it('is empty in the shipped build and prefilled with the demo server in the demo build', async () => {
    await seedSession(db, { signedIn: false });
    renderWith(<OptionsPage />, { db });
    expect(((await screen.findByLabelText('Server address')) as HTMLInputElement).value).toBe('');
    cleanup();
    vi.stubEnv('LEADSIDE_DEMO_SERVER', 'http://127.0.0.1:8787');
    renderWith(<OptionsPage />, { db });
    expect(((await screen.findByLabelText('Server address')) as HTMLInputElement).value).toBe('http://127.0.0.1:8787');
  });

  it('takes 127.0.0.1:8787 as http://127.0.0.1:8787, says so, and signs in there', async () => {
    await seedSession(db, { signedIn: false });
    const h = renderWith(<OptionsPage />, { db, route: meRoute });
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: '127.0.0.1:8787' } });
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: TOKEN } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Signed in' });
    expect((await readMeta(db, 'connection'))?.url).toBe('http://127.0.0.1:8787');
    expect(h.requests.map((r) => r.url)).toContain('/v1/me');
  });

  it('shows "Using https://…" for another host typed without a scheme', async () => {
    await seedSession(db, { signedIn: false });
    renderWith(<OptionsPage />, { db });
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: 'leadside.acme.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByText('Using https://leadside.acme.com')).getAttribute('role')).toBe('status');
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://leadside.acme.com');
  });
});

describe('the one-click sign-in link on the options page', () => {
  it('exchanges the code once at the named server and is signed in, the token in no URL', async () => {
    await seedSession(db, { signedIn: false });
    window.history.replaceState(null, '', `/options.html#code=${CODE}&server=${encodeURIComponent('http://127.0.0.1:8787')}`);
    const h = renderWith(<OptionsPage />, {
      db,
      route: (method, url, body) =>
        method === 'POST' && url.pathname === '/v1/extension-code'
          ? (body as { code: string }).code === CODE
            ? json({ token: TOKEN, user: { name: ME.user.name, email: ME.user.email } }, 201)
            : null
          : meRoute(method, url),
    });
    expect((await screen.findByText(`Signed in as ${ME.user.name} with the one-time link.`)).getAttribute('role')).toBe('status');
    await screen.findByRole('heading', { name: 'Signed in' });
    expect(await readMeta(db, 'connection')).toEqual({ url: 'http://127.0.0.1:8787', token: TOKEN });
    expect(h.requests.filter((r) => r.url === '/v1/extension-code')).toEqual([{ method: 'POST', url: '/v1/extension-code', body: { code: CODE } }]);
    expect(window.location.hash).toBe('');
    expect(h.platform.sent.map((m) => m.type)).toContain('auth.changed');
  });

  it('says why a used code signs nobody in, and stays signed out', async () => {
    await seedSession(db, { signedIn: false });
    window.history.replaceState(null, '', `/options.html#code=${CODE}&server=127.0.0.1:8787`);
    renderWith(<OptionsPage />, {
      db,
      route: () => json({ error: { code: 'gone', message: 'this extension sign-in code was already used, on 2026-01-19 15:00 UTC: ask for a new one' } }, 410),
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The sign-in link did not work: this extension sign-in code was already used, on 2026-01-19 15:00 UTC: ask for a new one.',
    );
    expect(await readMeta(db, 'connection')).toBeUndefined();
    screen.getByRole('heading', { name: 'Sign in to your Leadside server' });
  });

  it('refuses a link whose code or server is malformed before calling anything', async () => {
    await seedSession(db, { signedIn: false });
    window.history.replaceState(null, '', `/options.html#code=lsk_token&server=http://evil.example`);
    const h = renderWith(<OptionsPage />, { db });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The sign-in link did not work: /);
    expect(alert.textContent).toContain('code: must be a one-time extension code: it starts with lse_');
    expect(alert.textContent).toContain('server: must use https (plain http only for localhost)');
    await waitFor(() => expect(h.requests).toEqual([]));
  });
});
