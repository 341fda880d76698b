import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../../lib/view-model/keyboard';
import { useShortcutSettings } from './useShortcutSettings';

/**
 * Calls `onAction` for the panel's keyboard shortcuts (lib/view-model/keyboard: never while typing; single keys only
 * while the rep has them on, and not before the setting is read, so a rep who turned them off is never surprised).
 * Answer true when the action was handled, so the key does nothing else.
 */
export function useShortcuts(onAction: (action: ShortcutAction) => boolean, enabled = true): void {
  const latest = useRef(onAction);
  const settings = useShortcutSettings();
  const singleKeys = settings?.singleKeys ?? false;
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event, { singleKeys });
      if (action && latest.current(action)) event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled, singleKeys]);
}
