import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Attempt } from '../../lib/core/model/attempt';
import { ATTEMPT_OUTCOMES } from '../../lib/core/model/vocabulary';
import { amendAttempt, undoAttempt } from '../../lib/db/writes';
import { canChangeAttempt } from '../../lib/view-model/attempt-edit';
import { formatMoment } from '../../lib/view-model/format';
import { CHANNEL_LABELS, OUTCOME_LABELS } from '../../lib/view-model/labels';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useMeta } from '../hooks/useMeta';
import { useServices } from '../services';

export interface AttemptChanges {
  /** Whether a timeline row offers "Change" for this attempt (see canChangeAttempt). */
  canChange: (attempt: Attempt) => boolean;
  open: (attemptId: string) => void;
  /** The open editor, or null: shown above the timeline's list, whose rows keep their height. */
  editor: ReactNode;
}

/**
 * Changing an attempt from the timeline, after the toast has gone: its outcome, its note, or undoing it, for as long
 * as the server allows (a day, by its author or a manager). The timeline's rows only carry a "Change" button; the
 * editor opens above the list, so a windowed row never has to grow.
 */
export function useAttemptChanges(attempts: readonly Attempt[]): AttemptChanges {
  const me = useMeta('me');
  const { now } = useServices();
  const [openId, setOpenId] = useState<string | null>(null);
  const user = me ? { id: me.user.id, role: me.user.role } : null;
  const userId = user?.id;
  const role = user?.role;
  const canChange = useCallback(
    (a: Attempt) => canChangeAttempt(a, userId && role ? { id: userId, role } : null, now()),
    [userId, role, now],
  );
  const attempt = openId === null ? undefined : attempts.find((a) => a.id === openId);
  const editor = attempt && canChange(attempt) ? <AttemptEditor key={attempt.id} attempt={attempt} onClose={() => setOpenId(null)} /> : null;
  return { canChange, open: setOpenId, editor };
}

/** The row's button: named after the attempt, so a screen reader's list of buttons says which one it changes. */
export function ChangeAttemptButton({ attempt, label, onOpen }: { attempt: Attempt; label: string; onOpen: (attemptId: string) => void }) {
  return (
    <button type="button" className="link-button trow__change" aria-label={`Change ${label}`} onClick={() => onOpen(attempt.id)}>
      Change
    </button>
  );
}

function AttemptEditor({ attempt, onClose }: { attempt: Attempt; onClose: () => void }) {
  const write = useLocalWrite();
  const { now } = useServices();
  const headingId = useId();
  const noteId = useId();
  const [note, setNote] = useState(attempt.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const channel = CHANNEL_LABELS[attempt.channel];
  const when = formatMoment(new Date(attempt.at), now());

  const run = async (change: Parameters<typeof write>[0], after?: () => void) => {
    try {
      await write(change);
      setError(null);
      after?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section ref={ref} tabIndex={-1} className="attempt-editor" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {channel} at {when}
      </h4>
      <div role="group" aria-label={`Outcome of this ${channel.toLowerCase()}`} className="chips">
        {ATTEMPT_OUTCOMES.map((o) => (
          <button
            key={o}
            type="button"
            className="chip-button"
            aria-pressed={attempt.outcome === o}
            onClick={() => void run((ctx) => amendAttempt(ctx, attempt.id, { outcome: attempt.outcome === o ? null : o }))}
          >
            {OUTCOME_LABELS[o]}
          </button>
        ))}
      </div>
      <label htmlFor={noteId}>Note</label>
      <input id={noteId} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="attempt-editor__actions">
        <button type="button" onClick={() => void run((ctx) => amendAttempt(ctx, attempt.id, { note: note.trim() === '' ? null : note }))}>
          Save note
        </button>
        <button type="button" onClick={() => void run((ctx) => undoAttempt(ctx, attempt.id), onClose)}>
          Undo this {channel.toLowerCase()}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          Not changed: {error}
        </p>
      )}
    </section>
  );
}
