import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageReceiver, type MessageRequest } from '../../../lib/messages';
import {
  contactsForPanel,
  createTabRouter,
  listenTabRouting,
  NO_EXCLUSIONS,
  pageContactsHandler,
  readPanelContacts,
  watchPanelContacts,
  type Exclusions,
} from '../../../lib/routing';

const self = { id: fakeBrowser.runtime.id, origin: `chrome-extension://${fakeBrowser.runtime.id}` };
const AT = new Date('2026-03-04T10:00:00Z');
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW';
const HUBSPOT = 'https://app.hubspot.com/contacts/21234567/record/0-1/51240';
const PIPEDRIVE = 'https://acme.pipedrive.com/person/77';
const dana = { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'sender' } as const;
const kofi = { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'record' } as const;
const lena = { email: 'lena@other-prospect.example', name: 'Lena Ortiz', role: 'record' } as const;
const WORKSPACE: Exclusions = { emails: ['sam@acme.example'], domains: ['acme.example'] };

/** The background as it starts: a router over session storage, listening to the (fake) browser's events. */
function startBackground(options: { exclusions?: Exclusions; askTab?: (tabId: number) => Promise<unknown> } = {}) {
  const askTab = vi.fn(options.askTab ?? (async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))));
  const router = createTabRouter({
    storage: fakeBrowser.storage.session,
    exclusions: async () => options.exclusions ?? NO_EXCLUSIONS,
    askTab,
    now: () => AT,
  });
  const listening = listenTabRouting(fakeBrowser, router, (error) => {
    throw error;
  });
  const receive = createMessageReceiver(self, { 'page.contacts': pageContactsHandler(router) });
  /** A content script in tab `tabId` reports its page. */
  const report = (tabId: number, data: MessageRequest<'page.contacts'>, sender: { frameId?: number; url?: string } = {}) =>
    receive({ type: 'page.contacts', data }, { id: self.id, tab: { id: tabId }, frameId: 0, url: data.url, ...sender });
  return { router, listening, report, askTab };
}

const panel = (windowId?: number) => readPanelContacts(fakeBrowser.storage.session, windowId);
const emails = async (windowId?: number) => (await panel(windowId))?.contacts.map((c) => c.email) ?? null;
const activate = (tabId: number, windowId: number) => fakeBrowser.tabs.onActivated.trigger({ tabId, windowId });
/** `tabs.onUpdated` as Chrome fires it for a page the extension cannot see: no URL on the tab. */
const updated = (tabId: number, change: { url?: string; status?: 'loading' | 'complete' }) =>
  fakeBrowser.tabs.onUpdated.trigger(tabId, change, { id: tabId, index: 0, windowId: 1, highlighted: false, active: true, pinned: false, incognito: false });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the panel follows the active tab', () => {
  it('switching tabs switches the contacts; a tab with nothing read shows nothing', async () => {
    const { report } = startBackground();
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await report(11, { host: 'hubspot', url: HUBSPOT, contacts: [kofi] });

    await activate(10, 1);
    expect(await panel(1)).toEqual({ tabId: 10, host: 'gmail', url: GMAIL, contacts: [dana], at: AT.toISOString() });
    await activate(11, 1);
    expect(await emails(1)).toEqual([kofi.email]);
    await activate(12, 1);
    expect(await panel(1)).toBeNull();
    await activate(10, 1);
    expect(await emails(1)).toEqual([dana.email]);
  });

  it('a contact script reporting later updates the panel of the tab already shown', async () => {
    const { report } = startBackground();
    await activate(10, 1);
    expect(await panel(1)).toBeNull();
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    expect(await emails(1)).toEqual([dana.email]);
    await report(10, { host: 'gmail', url: GMAIL, contacts: [] });
    expect(await panel(1)).toMatchObject({ tabId: 10, contacts: [] });
  });

  it('two windows each follow their own active tab; without a window id, the last focused one', async () => {
    const { report } = startBackground();
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await report(20, { host: 'pipedrive', url: PIPEDRIVE, contacts: [lena] });
    await activate(10, 1);
    await activate(20, 2);
    expect(await emails(1)).toEqual([dana.email]);
    expect(await emails(2)).toEqual([lena.email]);

    await fakeBrowser.windows.onFocusChanged.trigger(2);
    expect(await emails()).toEqual([lena.email]);
    await fakeBrowser.windows.onFocusChanged.trigger(1);
    expect(await emails()).toEqual([dana.email]);
    // The browser lost focus (WINDOW_ID_NONE): the last window stays.
    await fakeBrowser.windows.onFocusChanged.trigger(-1);
    expect(await emails()).toEqual([dana.email]);

    await fakeBrowser.windows.onRemoved.trigger(1);
    expect(await panel(1)).toBeNull();
    expect(await panel()).toBeNull();
    expect(await emails(2)).toEqual([lena.email]);
  });
});

