import type { Platform, SiteAccess } from '../../../lib/platform';
import type { PanelContacts } from '../../../lib/routing/panel';

/**
 * The browser adapter for component tests: records what the panel asks of the browser and lets a test drive the
 * active tab's contacts by hand.
 */
export class TestPlatform implements Platform {
  readonly self = { id: 'test-extension', origin: 'chrome-extension://test-extension' };
  readonly sent: { type: string; data: unknown }[] = [];
  readonly clipboard: string[] = [];
  optionsOpened = 0;
  readonly tabsOpened: string[] = [];
  /** What the background answers to sync.request; a test can make it fail. */
  syncReply: () => Promise<unknown> = async () => ({ ok: true, value: { kind: 'done' } });
  clipboardFails: Error | null = null;
  private page: PanelContacts | null;
  private listeners = new Set<(page: PanelContacts | null) => void>();

  constructor(page: PanelContacts | null = null) {
    this.page = page;
  }

  sendMessage = async (message: unknown): Promise<unknown> => {
    const m = message as { type: string; data: unknown };
    this.sent.push({ type: m.type, data: m.data });
    if (m.type === 'sync.request') return this.syncReply();
    return { ok: true, value: null };
  };

  /** The sync reasons sent so far, in order. */
  syncReasons(): string[] {
    return this.sent.filter((m) => m.type === 'sync.request').map((m) => (m.data as { reason: string }).reason);
  }

  hasHostPermission = async () => true;
  requestHostPermission = async () => true;
  openOptionsPage = async () => {
    this.optionsOpened++;
  };
  writeClipboard = async (text: string) => {
    if (this.clipboardFails) throw this.clipboardFails;
    this.clipboard.push(text);
  };

  openTab = async (url: string) => {
    this.tabsOpened.push(url);
  };

  readonly sites = new TestSiteAccess();
  readonly notifications = new TestPermission();

  watchPageContacts = (onChange: (page: PanelContacts | null) => void): (() => void) => {
    this.listeners.add(onChange);
    onChange(this.page);
    return () => this.listeners.delete(onChange);
  };

  /** The rep switched tabs or the page changed. */
  setPage(page: PanelContacts | null): void {
    this.page = page;
    for (const l of this.listeners) l(page);
  }
}

/** The `mailto:` switch's browser side: the followed tab's address, and which origins the "browser" granted. */
export class TestSiteAccess implements SiteAccess {
  tabUrl: string | null = null;
  /** What the permission prompt answers. */
  answer = true;
  readonly grantedOrigins = new Set<string>();
  readonly requested: string[] = [];
  readonly released: string[] = [];

  activeTabUrl = async () => this.tabUrl;
  request = async (origin: string) => {
    this.requested.push(origin);
    if (this.answer) this.grantedOrigins.add(origin);
    return this.answer;
  };
  granted = async (origin: string) => this.grantedOrigins.has(origin);
  release = async (origin: string, keep: readonly string[] = []) => {
    if (keep.includes(origin)) return;
    this.released.push(origin);
    this.grantedOrigins.delete(origin);
  };
}

/** One optional permission as the "browser" answers it: what the prompt says, and how often it was asked. */
export class TestPermission {
  answer = true;
  isGranted = false;
  asked = 0;
  granted = async () => this.isGranted;
  request = async () => {
    this.asked++;
    if (this.answer) this.isGranted = true;
    return this.answer;
  };
}
