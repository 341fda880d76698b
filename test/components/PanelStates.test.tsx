// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanel } from '../../components/panel/SidePanel';
import { logAttempt } from '../../lib/db/writes';
import type { LeadsideDatabase } from '../../lib/db/database';
import { dana, dropDb, MONDAY_10AM, seedSession, testDb } from './support/data';
import { renderWith } from './support/render';

let db: LeadsideDatabase;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const writer = () => ({ db, now: () => new Date(MONDAY_10AM), newId: (() => { let n = 0; return () => `w${++n}`; })(), userId: 'rep1' });

describe('the panel’s states', () => {
  it('asks the background to sync when it opens', async () => {
    await seedSession(db);
    const h = renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' });
    expect(h.platform.syncReasons()).toEqual(['panel_open']);
  });

  it('signed out: one button to the options page', async () => {
    await seedSession(db, { signedIn: false });
    const h = renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in to Leadside' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Sign in' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(h.platform.optionsOpened).toBe(1));
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('a token the server stopped accepting: sign in again, with the reason', async () => {
    await seedSession(db, { sync: { status: 'signed_out', lastError: 'the token is unknown or revoked' } });
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in again' })).toBeTruthy();
    expect(screen.getByText(/the token is unknown or revoked/)).toBeTruthy();
  });

  it('an expired token: says so plainly, keeps what waits to send, and offers sign-in', async () => {
    await seedSession(db, {
      sync: { status: 'signed_out', signedOutBecause: 'token_expired', lastError: 'This token expired on 2026-01-19 15:00 UTC; sign in again' },
    });
    await db.contacts.put(dana());
    await logAttempt(writer(), { contactId: 'c_dana', channel: 'call' });
    const h = renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    expect(await screen.findByRole('heading', { level: 2, name: 'Your Leadside token expired — sign in again' })).toBeTruthy();
    expect(await screen.findByText(/Nothing you logged is lost: 1 change waits here and is sent once you sign in\./)).toBeTruthy();
    expect(screen.queryByText(/stopped accepting/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(h.platform.optionsOpened).toBe(1));
  });

  it('the first sync shows its progress instead of an empty queue', async () => {
    await seedSession(db, { sync: { status: 'syncing', progress: { pages: 3, rows: 1240 }, lastSyncAt: null } });
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    expect(await screen.findByRole('heading', { level: 2, name: 'Syncing your leads…' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Syncing your leads… 1,240 rows');
    expect(screen.getByRole('progressbar', { name: 'First sync' })).toBeTruthy();
    expect(screen.queryByText(/No leads are assigned/)).toBeNull();
  });

  it('offline: says how many attempts wait to send, and Retry asks for a sync', async () => {
    await seedSession(db, { sync: { status: 'offline', lastError: 'could not reach the server' } });
    await db.contacts.put(dana());
    await logAttempt(writer(), { contactId: 'c_dana', channel: 'call' });
    await logAttempt({ ...writer(), newId: (() => { let n = 10; return () => `w${++n}`; })() }, { contactId: 'c_dana', channel: 'email' });
    const h = renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const notice = await screen.findByText(/^Offline\./, { selector: 'strong' });
    expect(notice.parentElement?.textContent).toBe('Offline. 2 attempts waiting to send; everything is saved here and goes when the server is back.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(h.platform.syncReasons()).toEqual(['panel_open', 'manual']));
  });

  it('a sync error shows the reason and a Retry; a failed retry says why', async () => {
    await seedSession(db, { sync: { status: 'error', lastError: 'the server answered 500' } });
    const h = renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sync failed: the server answered 500. Nothing is waiting to send.');
    h.platform.syncReply = async () => ({ ok: false, error: 'the background is restarting' });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('the background is restarting')).toBeTruthy();
    expect(h.platform.syncReasons()).toEqual(['panel_open', 'manual']);
  });

  it('a change the server rejected stays in view with its reason until dismissed', async () => {
    await seedSession(db);
    await db.contacts.put(dana());
    await logAttempt(writer(), { contactId: 'c_dana', channel: 'call', outcome: 'connected' });
    const [entry] = await db.outbox.toArray();
    await db.outbox.update(entry!.seq!, { status: 'rejected', error: { code: 'forbidden', message: 'Dana Reyes is no longer assigned to you' } });
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const region = await screen.findByRole('region', { name: 'Not saved on the server' });
    expect(region.textContent).toContain('Call (connected) for Dana Reyes: Dana Reyes is no longer assigned to you');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Call (connected) for Dana Reyes' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Not saved on the server' })).toBeNull());
    expect(await db.outbox.count()).toBe(0);
  });

  it('a refused change still names its contact after the pull took the contact away', async () => {
    await seedSession(db);
    await db.contacts.put(dana());
    await logAttempt(writer(), { contactId: 'c_dana', channel: 'call', outcome: 'no_answer' });
    const [entry] = await db.outbox.toArray();
    await db.outbox.update(entry!.seq!, {
      status: 'rejected',
      error: { code: 'forbidden', message: 'contact c_dana belongs to another rep; ask its owner or a manager' },
      contactName: 'Dana Reyes',
    });
    await db.contacts.delete('c_dana');
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const region = await screen.findByRole('region', { name: 'Not saved on the server' });
    expect(region.textContent).toContain('Call (no answer) for Dana Reyes: contact c_dana belongs to another rep');
  });

  it('never flashes an empty state when the cache has the answer', async () => {
    await seedSession(db);
    await db.contacts.put(dana());
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(document.body.textContent ?? ''));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    await screen.findByRole('button', { name: /Dana Reyes/ });
    observer.disconnect();
    expect(seen.some((text) => /No leads|Sign in|not synced/.test(text))).toBe(false);
  });

  it('has the landmarks and names a screen reader needs', async () => {
    await seedSession(db);
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' });
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Leadside' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    const help = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    fireEvent.click(help);
    expect(help.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('region', { name: 'Keyboard shortcuts' }).textContent).toContain('Log call now');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(help.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(document.body, { key: '?' });
    expect(help.getAttribute('aria-expanded')).toBe('true');
  });
});
