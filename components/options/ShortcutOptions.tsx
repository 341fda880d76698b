import { useId } from 'react';
import { chordLabel } from '../../lib/view-model/keyboard';
import { setSingleKeys, useShortcutSettings } from '../hooks/useShortcutSettings';

/**
 * The panel's keyboard shortcuts on the options page: single keys (C logs a call) can be switched off, the Alt+Shift
 * chords stay (WCAG 2.1.4: a stray key press must not act for someone who cannot avoid one).
 */
export function ShortcutOptions() {
  const settings = useShortcutSettings();
  const headingId = useId();
  const toggleId = useId();
  const hintId = useId();
  return (
    <section className="options__shortcuts" aria-labelledby={headingId}>
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <p className="options__check">
        <input
          id={toggleId}
          type="checkbox"
          aria-describedby={hintId}
          checked={settings?.singleKeys ?? true}
          disabled={settings === undefined}
          onChange={(e) => void setSingleKeys(e.target.checked)}
        />
        <label htmlFor={toggleId}>Single-key shortcuts in the side panel</label>
      </p>
      <p id={hintId} className="options__hint">
        When on, C, E, V and S log a call, email, voicemail or social touch, 1 to 6 pick an outcome, N writes a note, Z
        undoes and Q shows the queue. Off, only {chordLabel('c')} and the like do, so a stray key press logs nothing.
      </p>
    </section>
  );
}
