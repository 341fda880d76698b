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

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  /** Set while an input method composes text. */
  isComposing?: boolean;
}

/** The action a key press asks for, or null: never while typing, composing, or with Ctrl, Cmd or Alt held. */
export function shortcutFor(event: KeyEventLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
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
