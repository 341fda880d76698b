import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ReasonChoice } from '../../lib/core/stage/reasons';
import { parseDealValue, reasonFormError } from '../../lib/view-model/stage-actions';

/** Error text under a form, tied to the field it is about. */
function FormError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} role="alert" className="error-text">
      {message}
    </p>
  ) : null;
}

/** Won: the opportunity becomes a customer, with the deal's value if the rep knows it. */
export function WonForm({ currency, onSubmit, onCancel }: { currency: string; onSubmit: (dealValue: number | null) => Promise<void>; onCancel: () => void }) {
  const valueId = useId();
  const errorId = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseDealValue(text);
    if (!parsed.ok) {
      setError(parsed.message);
      ref.current?.focus();
      return;
    }
    await onSubmit(parsed.value);
  }

  return (
    <form className="stage__form" aria-label="Won" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={valueId}>Deal value ({currency}, optional)</label>
      <input
        id={valueId}
        ref={ref}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder="e.g. 48000"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      <div className="actions">
        <button type="submit" className="primary">
          Mark won
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormError id={errorId} message={error} />
    </form>
  );
}

export interface ReasonFormProps {
  title: string;
  submitLabel: string;
  danger?: boolean;
  choices: readonly ReasonChoice[];
  /** Why a reason is not offered yet ("2 attempts left before Could not reach."). */
  note: string | null;
  /** For a loss: where the lead goes next (nurture again, or closed for good). */
  destinations?: readonly { value: string; label: string }[];
  onSubmit: (reason: { reasonCode: string; reason: string | null; destination: string | null }) => Promise<void>;
  onCancel: () => void;
}

/** A reason from the workspace's list, "other" with a text, or a code with an optional detail. */
export function ReasonForm({ title, submitLabel, danger, choices, note, destinations, onSubmit, onCancel }: ReasonFormProps) {
  const reasonId = useId();
  const textId = useId();
  const errorId = useId();
  const destinationName = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [destination, setDestination] = useState(destinations?.[0]?.value ?? null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => selectRef.current?.focus(), []);

  const choice = choices.find((c) => c.code === code);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = reasonFormError(choice, text);
    if (problem || !choice) {
      setError(problem);
      (choice ? textRef : selectRef).current?.focus();
      return;
    }
    await onSubmit({ reasonCode: choice.code, reason: text.trim() || null, destination });
  }

  return (
    <form className="stage__form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={reasonId}>Reason</label>
      <select
        id={reasonId}
        ref={selectRef}
        value={code}
        aria-invalid={error && !choice ? true : undefined}
        aria-describedby={error && !choice ? errorId : undefined}
        onChange={(e) => {
          setCode(e.target.value);
          setError(null);
        }}
      >
        <option value="">Choose a reason</option>
        {choices.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </select>
      {note && <p className="small-note">{note}</p>}
      <label htmlFor={textId}>{choice?.needsText ? 'Say why (required)' : 'Detail (optional)'}</label>
      <textarea
        id={textId}
        ref={textRef}
        rows={2}
        maxLength={500}
        value={text}
        aria-invalid={error && choice ? true : undefined}
        aria-describedby={error && choice ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      {destinations && destinations.length > 1 && (
        <fieldset>
          <legend>Then</legend>
          {destinations.map((d) => (
            <label key={d.value}>
              <input type="radio" name={destinationName} value={d.value} checked={destination === d.value} onChange={() => setDestination(d.value)} />
              {d.label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className={danger ? 'danger' : 'primary'}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormError id={errorId} message={error} />
    </form>
  );
}
