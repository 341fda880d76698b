import { useEffect } from 'react';
import { undoStageChange, type MadeStageChange } from '../../lib/db/writes';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { UNDO_WINDOW_MS } from './AttemptPanel';

export interface UndoableStageChange {
  made: MadeStageChange;
  /** "Accepted: now an SQL." */
  text: string;
}

/**
 * The same Undo an attempt gets, for a stage change: eight seconds on screen, then gone (the move stays in the
 * timeline). Undoing queues contact.stage_undo after the move, so the server ends in the old stage with both in its
 * history.
 */
export function StageUndoToast({ change, onDone }: { change: UndoableStageChange; onDone: (message: { kind: 'status' | 'error'; text: string } | null) => void }) {
  const write = useLocalWrite();
  useEffect(() => {
    const timer = setTimeout(() => onDone(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [change, onDone]);
  const undo = async () => {
    try {
      await write((ctx) => undoStageChange(ctx, change.made));
      onDone({ kind: 'status', text: 'Undone: the stage is back as it was.' });
    } catch (err) {
      onDone({ kind: 'error', text: `Could not undo: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  return (
    <div className="toast">
      <span>{change.text}</span>
      <button type="button" onClick={() => void undo()}>
        Undo
      </button>
    </div>
  );
}
