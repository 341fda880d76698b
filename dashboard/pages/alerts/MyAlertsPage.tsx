import { useId, useState, type FormEvent } from 'react';
import { ApiFailure } from '../../../lib/api/errors';
import type { AlertPreferences } from '../../../lib/core/model/alerts';
import type { MutedLead } from '../../../lib/core/model/muted-leads';
import type { InputIssue } from '../../../lib/core/model/parse';
import { useDashboard } from '../../shell/context';
import { ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { CheckboxField, IssuesProvider, RefusalSummary } from '../settings/controls';
import { RuleChecks } from '../settings/RuleChecks';

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'refused'; issues: InputIssue[] };

/**
 * My alerts, for everyone signed in (reps included): where their alerts reach them and what they muted
 * (GET/PUT /v1/me/alerts). Their own only: nobody sets another person's.
 */
export function MyAlertsPage() {
  const { api } = useDashboard();
  const load = useLoad('alert-preferences', () => api.alertPreferences());
  return (
    <div className="page my-alerts-page">
      <div className="page__head">
        <h1>My alerts</h1>
      </div>
      <p className="muted">
        Alerts about your own leads: when one is on the website, comes back, views a key page, replies, or is about to breach its SLA. Your workspace’s
        managers and marketing choose which rules alert at all.
      </p>
      <p className="notice">
        Browser notifications are switched on in the extension’s options, on each computer: open the extension’s options there and turn alerts on. This page
        sets email and what you mute, everywhere.
      </p>
      {load.state === 'loading' ? (
        <Loading what="your alerts" />
      ) : load.state === 'error' ? (
        <ErrorState what="your alerts" error={load.error} retry={load.reload} />
      ) : (
        <PreferencesForm initial={load.data} />
      )}
    </div>
  );
}

function PreferencesForm({ initial }: { initial: AlertPreferences }) {
  const { api } = useDashboard();
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const set = <K extends keyof AlertPreferences>(key: K) => (v: AlertPreferences[K]) => setDraft({ ...draft, [key]: v });
  const issues = status.state === 'refused' ? status.issues : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus({ state: 'saving' });
    api.saveAlertPreferences(draft).then(
      (saved) => {
        setDraft(saved);
        setStatus({ state: 'saved' });
      },
      (error: unknown) =>
        setStatus({ state: 'refused', issues: error instanceof ApiFailure && error.issues.length > 0 ? [...error.issues] : [{ path: '', message: messageOf(error) }] }),
    );
  };
  return (
    <form className="card settings-part" onSubmit={submit} noValidate aria-label="My alerts">
      <RefusalSummary issues={issues} />
      <IssuesProvider issues={issues}>
        <fieldset className="settings-part__fields" disabled={status.state === 'saving'}>
          <legend className="sr-only">My alerts</legend>
          <RuleChecks path="emailRules" legend="Email me at once about (for when I am away from the browser)" value={draft.emailRules} onChange={set('emailRules')} />
          <CheckboxField
            path="morningDigest"
            label="A morning email with my queue (breached, overdue and due today), at the start of my working day"
            checked={draft.morningDigest}
            onChange={set('morningDigest')}
          />
          <RuleChecks path="mutedRules" legend="Never alert me about (in the browser or by email)" value={draft.mutedRules} onChange={set('mutedRules')} />
          <MutedLeads ids={draft.mutedContacts} onChange={set('mutedContacts')} />
        </fieldset>
      </IssuesProvider>
      <div className="settings-part__actions">
        <button type="submit" disabled={status.state === 'saving'}>
          Save my alerts
        </button>
        <span role="status" aria-live="polite" className="muted">
          {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}

/** How a muted lead reads: its name, else its email, else its id (deleted since, or the names could not be loaded). */
function labelOf(lead: MutedLead | undefined, id: string): string {
  if (!lead) return id;
  return lead.name ?? lead.email ?? `A lead no longer in the workspace (${id})`;
}

/**
 * The leads muted (from a lead's panel in the extension), each with a button to stop muting it; the change is saved with
 * the form. Names come from GET /v1/me/alerts/leads, as stored when the page opened.
 */
function MutedLeads({ ids, onChange }: { ids: readonly string[]; onChange: (ids: string[]) => void }) {
  const { api } = useDashboard();
  const headingId = useId();
  const names = useLoad('muted-leads', () => api.mutedLeads());
  const known = new Map(names.state === 'ready' ? names.data.leads.map((l) => [l.id, l]) : []);
  return (
    <section aria-labelledby={headingId} className="muted-leads">
      <h2 id={headingId}>Muted leads</h2>
      {ids.length === 0 ? (
        <p className="muted">No muted leads. Mute one from its panel in the extension when you no longer want to hear about it.</p>
      ) : names.state === 'loading' ? (
        <Loading what="the muted leads" />
      ) : (
        <>
          {names.state === 'error' ? <ErrorState what="the muted leads’ names" error={names.error} retry={names.reload} /> : null}
          <ul>
            {ids.map((id) => {
              const label = labelOf(known.get(id), id);
              return (
                <li key={id} className="muted-lead">
                  <span className="muted-lead__name">{label}</span>
                  {known.get(id)?.name && known.get(id)?.email ? <span className="muted"> {known.get(id)!.email}</span> : null}{' '}
                  <button type="button" aria-label={`Stop muting ${label}`} onClick={() => onChange(ids.filter((x) => x !== id))}>
                    Stop muting
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
