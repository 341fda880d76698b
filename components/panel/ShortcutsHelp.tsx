import { useEffect, useId, useRef } from 'react';
import { chordLabel, SHORTCUTS } from '../../lib/view-model/keyboard';
import { setSingleKeys, useShortcutSettings } from '../hooks/useShortcutSettings';

/**
 * The keyboard shortcuts, in a popover the header's button (or "?") opens; Escape closes it. Each key has an Alt+Shift
 * chord too, and single keys can be switched off here as in the options page (WCAG 2.1.4).
 */
export function ShortcutsHelp({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const panelId = useId();
  const toggleId = useId();
  const settings = useShortcutSettings();
  const singleKeys = settings?.singleKeys ?? true;
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        onToggle(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onToggle]);
  return (
    <div className="shortcuts">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-keyshortcuts={singleKeys ? `? ${chordLabel('?')}` : chordLabel('?')}
        title={`Keyboard shortcuts (${singleKeys ? '? or ' : ''}${chordLabel('?')})`}
        onClick={() => onToggle(!open)}
      >
        <span aria-hidden="true">⌨</span>
        <span className="sr-only">Keyboard shortcuts</span>
      </button>
      <div id={panelId} className="popover" hidden={!open} role="region" aria-label="Keyboard shortcuts">
        <p className="popover__hint">Not while typing in a field.</p>
        <p className="popover__toggle">
          <input id={toggleId} type="checkbox" checked={singleKeys} disabled={settings === undefined} onChange={(e) => void setSingleKeys(e.target.checked)} />
          <label htmlFor={toggleId}>Single keys act alone</label>
        </p>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="popover__row">
              <dt>
                {singleKeys && (
                  <>
                    <kbd>{s.key.toUpperCase()}</kbd> or{' '}
                  </>
                )}
                <kbd>{chordLabel(s.key)}</kbd>
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
