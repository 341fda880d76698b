import { z } from 'zod';
import type { ShortcutSettings } from '../view-model/keyboard';
import { defineStoredItem, type StoredItem, type StoredItemSpec } from './item';

/**
 * `local:shortcuts`: how the panel's keyboard shortcuts work for this rep (lib/view-model/keyboard.ts). Single keys are
 * on by default; a rep who finds a stray key logs a call turns them off and keeps the Alt+Shift chords (WCAG 2.1.4).
 *
 * v1: `{ singleKeys }`.
 */
export const SHORTCUT_SETTINGS: StoredItemSpec<ShortcutSettings> = {
  key: 'local:shortcuts',
  schema: z.strictObject({ singleKeys: z.boolean({ message: 'singleKeys must be true or false' }) }),
  fallback: { singleKeys: true },
  upgrades: [],
};

let item: StoredItem<ShortcutSettings> | undefined;
export function shortcutSettings(): StoredItem<ShortcutSettings> {
  return (item ??= defineStoredItem(SHORTCUT_SETTINGS));
}
