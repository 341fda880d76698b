import { memo, useCallback, useEffect, useId, useRef, useState, type ButtonHTMLAttributes } from 'react';
import type { ContentSuggestion } from '../../lib/core/model/derived';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, type AttemptChannel, type AttemptOutcome, type Role } from '../../lib/core/model/vocabulary';
import { amendAttempt, logAttempt, undoAttempt } from '../../lib/db/writes';
import type { ShortcutAction } from '../../lib/view-model/keyboard';
import { CHANNEL_LABELS, OUTCOME_LABELS } from '../../lib/view-model/labels';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useShortcuts } from '../hooks/useShortcuts';
import { useShortcutKeys } from '../hooks/useShortcutSettings';
import { ConfirmOnce } from './ConfirmOnce';
import { useOthersCadence } from './useOthersCadence';

/** How long the Undo stays on screen after a log. */
export const UNDO_WINDOW_MS = 8_000;

export interface AttemptPanelProps {
  contactId: string;
  /** Whose lead it is: a manager logging on a rep's lead is told whose cadence it is, once. */
  ownerId?: string | null;
  /** Who is looking (the signed-in user), read once the cache answered. */
  viewerId?: string | null;
  viewerRole?: Role | null;
  /** Library items the rep copied links to: they go with the next attempt (suggestions then skip them for 30 days). */
  attachments: readonly Pick<ContentSuggestion, 'contentId' | 'title'>[];
  onAttachmentsUsed: () => void;
  onRemoveAttachment: (contentId: string) => void;
  /** The channel the cadence's next step plans (lib/view-model/cadence primaryLogChannel): its button comes first, as the primary one. */
  primaryChannel?: AttemptChannel | null;
}

interface Logged {
  attemptId: string;
  channel: AttemptChannel;
  outcome: AttemptOutcome | null;
  /** Bumped at each click on the toast, so its eight seconds start again. */
  touches: number;
}

/** "Call logged." or, once amended, "Call logged: no answer." */
function loggedText({ channel, outcome }: Logged): string {
  return outcome ? `${CHANNEL_LABELS[channel]} logged: ${OUTCOME_LABELS[outcome].toLowerCase()}.` : `${CHANNEL_LABELS[channel]} logged.`;
}

/**
 * Logging an attempt, one click, and its outcome one click later.
 *
 * Reps click the channel first and the outcome second, so that is the flow: a click on Call, Email, Voicemail or
 * Social logs the attempt at once (with the note, if any, which then clears), and the toast that says so offers the
 * outcomes for that attempt; choosing one amends it (attempt.amend), choosing another amends it again, and the toast
 * says what the attempt now is. Nothing is picked ahead of a log, so nothing stays armed for the next one by surprise.
 *
 * The writes are local (data and outbox in one transaction), so the countdown moves as soon as they resolve, online
 * or offline; the toast with Undo stays eight seconds after the last click on it, and after that the timeline's row
 * offers the same for a day (AttemptRowActions). Keyboard: c, e, v, s log; 1–6 set the outcome of the attempt just
 * logged; n goes to the note; z undoes (see lib/view-model/keyboard).
 */
export const AttemptPanel = memo(function AttemptPanel({ contactId, ownerId = null, viewerId = null, viewerRole = null, attachments, onAttachmentsUsed, onRemoveAttachment, primaryChannel = null }: AttemptPanelProps) {
  const cadenceOwner = useOthersCadence(contactId, ownerId, viewerId, viewerRole);
  const write = useLocalWrite();
  const headingId = useId();
  const noteId = useId();
  const noteRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<Logged | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);
  const busyRef = useRef(false);

  useEffect(() => {
    if (!logged) return;
    const timer = setTimeout(() => setLogged(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [logged?.attemptId, logged?.touches]); // eslint-disable-line react-hooks/exhaustive-deps -- the timer restarts on a new log or a click, not on every render

  const log = useCallback(
    async (channel: AttemptChannel, answered = false) => {
      // A manager on a rep's lead hears whose cadence the attempt counts in, and answers once.
      if (!answered && cadenceOwner.ask(channel)) return;
      // One write at a time: a double click logs once.
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        const attempt = await write((ctx) =>
          logAttempt(ctx, {
            contactId,
            channel,
            note: note.trim() === '' ? null : note.trim(),
            contentIds: attachments.map((a) => a.contentId),
          }),
        );
        setLogged({ attemptId: attempt.id, channel, outcome: null, touches: 0 });
        setMessage(null);
        setNote('');
        if (attachments.length > 0) onAttachmentsUsed();
      } catch (err) {
        setMessage({ kind: 'error', text: `Not logged: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [write, contactId, note, attachments, onAttachmentsUsed, cadenceOwner],
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

  /** Sets the outcome of the attempt just logged; choosing the one it has clears it. */
  const amendOutcome = useCallback(
    async (o: AttemptOutcome) => {
      if (!logged) return;
      const next = logged.outcome === o ? null : o;
      setLogged({ ...logged, outcome: next, touches: logged.touches + 1 });
      try {
        await write((ctx) => amendAttempt(ctx, logged.attemptId, { outcome: next }));
      } catch (err) {
        setLogged({ ...logged, touches: logged.touches + 2 });
        setMessage({ kind: 'error', text: `Outcome not saved: ${err instanceof Error ? err.message : String(err)}` });
      }
    },
    [write, logged],
  );

  useShortcuts((action: ShortcutAction) => {
    switch (action.kind) {
      case 'log':
        void log(action.channel);
        return true;
      case 'outcome':
        // Only while an attempt just logged is on screen: a number key never arms anything for later.
        if (!logged) return false;
        void amendOutcome(action.outcome);
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
      <div role="group" aria-label="Log now" className="channels">
        {(primaryChannel ? [primaryChannel, ...ATTEMPT_CHANNELS.filter((c) => c !== primaryChannel)] : ATTEMPT_CHANNELS).map((c) => (
          <ShortcutButton
            key={c}
            action={{ kind: 'log', channel: c }}
            className={c === primaryChannel ? 'channel-button channel-button--primary' : 'channel-button'}
            aria-busy={busy || undefined}
            purpose={`Log ${CHANNEL_LABELS[c].toLowerCase()} now`}
            onClick={() => void log(c)}
          >
            {CHANNEL_LABELS[c]}
          </ShortcutButton>
        ))}
      </div>
      {cadenceOwner.asking && (
        <ConfirmOnce
          question={cadenceOwner.question}
          confirmLabel={`Log ${CHANNEL_LABELS[cadenceOwner.asking].toLowerCase()}`}
          onCancel={cadenceOwner.cancel}
          onConfirm={() => {
            const channel = cadenceOwner.asking!;
            cadenceOwner.confirm();
            void log(channel, true);
          }}
        />
      )}
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
          <div className="toast toast--attempt">
            <span>{loggedText(logged)}</span>
            <div role="group" aria-label={`Outcome of this ${CHANNEL_LABELS[logged.channel].toLowerCase()}`} className="chips">
              {ATTEMPT_OUTCOMES.map((o) => (
                <ShortcutButton
                  key={o}
                  action={{ kind: 'outcome', outcome: o }}
                  className="chip-button"
                  aria-pressed={logged.outcome === o}
                  purpose={`Outcome of the ${CHANNEL_LABELS[logged.channel].toLowerCase()} just logged`}
                  onClick={() => void amendOutcome(o)}
                >
                  {OUTCOME_LABELS[o]}
                </ShortcutButton>
              ))}
            </div>
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
