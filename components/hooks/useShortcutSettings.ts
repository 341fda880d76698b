import { useEffect, useState } from 'react';
import { shortcutSettings } from '../../lib/stored';
import { ariaKeyShortcuts, chordLabel, keyFor, type ShortcutAction, type ShortcutSettings } from '../../lib/view-model/keyboard';

/**
 * The rep's shortcut settings (lib/stored/shortcut-settings.ts), live: undefined until storage answers, then the stored
 * value, following changes made in any other page of the extension (the options page, another panel).
 */
export function useShortcutSettings(): ShortcutSettings | undefined {
  const [settings, setSettings] = useState<ShortcutSettings | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const item = shortcutSettings();
    const unwatch = item.watch((value) => live && setSettings(value));
    void item.get().then((value) => live && setSettings(value));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Switches single-key shortcuts on or off for this browser. */
export function setSingleKeys(singleKeys: boolean): Promise<ShortcutSettings> {
  return shortcutSettings().update((current) => ({ ...current, singleKeys }));
}

/**
 * How a control names its shortcut, as the rep set them up: aria-keyshortcuts ("c Alt+Shift+C", or the chord alone
 * with single keys off) and the words for its title ("C or Alt+Shift+C").
 */
export function useShortcutKeys(action: ShortcutAction): { aria: string | undefined; title: string } {
  const singleKeys = useShortcutSettings()?.singleKeys ?? true;
  const key = keyFor(action);
  if (key === null) return { aria: undefined, title: '' };
  return { aria: ariaKeyShortcuts(action, { singleKeys }) ?? undefined, title: singleKeys ? `${key.toUpperCase()} or ${chordLabel(key)}` : chordLabel(key) };
}