describe('navigation and closing clear a tab', () => {
  it('another URL clears it; the URL the content script already reported keeps it; a load without a URL does nothing yet', async () => {
    const { report } = startBackground();
    await activate(10, 1);
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });

    await updated(10, { status: 'loading' });
    expect(await emails(1)).toEqual([dana.email]);
    await updated(10, { url: GMAIL });
    expect(await emails(1)).toEqual([dana.email]);
    await updated(10, { url: 'https://mail.google.com/mail/u/0/#inbox' });
    expect(await panel(1)).toBeNull();
  });

  it('a report for the new URL racing the navigation event is kept', async () => {
    const { report } = startBackground();
    await activate(10, 1);
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    const next = `${GMAIL.slice(0, -1)}X`;
    await Promise.all([updated(10, { url: next }), report(10, { host: 'gmail', url: next, contacts: [kofi] })]);
    expect(await panel(1)).toMatchObject({ url: next, contacts: [kofi] });
  });

  it('when the tab finishes loading its page is asked: an answer replaces the contacts, no answer (left for a page Leadside does not read) clears them', async () => {
    const answers = new Map<number, unknown>([[10, { host: 'gmail', url: GMAIL, contacts: [kofi] }]]);
    const { report, askTab } = startBackground({
      askTab: async (tabId) => {
        if (!answers.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
        return answers.get(tabId);
      },
    });
    await activate(10, 1);
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await updated(10, { status: 'complete' });
    expect(askTab).toHaveBeenCalledWith(10);
    expect(await emails(1)).toEqual([kofi.email]);

    answers.set(10, { host: 'gmail', url: GMAIL, contacts: [{ email: 'not an address' }] });
    await updated(10, { status: 'complete' });
    expect(await panel(1)).toBeNull();

    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    answers.delete(10);
    await updated(10, { status: 'complete' });
    expect(await panel(1)).toBeNull();

    // Tabs with nothing recorded are not asked.
    askTab.mockClear();
    await updated(11, { status: 'complete' });
    expect(askTab).not.toHaveBeenCalled();
  });

  it('closing the tab clears it and its window has no active tab until the next one is activated; a late report does not bring it back', async () => {
    const { report } = startBackground();
    await activate(10, 1);
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await fakeBrowser.tabs.onRemoved.trigger(10, { windowId: 1, isWindowClosing: false });
    expect(await panel(1)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    expect(await fakeBrowser.storage.session.get('tab:10')).toEqual({});
  });
});

describe('a service worker restart', () => {
  it('a new background over the same session storage still knows every tab and window, and keeps routing', async () => {
    const first = startBackground();
    await first.report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await first.report(20, { host: 'pipedrive', url: PIPEDRIVE, contacts: [lena] });
    await activate(10, 1);
    await activate(20, 2);
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    first.listening.stop(); // the worker is gone: its listeners and memory with it

    const second = startBackground();
    await second.listening.seeded;
    expect(await emails(1)).toEqual([dana.email]);
    expect(await emails(2)).toEqual([lena.email]);
    expect(await emails()).toEqual([lena.email]);

    await fakeBrowser.tabs.onRemoved.trigger(20, { windowId: 2, isWindowClosing: false });
    expect(await panel(2)).toBeNull();
    await second.report(11, { host: 'hubspot', url: HUBSPOT, contacts: [kofi] });
    await activate(11, 1);
    expect(await emails(1)).toEqual([kofi.email]);
  });

  it('at start, windows without a recorded active tab get the one the browser reports; recorded ones are not overwritten', async () => {
    await fakeBrowser.storage.session.set({ 'active:1': 10 });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 99, windowId: 1 },
      { id: 20, windowId: 2 },
    ] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>);
    const { listening } = startBackground();
    await listening.seeded;
    expect(await fakeBrowser.storage.session.get(['active:1', 'active:2'])).toEqual({ 'active:1': 10, 'active:2': 20 });
  });
});

