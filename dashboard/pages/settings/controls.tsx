import { createContext, useContext, useId, type ReactNode } from 'react';
import type { InputIssue } from '../../../lib/core/model/parse';

/**
 * The settings forms' controls: a label for every input, a hint and the refusal linked by aria-describedby, and
 * aria-invalid when the part's last save (or the check before it) named this field. `path` is the field's place in the
 * settings document ("policies.0.attempts"): the schemas and the server name refused fields by it.
 */

const IssuesContext = createContext<readonly InputIssue[]>([]);

export function IssuesProvider({ issues, children }: { issues: readonly InputIssue[]; children: ReactNode }) {
  return <IssuesContext.Provider value={issues}>{children}</IssuesContext.Provider>;
}

/**
 * The messages the last refusal gave for this field, one line. A field of one entry a line (`lines`) also takes its
 * entries' messages ("domains.1" → "line 2: …").
 */
export function useFieldError(path: string, entries: 'line' | 'entry' | null = null): string | null {
  const messages = useContext(IssuesContext).flatMap((i) => {
    if (i.path === path) return [i.message];
    if (!entries || !i.path.startsWith(`${path}.`)) return [];
    const index = Number(i.path.slice(path.length + 1).split('.')[0]);
    return [Number.isInteger(index) ? `${entries} ${index + 1}: ${i.message}` : i.message];
  });
  return messages.length === 0 ? null : messages.join('; ');
}

/** The id of the input at a path: stable, so the error summary can link to it. */
export const inputIdOf = (path: string) => `setting-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function Described({ path, hint, entries, children }: { path: string; hint?: string; entries?: 'line' | 'entry'; children: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const error = useFieldError(path, entries ?? null);
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      {children({ id: inputIdOf(path), 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <span id={hintId} className="muted small-note">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="error-text">
          {error}
        </span>
      ) : null}
    </>
  );
}

interface TextProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** "decimal" for numbers: the phone shows digits; the text stays as typed. */
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url';
  /** A comma-separated list: its entries' refusals ("…followUpBusinessHours.1") show here as "entry 2: …". */
  list?: boolean;
}

export function TextField({ path, label, value, onChange, hint, inputMode, list }: TextProps) {
  return (
    <div className="field">
      <Described path={path} hint={hint} entries={list ? 'entry' : undefined}>
        {(a11y) => (
          <>
            <label htmlFor={a11y.id}>{label}</label>
            <input {...a11y} inputMode={inputMode} value={value} onChange={(e) => onChange(e.target.value)} />
          </>
        )}
      </Described>
    </div>
  );
}

export function NumberField(props: Omit<TextProps, 'inputMode' | 'list'>) {
  return <TextField {...props} inputMode="decimal" />;
}

/** One entry a line: domains, origins, dates. */
export function LinesField({ path, label, value, onChange, hint, rows = 4 }: Omit<TextProps, 'inputMode' | 'list'> & { rows?: number }) {
  return (
    <div className="field">
      <Described path={path} hint={hint} entries="line">
        {(a11y) => (
          <>
            <label htmlFor={a11y.id}>{label}</label>
            <textarea {...a11y} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
          </>
        )}
      </Described>
    </div>
  );
}

export function CheckboxField({ path, label, checked, onChange, hint }: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  return (
    <div className="field">
      <Described path={path} hint={hint}>
        {(a11y) => (
          <label className="inline" htmlFor={a11y.id}>
            <input {...a11y} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
          </label>
        )}
      </Described>
    </div>
  );
}

export function SelectField<V extends string>({ path, label, value, options, onChange, hint }: { path: string; label: string; value: V; options: readonly (readonly [V, string])[]; onChange: (value: V) => void; hint?: string }) {
  return (
    <div className="field">
      <Described path={path} hint={hint}>
        {(a11y) => (
          <>
            <label htmlFor={a11y.id}>{label}</label>
            <select {...a11y} value={value} onChange={(e) => onChange(e.target.value as V)}>
              {options.map(([v, text]) => (
                <option key={v} value={v}>
                  {text}
                </option>
              ))}
            </select>
          </>
        )}
      </Described>
    </div>
  );
}

/** A group of fields with its name read out before them (a policy, a day's hours, a reason list). */
export function Group({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={`settings-group ${className ?? ''}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A refused save summed up above its form, each issue linked to its field (the same look on every form). */
export function RefusalSummary({ issues }: { issues: readonly InputIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="notice notice--danger" role="alert">
      <p>
        <strong>Not saved.</strong> Fix {issues.length === 1 ? 'this' : 'these'} and save again:
      </p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            {i.path ? <a href={`#${inputIdOf(i.path)}`}>{i.path}</a> : null}
            {i.path ? ': ' : ''}
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
