// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, chordLabel, isTypingTarget, keyFor, shortcutFor, SHORTCUTS } from '../../../lib/view-model/keyboard';

const press = (key: string, target: EventTarget | null = document.body, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });

describe('keyboard shortcuts', () => {
  it.each([
    ['c', { kind: 'log', channel: 'call' }],
    ['E', { kind: 'log', channel: 'email' }],
    ['v', { kind: 'log', channel: 'voicemail' }],
    ['s', { kind: 'log', channel: 'social' }],
    ['1', { kind: 'outcome', outcome: 'connected' }],
    ['6', { kind: 'outcome', outcome: 'meeting_booked' }],
    ['n', { kind: 'note' }],
    ['z', { kind: 'undo' }],
    ['q', { kind: 'queue' }],
    ['?', { kind: 'help' }],
    ['x', null],
    ['7', null],
    ['Enter', null],
  ])('%s → %o', (key, action) => {
    expect(press(key)).toEqual(action);
  });

  it('leaves keys alone while typing, composing or with a modifier held', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const select = document.createElement('select');
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    for (const target of [input, textarea, select, editable]) expect(press('c', target)).toBeNull();
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(press('c', checkbox)).toEqual({ kind: 'log', channel: 'call' });
    expect(press('c', document.body, { ctrlKey: true })).toBeNull();
    expect(press('c', document.body, { metaKey: true })).toBeNull();
    expect(press('c', document.body, { altKey: true })).toBeNull();
    expect(press('c', document.body, { isComposing: true })).toBeNull();
  });

  it('every key is used once, and each action can name its key', () => {
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
    expect(keyFor({ kind: 'log', channel: 'voicemail' })).toBe('v');
    expect(keyFor({ kind: 'outcome', outcome: 'no_answer' })).toBe('2');
  });
});

describe('shortcuts with a modifier, and single keys switched off (WCAG 2.1.4)', () => {
  const chord = (code: string, key: string, singleKeys: boolean, target: EventTarget | null = document.body, mods: Partial<{ ctrlKey: boolean; metaKey: boolean }> = {}) =>
    shortcutFor({ key, code, ctrlKey: false, metaKey: false, altKey: true, shiftKey: true, target, ...mods }, { singleKeys });

  it('Alt+Shift and the same key does the same, by the physical key (Option+Shift+C types "Ç" on a Mac)', () => {
    expect(chord('KeyC', 'Ç', true)).toEqual({ kind: 'log', channel: 'call' });
    expect(chord('KeyE', 'E', false)).toEqual({ kind: 'log', channel: 'email' });
    expect(chord('Digit2', '@', false)).toEqual({ kind: 'outcome', outcome: 'no_answer' });
    expect(chord('KeyZ', 'Z', false)).toEqual({ kind: 'undo' });
    expect(chord('KeyQ', 'Q', false)).toEqual({ kind: 'queue' });
    expect(chord('Slash', '?', false)).toEqual({ kind: 'help' });
    expect(chord('KeyX', 'X', false)).toBeNull();
  });

  it('not while typing, and not with Ctrl or Cmd held too', () => {
    expect(chord('KeyC', 'C', true, document.createElement('textarea'))).toBeNull();
    expect(chord('KeyC', 'C', true, document.body, { ctrlKey: true })).toBeNull();
    expect(chord('KeyC', 'C', true, document.body, { metaKey: true })).toBeNull();
  });

  it('with single keys off, a stray key does nothing; Alt alone or Shift alone is no chord', () => {
    expect(shortcutFor({ key: 'c', code: 'KeyC', ctrlKey: false, metaKey: false, altKey: false, target: document.body }, { singleKeys: false })).toBeNull();
    expect(shortcutFor({ key: '?', code: 'Slash', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true, target: document.body }, { singleKeys: false })).toBeNull();
    expect(shortcutFor({ key: 'c', code: 'KeyC', ctrlKey: false, metaKey: false, altKey: true, target: document.body }, { singleKeys: true })).toBeNull();
  });

  it('names both ways for aria-keyshortcuts and the help', () => {
    expect(ariaKeyShortcuts({ kind: 'log', channel: 'call' }, { singleKeys: true })).toBe('c Alt+Shift+C');
    expect(ariaKeyShortcuts({ kind: 'log', channel: 'call' }, { singleKeys: false })).toBe('Alt+Shift+C');
    expect(ariaKeyShortcuts({ kind: 'help' }, { singleKeys: true })).toBe('? Alt+Shift+/');
    expect(chordLabel('c')).toBe('Alt+Shift+C');
    expect(chordLabel('?')).toBe('Alt+Shift+/');
  });

  it('no chord is one Chrome (Windows, Linux, macOS) keeps for itself', () => {
    // Chrome's own Alt+Shift shortcuts: T (focus the toolbar), I (send feedback), A (focus an inactive dialog).
    for (const s of SHORTCUTS) expect(['t', 'i', 'a']).not.toContain(s.key);
  });
});
