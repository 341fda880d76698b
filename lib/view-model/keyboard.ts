import type { AttemptChannel, AttemptOutcome } from '../core/model/vocabulary';
import { ATTEMPT_OUTCOMES } from '../core/model/vocabulary';
import { CHANNEL_LABELS, OUTCOME_LABELS } from './labels';

export type ShortcutAction =
  | { kind: 'log'; channel: AttemptChannel }
  | { kind: 'outcome'; outcome: AttemptOutcome }
  | { kind: 'note' }
  | { kind: 'undo' }
  | { kind: 'queue' }
  | { kind: 'help' };

export interface Shortcut {
  /** The key as KeyboardEvent.key gives it (lower case for letters). */
  key: string;
  action: ShortcutAction;
  /** What it does, for the help list. */
  description: string;
}

const CHANNEL_KEYS: readonly [string, AttemptChannel][] = [
  ['c', 'call'],
  ['e', 'email'],
  ['v', 'voicemail'],
  ['s', 'social'],
];

/** Every shortcut of the panel; the help popover lists them in this order. */
export const SHORTCUTS: readonly Shortcut[] = [
  ...CHANNEL_KEYS.map(([key, channel]) => ({ key, action: { kind: 'log', channel } as const, description: `Log ${CHANNEL_LABELS[channel].toLowerCase()} now` })),
  ...ATTEMPT_OUTCOMES.map((outcome, i) => ({
    key: String(i + 1),
    action: { kind: 'outcome', outcome } as const,
    description: `Outcome of the attempt just logged: ${OUTCOME_LABELS[outcome].toLowerCase()} (again to clear)`,
  })),
  { key: 'n', action: { kind: 'note' }, description: 'Write a note for the next attempt' },
  { key: 'z', action: { kind: 'undo' }, description: 'Undo the attempt just logged' },
  { key: 'q', action: { kind: 'queue' }, description: 'Show the follow-up queue' },
  { key: '?', action: { kind: 'help' }, description: 'Show or hide these shortcuts' },
];

/** The key for a channel ("c") and an outcome ("2"), for titles and aria-keyshortcuts. */
export function keyFor(action: ShortcutAction): string | null {
  const found = SHORTCUTS.find((s) => sameAction(s.action, action));
  return found ? found.key : null;
}

/** How the rep set the shortcuts up (the options page; lib/stored/shortcut-settings.ts keeps it). */
export interface ShortcutSettings {
  /** Whether a key alone (C, 1, Z…) acts; the Alt+Shift chords always do. */
  singleKeys: boolean;
}

/**
 * The modifier for the chords that work even with single keys off (WCAG 2.1.4). Alt+Shift, because Chrome keeps only
 * Alt+Shift+T, I and A for itself on Windows, Linux and macOS (none of ours); Ctrl+Shift and Alt alone hit Chrome's own
 * (Ctrl+Shift+N, Q, C; Alt+E and Alt+F open its menu). ChromeOS keeps Alt+Shift+S and N for its shelf.
 */
export const CHORD_PREFIX = 'Alt+Shift+';

/** The physical key (KeyboardEvent.code) of each shortcut key: Option+Shift+C types "Ç" on a Mac, its code stays KeyC. */
function keyOfCode(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (code === 'Slash') return '?';
  return null;
}

/** "Alt+Shift+C" for "c"; "?" is Shift+/ already, so its chord is Alt+Shift+/. */
export function chordLabel(key: string): string {
  return `${CHORD_PREFIX}${key === '?' ? '/' : key.toUpperCase()}`;
}

/** aria-keyshortcuts for an action: its chord, and its single key first when those are on ("c Alt+Shift+C"). */
export function ariaKeyShortcuts(action: ShortcutAction, settings: ShortcutSettings): string | null {
  const key = keyFor(action);
  if (key === null) return null;
  return settings.singleKeys ? `${key} ${chordLabel(key)}` : chordLabel(key);
}

export interface KeyEventLike {
  key: string;
  /** The physical key ("KeyC"), for the chords. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  target: EventTarget | null;
  /** Set while an input method composes text. */
  isComposing?: boolean;
}

/**
 * The action a key press asks for, or null: never while typing or composing, nor with Ctrl or Cmd held. Alt+Shift and
 * a shortcut's key always acts; the key alone only while single keys are on (a stray "c" must not log a call for a
 * rep who turned them off). Alt alone is never a shortcut.
 */
export function shortcutFor(event: KeyEventLike, settings: ShortcutSettings = { singleKeys: true }): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  let key: string | null;
  if (event.altKey) {
    if (!event.shiftKey) return null;
    key = keyOfCode(event.code ?? '');
  } else {
    if (!settings.singleKeys) return null;
    key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  }
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}

/** Inputs, text areas, selects and editable content keep their keys. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Buttons-like inputs do not take text.
  return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes((el.type ?? 'text').toLowerCase());
}

function sameAction(a: ShortcutAction, b: ShortcutAction): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
