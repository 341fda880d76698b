import { memo, useId, useRef, useState, useEffect, type FormEvent } from 'react';
import type { Contact } from '../../lib/core/model/contact';
import { changeStage, type StageChange } from '../../lib/db/writes';
import { allowedMoves, moversFor } from '../../lib/core/stage/transitions';
import { STAGE_LABELS } from '../../lib/view-model/labels';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useMeta } from '../hooks/useMeta';

/** The server's rule for a recycle or disqualify reason (lib/core/model/mutations). */
const MIN_REASON = 3;

type Mode = 'recycle' | 'disqualify';

const FORM: Readonly<Record<Mode, { title: string; submit: string; hint: string }>> = {
  recycle: { title: 'Recycle to marketing', submit: 'Recycle', hint: 'Why it goes back to marketing, e.g. "no budget until Q3"' },
  disqualify: { title: 'Disqualify', submit: 'Disqualify', hint: 'Why it is not a fit, e.g. "student, no buying role"' },
};

/** Closed-loop feedback: accept an MQL as an SQL, recycle it to marketing or disqualify it, always with a reason. */
export const StageSection = memo(function StageSection({ contact }: { contact: Contact }) {
  const write = useLocalWrite();
  const headingId = useId();
  const reasonId = useId();
  const errorId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (mode) reasonRef.current?.focus();
  }, [mode]);

  const me = useMeta('me');
  const stage = contact.stage;
  // The panel offers only the moves the stage table gives this user; the cache holds only what they may work.
  const moves = allowedMoves(stage, moversFor(me?.user.role ?? 'rep')).map((t) => t.to);
  const canAccept = moves.includes('sql');
  const canRecycle = moves.includes('recycled');
  const canDisqualify = moves.includes('disqualified');

  async function apply(change: StageChange, confirmation: string) {
    try {
      await write((ctx) => changeStage(ctx, contact.id, change));
      setDone(confirmation);
      setError(null);
      setMode(null);
      setReason('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  function open(next: Mode) {
    setMode(next);
    setReason('');
    setError(null);
    setDone(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!mode) return;
    const text = reason.trim();
    if (text.length < MIN_REASON) {
      setError(`Give a reason of at least ${MIN_REASON} characters.`);
      reasonRef.current?.focus();
      return;
    }
    await apply({ kind: mode, reason: text }, mode === 'recycle' ? 'Recycled to marketing.' : 'Disqualified.');
  }

  return (
    <section className="section stage" aria-labelledby={headingId}>
      <h3 id={headingId}>Stage: {STAGE_LABELS[stage]}</h3>
      {!canAccept && !canRecycle && !canDisqualify ? (
        <p className="muted">No stage actions for a {STAGE_LABELS[stage].toLowerCase()}.</p>
      ) : (
        <div className="actions">
          {canAccept && (
            <button type="button" className="primary" onClick={() => void apply({ kind: 'stage', to: 'sql' }, 'Accepted: now an SQL.')}>
              Accept as SQL
            </button>
          )}
          {canRecycle && (
            <button type="button" aria-expanded={mode === 'recycle'} onClick={() => (mode === 'recycle' ? setMode(null) : open('recycle'))}>
              Recycle to marketing
            </button>
          )}
          {canDisqualify && (
            <button type="button" className="danger" aria-expanded={mode === 'disqualify'} onClick={() => (mode === 'disqualify' ? setMode(null) : open('disqualify'))}>
              Disqualify
            </button>
          )}
        </div>
      )}
      {mode && (
        <form className="stage__form" aria-label={FORM[mode].title} onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor={reasonId}>Reason (required)</label>
          <textarea
            id={reasonId}
            ref={reasonRef}
            rows={2}
            maxLength={500}
            placeholder={FORM[mode].hint}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setMode(null);
            }}
          />
          <div className="actions">
            <button type="submit" className={mode === 'disqualify' ? 'danger' : 'primary'}>
              {FORM[mode].submit}
            </button>
            <button type="button" onClick={() => setMode(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p id={errorId} role="alert" className="error-text">
          {error}
        </p>
      )}
      <p role="status" className="small-note">
        {done}
      </p>
    </section>
  );
});
