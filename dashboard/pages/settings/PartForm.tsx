import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { SettingsSection } from '../../../lib/core/model/admin-requests';
import type { InputIssue } from '../../../lib/core/model/parse';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { Role } from '../../../lib/core/model/vocabulary';
import { IssuesProvider, RefusalSummary } from './controls';
import type { SaveResult } from './part';

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'refused'; issues: InputIssue[] };

/**
 * One part of the settings as its own form: a heading, the fields, a Save button for the part's owners. A refusal (by
 * the schema before sending, or by the server) is summed up at the top, linked to each field, and shown at the field;
 * a role that does not own the part sees the same fields disabled and who may change them.
 */
export function PartForm<K extends SettingsSection>({
  part,
  title,
  description,
  editable,
  owners,
  save,
  onSaved,
  extraActions,
  extraIssues = [],
  children,
}: {
  part: K;
  title: string;
  description?: string;
  editable: boolean;
  owners: readonly Role[];
  /** Builds the part from the form and saves it. */
  save: () => Promise<SaveResult>;
  /** The part as stored (the server may add to it: a country's holidays), to show from now on. */
  onSaved: (stored: WorkspaceSettings[K]) => void;
  extraActions?: ReactNode;
  /** Refusals found by something else than a save (the scoring preview), shown at their fields too. */
  extraIssues?: readonly InputIssue[];
  children: ReactNode;
}) {
  const headingId = useId();
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const issues = status.state === 'refused' ? status.issues : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus({ state: 'saving' });
    save().then(
      (result) => {
        if (result.ok) {
          onSaved(result.settings[part]);
          setStatus({ state: 'saved' });
        } else setStatus({ state: 'refused', issues: result.issues });
      },
      (error: unknown) => setStatus({ state: 'refused', issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }] }),
    );
  };
  return (
    <section className="card settings-part" aria-labelledby={headingId} data-part={part}>
      <h2 id={headingId}>{title}</h2>
      {description ? <p className="muted">{description}</p> : null}
      {!editable ? <p className="muted small-note">Read-only for your role: {owners.join(', ')} may change it.</p> : null}
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        <RefusalSummary issues={issues} />
        <IssuesProvider issues={extraIssues.length > 0 ? [...issues, ...extraIssues] : issues}>
          {/* A disabled fieldset disables every control in it: the read-only view is the same form. */}
          <fieldset className="settings-part__fields" disabled={!editable || status.state === 'saving'}>
            <legend className="sr-only">{title}</legend>
            {children}
          </fieldset>
        </IssuesProvider>
        {editable ? (
          <div className="settings-part__actions">
            <button type="submit" disabled={status.state === 'saving'}>
              Save {title.toLowerCase()}
            </button>
            {extraActions}
            <span role="status" aria-live="polite" className="muted">
              {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'Saved.' : ''}
            </span>
          </div>
        ) : null}
      </form>
    </section>
  );
}
