// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import { ShortcutOptions } from '../../components/options/ShortcutOptions';
import { SidePanel } from '../../components/panel/SidePanel';
import type { LeadsideDatabase } from '../../lib/db/database';
import { shortcutSettings } from '../../lib/stored';
import { cacheWithDana, dropDb, MONDAY_10AM } from './support/data';
import { renderWith, settled } from './support/render';

// WCAG 2.1.4: single-key shortcuts can be switched off, and every one has a chord with a modifier.

let db: LeadsideDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await cacheWithDana();
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

async function danaOpen() {
  renderWith(<LeadView contactId="c_dana" />, { db, now: MONDAY_10AM });
  await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
  await settled();
}

describe('single-key shortcuts switched off', () => {
  it('a stray "c" logs nothing, while Alt+Shift+C logs the call', async () => {
    await shortcutSettings().set({ singleKeys: false });
    await danaOpen();
    // The buttons announce only what works: the chord.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Call' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+C'));
    expect(screen.getByRole('button', { name: 'Call' }).title).toBe('Log call now (Alt+Shift+C)');
    fireEvent.keyDown(document.body, { key: 'c', code: 'KeyC' });
    fireEvent.keyDown(document.body, { key: '2', code: 'Digit2' });
    await settled();
    expect(await db.attempts.count()).toBe(0);
    // On a Mac, Option+Shift+C types "Ç": the physical key decides.
    fireEvent.keyDown(document.body, { key: 'Ç', code: 'KeyC', altKey: true, shiftKey: true });
    await screen.findByText('Call logged.');
    expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', outcome: null }]);
    // With the toast's outcomes showing, a stray "2" still sets nothing; the chord does.
    fireEvent.keyDown(document.body, { key: '2', code: 'Digit2' });
    await settled();
    expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', outcome: null }]);
    fireEvent.keyDown(document.body, { key: '@', code: 'Digit2', altKey: true, shiftKey: true });
    await waitFor(async () => expect(await db.attempts.toArray()).toMatchObject([{ channel: 'call', outcome: 'no_answer' }]));
  });

  it('on by default: "c" logs, and so does the chord', async () => {
    await danaOpen();
    fireEvent.keyDown(document.body, { key: 'c', code: 'KeyC' });
    await screen.findByText('Call logged.');
    fireEvent.keyDown(document.body, { key: 'E', code: 'KeyE', altKey: true, shiftKey: true });
    await screen.findByText('Email logged.');
    expect(await db.attempts.count()).toBe(2);
  });
});

describe('where the switch is', () => {
  it('the options page switches single keys off and on, and says the chords stay', async () => {
    render(<ShortcutOptions />);
    const toggle = await screen.findByRole('checkbox', { name: 'Single-key shortcuts in the side panel' });
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(false));
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(toggle.getAttribute('aria-describedby')!)?.textContent).toContain('only Alt+Shift+C and the like do');
    fireEvent.click(toggle);
    await waitFor(async () => expect(await shortcutSettings().get()).toEqual({ singleKeys: false }));
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false));
    fireEvent.click(toggle);
    await waitFor(async () => expect(await shortcutSettings().get()).toEqual({ singleKeys: true }));
  });

  it('the shortcuts help lists each key with its chord, and switches single keys off there too', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM });
    const help = await screen.findByRole('button', { name: 'Keyboard shortcuts' });
    fireEvent.click(help);
    const region = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    await waitFor(() => expect(region.textContent).toContain('C or Alt+Shift+CLog call now'));
    expect(screen.getByRole('button', { name: 'Queue' }).getAttribute('aria-keyshortcuts')).toBe('q Alt+Shift+Q');
    const toggle = screen.getByRole('checkbox', { name: 'Single keys act alone' });
    fireEvent.click(toggle);
    await waitFor(() => expect(region.textContent).not.toContain('C or '));
    expect(region.textContent).toContain('Alt+Shift+CLog call now');
    expect(await shortcutSettings().get()).toEqual({ singleKeys: false });
    expect(screen.getByRole('button', { name: 'Queue' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+Q');
  });
});