describe('who is a lead, and in what order', () => {
  it("drops the rep's address and the workspace's domains with their subdomains; the external sender first, then recipients, records, links; each address once", async () => {
    const { report } = startBackground({ exclusions: WORKSPACE });
    await activate(10, 1);
    await report(10, {
      host: 'gmail',
      url: GMAIL,
      contacts: [
        { email: 'crm@buyer.example', name: 'CRM record', role: 'record' },
        { email: 'site@buyer.example', name: null, role: 'link' },
        { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'recipient' },
        { email: 'Sam@Acme.Example', name: 'me', role: 'sender' },
        { email: 'jo@acme.example', name: 'Jo Park', role: 'sender' },
        { email: 'dana.ruiz@buyer.example', name: null, role: 'recipient' },
        { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'sender' },
        { email: 'ops@eu.acme.example', name: null, role: 'recipient' },
        { email: 'ops@notacme.example', name: null, role: 'recipient' },
      ],
    });
    expect((await panel(1))?.contacts).toEqual([
      { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'sender' },
      { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'recipient' },
      { email: 'ops@notacme.example', name: null, role: 'recipient' },
      { email: 'crm@buyer.example', name: 'CRM record', role: 'record' },
      { email: 'site@buyer.example', name: null, role: 'link' },
    ]);
  });

  it('a thread between colleagues only leaves nothing to show', async () => {
    const { report } = startBackground({ exclusions: WORKSPACE });
    await activate(10, 1);
    await report(10, { host: 'gmail', url: GMAIL, contacts: [{ email: 'jo@acme.example', name: 'Jo', role: 'sender' }] });
    expect(await panel(1)).toMatchObject({ contacts: [] });
  });
});

describe('what the background accepts from a content script', () => {
  it.each([
    ['a subframe', { frameId: 3 }, "page.contacts must come from a tab's top frame"],
    ['a page on another origin than the sender', { url: 'https://evil.example/' }, 'page.contacts names a page on another origin than its sender'],
  ])('refuses %s', async (_case, sender, error) => {
    const { report } = startBackground();
    expect(await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] }, sender)).toEqual({ ok: false, error });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('contactsForPanel', () => {
  const state = {
    focused: 2,
    'active:1': 10,
    'active:2': 20,
    'tab:10': { url: GMAIL, host: 'gmail', contacts: [dana], at: AT.toISOString() },
    'tab:20': { url: PIPEDRIVE, host: 'pipedrive', contacts: 'not a list', at: AT.toISOString() },
  };
  it.each([
    [1, { tabId: 10, url: GMAIL, host: 'gmail', contacts: [dana], at: AT.toISOString() }],
    [2, null], // stored by someone else in a shape the panel cannot trust
    [3, null],
    [undefined, null],
  ])('window %s → %j', (windowId, expected) => {
    expect(contactsForPanel(state, windowId)).toEqual(expected);
  });
});

describe('watchPanelContacts (what the panel runs)', () => {
  it("follows its own window's active tab as routing changes, and stops", async () => {
    const { report } = startBackground();
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1, focused: true, incognito: false, alwaysOnTop: false });
    const seen: (string[] | null)[] = [];
    const stop = watchPanelContacts(fakeBrowser, (page) => seen.push(page?.contacts.map((c) => c.email) ?? null));
    await vi.waitFor(() => expect(seen).toEqual([null]));

    await report(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await activate(10, 1);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([dana.email]));
    await report(20, { host: 'pipedrive', url: PIPEDRIVE, contacts: [lena] });
    await activate(20, 2); // another window: this panel's stays on tab 10
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([dana.email]));
    await fakeBrowser.tabs.onRemoved.trigger(10, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(() => expect(seen.at(-1)).toBeNull());

    stop();
    const count = seen.length;
    await activate(20, 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(count);
  });

  it('shows the tab the browser switched to without waiting for the background to record the switch', async () => {
    // No background listening to tab events: only the content scripts' reports are in session storage.
    const router = createTabRouter({ storage: fakeBrowser.storage.session, exclusions: async () => NO_EXCLUSIONS, askTab: async () => null, now: () => AT });
    await router.pageContacts(10, { host: 'gmail', url: GMAIL, contacts: [dana] });
    await router.pageContacts(11, { host: 'hubspot', url: HUBSPOT, contacts: [kofi] });
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1, focused: true, incognito: false, alwaysOnTop: false });
    const seen: (string[] | null)[] = [];
    const stop = watchPanelContacts(fakeBrowser, (page) => seen.push(page?.contacts.map((c) => c.email) ?? null));
    await vi.waitFor(() => expect(seen).toEqual([null]));

    await activate(11, 1);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([kofi.email]));
    await activate(10, 2); // another window's switch is not this panel's
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.at(-1)).toEqual([kofi.email]);
    await activate(10, 1);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([dana.email]));
    stop();
  });
});
