import { ALERT_SWITCH } from './alert-switch';
import type { StoredItemSpec } from './item';
import { MAILTO_SITES } from './mailto-sites';
import { SHORTCUT_SETTINGS } from './shortcut-settings';

/**
 * Every item the extension keeps in `browser.storage.local` and `.sync`, each versioned and checked (./item.ts). The
 * session-storage keys of the tab routing are not here: they are rebuilt every browser session (lib/routing/keys.ts).
 */
export const STORED_ITEMS: readonly StoredItemSpec<unknown>[] = [MAILTO_SITES, SHORTCUT_SETTINGS, ALERT_SWITCH];

export { defineStoredItem, type StoredItem, type StoredItemSpec } from './item';
export { addMailtoSite, MAILTO_SITES, MailtoSite, mailtoSites, removeMailtoSite } from './mailto-sites';
export { SHORTCUT_SETTINGS, shortcutSettings } from './shortcut-settings';
export { ALERT_SWITCH, alertSwitch, type AlertSwitch } from './alert-switch';
