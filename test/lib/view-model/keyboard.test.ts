// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyFor, shortcutFor, SHORTCUTS } from '../../../lib/view-model/keyboard';

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
