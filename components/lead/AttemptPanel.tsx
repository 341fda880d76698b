import { memo, useCallback, useEffect, useId, useRef, useState, type ButtonHTMLAttributes } from 'react';
import type { ContentSuggestion } from '../../lib/core/model/derived';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, type AttemptChannel, type AttemptOutcome } from '../../lib/core/model/vocabulary';
import { logAttempt, undoAttempt } from '../../lib/db/writes';
import type { ShortcutAction } from '../../lib/view-model/keyboard';
import { CHANNEL_LABELS, OUTCOME_LABELS } from '../../lib/view-model/labels';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useShortcuts } from '../hooks/useShortcuts';
import { useShortcutKeys } from '../hooks/useShortcutSettings';

/** How long the Undo stays on screen after a log. */
export const UNDO_WINDOW_MS = 8_000;

export interface AttemptPanelProps {
  contactId: string;
  /** Library items the rep copied links to: they go with the next attempt (suggestions then skip them for 30 days). */
  attachments: readonly Pick<ContentSuggestion, 'contentId' | 'title'>[];
  onAttachmentsUsed: () => void;
  onRemoveAttachment: (contentId: string) => void;
  /** The channel the cadence's next step plans (lib/view-model/cadence primaryLogChannel): its button comes first, as the primary one. */
  primaryChannel?: AttemptChannel | null;
}

interface Logged {
  attemptId: string;
  text: string;
}

/**
 * Logging an attempt, one click.
 *
 * The flow: the outcome chips come first and are optional; a chip stays selected (aria-pressed) until the next log
 * uses it, and a second click clears it. A click on Call, Email, Voicemail or Social logs the attempt at once, with the
 * selected outcome and the note if any, then clears both so the next log starts clean. So one click always logs
 * ("Email" the moment it is sent), and an outcome costs one more click before it, never a dialog after. The other
 * way round (log, then pick an outcome) would need the attempt amended afterwards, which the API has no mutation for;
 * undo-and-log-again would send two changes for one call.
 *
 * The write is local (attempt and outbox in one transaction), so the countdown moves as soon as it resolves, online
 * or offline; an Undo shows for eight seconds. Keyboard: c, e, v, s log; 1–6 pick an outcome; n goes to the note;
 * z undoes (see lib/view-model/keyboard).
 */
export const AttemptPanel = memo(function AttemptPanel({ contactId, attachments, onAttachmentsUsed, onRemoveAttachment, primaryChannel = null }: AttemptPanelProps) {
  const write = useLocalWrite();
  const headingId = useId();
  const noteId = useId();
  const noteRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<AttemptOutcome | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<Logged | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const busyRef = useRef(false);

  useEffect(() => {
    if (!logged) return;
    const timer = setTimeout(() => setLogged(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [logged]);

  const log = useCallback(
    async (channel: AttemptChannel) => {
      // One write at a time: a double click logs once.
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        const attempt = await write((ctx) =>
          logAttempt(ctx, {
            contactId,
            channel,
            outcome,
            note: note.trim() === '' ? null : note.trim(),
            contentIds: attachments.map((a) => a.contentId),
          }),
        );
        const what = outcome ? `${CHANNEL_LABELS[channel]} logged: ${OUTCOME_LABELS[outcome].toLowerCase()}.` : `${CHANNEL_LABELS[channel]} logged.`;
        setLogged({ attemptId: attempt.id, text: what });
        setMessage(null);
        setOutcome(null);
        setNote('');
        if (attachments.length > 0) onAttachmentsUsed();
      } catch (err) {
        setMessage({ kind: 'error', text: `Not logged: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [write, contactId, outcome, note, attachments, onAttachmentsUsed],
  );

  const undo = useCallback(async () => {
    if (!logged) return;
    const { attemptId } = logged;
    setLogged(null);
    try {
      await write((ctx) => undoAttempt(ctx, attemptId));
      setMessage({ kind: 'status', text: 'Undone: that attempt no longer counts.' });
    } catch (err) {
      setMessage({ kind: 'error', text: `Could not undo: ${err instanceof Error ? err.message : String(err)}` });
    }
  }, [write, logged]);

  const toggleOutcome = useCallback((o: AttemptOutcome) => setOutcome((current) => (current === o ? null : o)), []);

  useShortcuts((action: ShortcutAction) => {
    switch (action.kind) {
      case 'log':
        void log(action.channel);
        return true;
      case 'outcome':
        toggleOutcome(action.outcome);
        return true;
      case 'note':
        noteRef.current?.focus();
        return true;
      case 'undo':
        if (!logged) return false;
        void undo();
        return true;
      default:
        return false;
    }
  });

  return (
    <section className="section attempts" aria-labelledby={headingId}>
      <h3 id={headingId}>Log an attempt</h3>
      <div role="group" aria-label="Outcome (optional)" className="chips">
        {ATTEMPT_OUTCOMES.map((o) => (
          <ShortcutButton
            key={o}
            action={{ kind: 'outcome', outcome: o }}
            className="chip-button"
            aria-pressed={outcome === o}
            purpose="Outcome for the next log"
            onClick={() => toggleOutcome(o)}
          >
            {OUTCOME_LABELS[o]}
          </ShortcutButton>
        ))}
      </div>
      <div role="group" aria-label="Log now" className="channels">
        {(primaryChannel ? [primaryChannel, ...ATTEMPT_CHANNELS.filter((c) => c !== primaryChannel)] : ATTEMPT_CHANNELS).map((c) => (
          <ShortcutButton
            key={c}
            action={{ kind: 'log', channel: c }}
            className={c === primaryChannel ? 'channel-button channel-button--primary' : 'channel-button'}
            aria-busy={busy || undefined}
            purpose={`Log ${CHANNEL_LABELS[c].toLowerCase()} now${outcome ? `: ${OUTCOME_LABELS[outcome].toLowerCase()}` : ''}`}
            onClick={() => void log(c)}
          >
            {CHANNEL_LABELS[c]}
          </ShortcutButton>
        ))}
      </div>
      <label htmlFor={noteId} className="attempts__note-label">
        Note (optional)
      </label>
      <input
        id={noteId}
        ref={noteRef}
        className="attempts__note"
        type="text"
        maxLength={2000}
        aria-keyshortcuts="n"
        placeholder="Goes with the next log"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      {attachments.length > 0 && (
        <div className="attempts__attachments">
          <span>Sent with the next log:</span>
          <ul>
            {attachments.map((a) => (
              <li key={a.contentId}>
                {a.title}{' '}
                <button type="button" className="link-button" aria-label={`Do not attach ${a.title}`} onClick={() => onRemoveAttachment(a.contentId)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="toast-slot" role="status">
        {logged && (
          <div className="toast">
            <span>{logged.text}</span>
            <button type="button" onClick={() => void undo()} aria-keyshortcuts="z" title="Undo (Z)">
              Undo
            </button>
          </div>
        )}
        {!logged && message?.kind === 'status' && <span>{message.text}</span>}
      </div>
      {message?.kind === 'error' && (
        <p role="alert" className="error-text">
          {message.text}
        </p>
      )}
    </section>
  );
});

/** A button with a keyboard shortcut (lib/view-model/keyboard): its key and chord are announced and shown in its title. */
function ShortcutButton({ action, purpose, ...button }: { action: ShortcutAction; purpose: string } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'title'>) {
  const keys = useShortcutKeys(action);
  return <button type="button" aria-keyshortcuts={keys.aria} title={`${purpose} (${keys.title})`} {...button} />;
}
