import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from '../../lib/view-model/keyboard';

/** The keyboard shortcuts, in a popover the header's button (or "?") opens; Escape closes it. */
export function ShortcutsHelp({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const panelId = useId();
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
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => onToggle(!open)}
      >
        <span aria-hidden="true">⌨</span>
        <span className="sr-only">Keyboard shortcuts</span>
      </button>
      <div id={panelId} className="popover" hidden={!open} role="region" aria-label="Keyboard shortcuts">
        <p className="popover__hint">Not while typing in a field.</p>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="popover__row">
              <dt>
                <kbd>{s.key.toUpperCase()}</kbd>
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
