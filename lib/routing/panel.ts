import { z } from 'zod';
import { PAGE_HOSTS } from '../messages/page-protocol';
import { DetectedContact } from '../messages/protocol';
import { activeKey, FOCUSED_KEY, tabKey, type SessionArea } from './keys';

/** `tab:<tabId>` in session storage (see ./keys.ts). */
export const TabContacts = z.object({
  url: z.string(),
  host: z.enum(PAGE_HOSTS),
  contacts: z.array(DetectedContact),
  /** When the page was read (ISO 8601). */
  at: z.string(),
});
export type TabContacts = z.infer<typeof TabContacts>;

/** What the panel shows: the leads on the tab it follows (its window's active tab, or the tab it is pinned to). */
export interface PanelContacts extends TabContacts {
  tabId: number;
}

/**
 * The contacts the panel shows for a window: its active tab's, or null when that tab has none recorded. Without a
 * window id, the last focused window's. `state` is a session-storage snapshot (`storage.session.get(null)`, or just
 * the keys involved).
 */
export function contactsForPanel(state: Record<string, unknown>, windowId?: number): PanelContacts | null {
  const window = windowId ?? state[FOCUSED_KEY];
  if (typeof window !== 'number') return null;
  const tabId = state[activeKey(window)];
  if (typeof tabId !== 'number') return null;
  const stored = TabContacts.safeParse(state[tabKey(tabId)]);
  return stored.success ? { tabId, ...stored.data } : null;
}

/** Reads only the keys the panel needs for its window (two small reads). */
export async function readPanelContacts(storage: Pick<SessionArea, 'get'>, windowId?: number): Promise<PanelContacts | null> {
  const windowState = windowId === undefined ? await storage.get(FOCUSED_KEY) : {};
  const window = windowId ?? windowState[FOCUSED_KEY];
  if (typeof window !== 'number') return null;
  const active = await storage.get(activeKey(window));
  const tabId = active[activeKey(window)];
  if (typeof tabId !== 'number') return null;
  const tab = await storage.get(tabKey(tabId));
  return contactsForPanel({ ...active, ...tab }, window);
}

/** One tab's contacts, for a panel pinned to that tab (opened as a page with `?tab=<id>`) rather than the active one. */
export async function readTabContacts(storage: Pick<SessionArea, 'get'>, tabId: number): Promise<PanelContacts | null> {
  const stored = TabContacts.safeParse((await storage.get(tabKey(tabId)))[tabKey(tabId)]);
  return stored.success ? { tabId, ...stored.data } : null;
}
