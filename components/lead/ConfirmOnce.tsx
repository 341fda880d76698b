import { useEffect, useId, useRef } from 'react';

/**
 * One question before an action the rep may not mean ("No attempt logged yet: accept anyway?"): asked once, inline,
 * with the action and a way out; focus goes to it so a keyboard user hears it.
 */
export function ConfirmOnce({ question, confirmLabel, onConfirm, onCancel }: { question: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="alertdialog" aria-labelledby={id} className="confirm-once">
      <p id={id}>{question}</p>
      <div className="confirm-once__actions">
        <button type="button" className="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
