// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertOptions } from '../../components/options/AlertOptions';
import { SidePanel } from '../../components/panel/SidePanel';
import { requestOpenLead } from '../../lib/alerts';
import type { LeadsideDatabase } from '../../lib/db/database';
import { alertSwitch } from '../../lib/stored';
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

function options(answer: boolean) {
  const platform = new TestPlatform(null);
  platform.notifications.answer = answer;
  renderWith(<AlertOptions />, { db, now: MONDAY_10AM, platform });
  return platform;
}

describe('"Alerts on this computer" on the options page', () => {
  it('is off until turned on; turning it on asks for notifications in the click, and off again keeps the permission', async () => {
    const platform = options(true);
    const toggle = (await screen.findByRole('checkbox', { name: 'Alerts on this computer' })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(platform.notifications.asked).toBe(0);
    fireEvent.click(toggle);
    expect(platform.notifications.asked).toBe(1);
    await waitFor(async () => expect(await alertSwitch().get()).toEqual({ on: true }));
    await waitFor(() => expect(toggle.checked).toBe(true));
    fireEvent.click(toggle);
    await waitFor(async () => expect(await alertSwitch().get()).toEqual({ on: false }));
    expect(toggle.checked).toBe(false);
  });

  it('a refusal leaves alerts off and says why', async () => {
    options(false);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Alerts on this computer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow notifications, so alerts stay off.');
    expect(await alertSwitch().get()).toEqual({ on: false });
  });

  it('on, with the permission taken back in the browser: shown off, with the reason', async () => {
    await alertSwitch().set({ on: true });
    options(true);
    const toggle = (await screen.findByRole('checkbox', { name: 'Alerts on this computer' })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText(/Notifications were turned off in the browser, so alerts are off\./)).toBeTruthy();
  });
});

describe('"Open lead" from a notification, in the panel', () => {
  it('shows the lead the background asked for', async () => {
    renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform: new TestPlatform(null) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' })).toBeTruthy();
    await requestOpenLead({ contactId: 'c_dana', at: new Date(MONDAY_10AM - 1_000).toISOString() });
    expect(await screen.findByRole('heading', { name: 'Dana Reyes', level: 2 })).toBeTruthy();
  });

  it('a request left a while ago (the panel did not open then) is dropped', async () => {
    await requestOpenLead({ contactId: 'c_dana', at: new Date(MONDAY_10AM - 5 * 60_000).toISOString() });
    renderWith(<SidePanel />, { db, now: MONDAY_10AM, platform: new TestPlatform(null) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Your follow-up queue' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Dana Reyes', level: 2 })).toBeNull();
  });
});
