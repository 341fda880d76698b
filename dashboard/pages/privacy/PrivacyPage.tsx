import { useId, useState, type FormEvent } from 'react';
import { ApiFailure } from '../../../lib/api/errors';
import { PRIVACY_KINDS, type PrivacyEraseResult, type PrivacyExportFormat, type PrivacyKind, type PrivacySubject } from '../../../lib/core/model/privacy';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';

/** What each kind of held data is called on the page. */
const KIND_LABELS: Record<PrivacyKind, string> = {
  contact: 'Contact record',
  activities: 'Activities (visits, opens, clicks, replies)',
  attempts: 'Attempts logged by reps',
  stageChanges: 'Stage history',
  questions: 'Questions they asked',
  trackedEmails: 'Tracked emails',
  visitors: 'Website browsers tied to them',
  visitorEvents: 'Website history',
  alerts: 'Alerts about them',
  alertMessages: 'Alert emails and chat posts',
  webhookDeliveries: 'Webhook events sent to the team’s other tools',
  suggestedLeads: 'Lead suggestions',
  scopeEntries: 'Reps holding them in the extension',
  auditEvents: 'Audit events about them',
};

type Find = { state: 'idle' } | { state: 'finding' } | { state: 'found'; subject: PrivacySubject } | { state: 'failed'; message: string };

/**
 * Privacy requests (managers and admins): find a contact by email, download everything held about them (JSON or CSV),
 * and erase them for good after typing their address again (GET /v1/privacy/subject, …/export, POST …/erase).
 */
export function PrivacyPage() {
  const { api } = useDashboard();
  const emailId = useId();
  const [email, setEmail] = useState('');
  const [find, setFind] = useState<Find>({ state: 'idle' });
  const [erased, setErased] = useState<PrivacyEraseResult | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErased(null);
    setFind({ state: 'finding' });
    api.privacySubject(email).then(
      (subject) => setFind({ state: 'found', subject }),
      (error: unknown) => setFind({ state: 'failed', message: error instanceof ApiFailure && error.status === 404 ? `No contact with the email ${email.trim()} in this workspace.` : messageOf(error) }),
    );
  };
  return (
    <div className="page privacy-page">
      <div className="page__head">
        <h1>Privacy requests</h1>
      </div>
      <p className="muted">When a person asks what is held about them, or asks to be forgotten: find them by email, send them the export, or erase them.</p>
      <form className="card privacy-page__find" onSubmit={submit} aria-label="Find a contact" noValidate>
        <label htmlFor={emailId}>Contact’s email address</label>
        <input id={emailId} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        <button type="submit" disabled={find.state === 'finding' || email.trim() === ''}>
          Find
        </button>
      </form>
      {find.state === 'failed' ? (
        <p className="notice notice--danger" role="alert">
          {find.message}
        </p>
      ) : null}
      {erased ? (
        <p className="notice" role="status">
          Erased contact {erased.contactId}: {Object.values(erased.removed).reduce((a, b) => a + b, 0)} records removed. Every rep’s extension drops them at its next sync;
          the audit log keeps only that an erasure happened.
        </p>
      ) : null}
      {find.state === 'found' ? (
        <SubjectCard
          key={find.subject.contactId}
          subject={find.subject}
          onErased={(result) => {
            setErased(result);
            setFind({ state: 'idle' });
          }}
        />
      ) : null}
    </div>
  );
}

function SubjectCard({ subject, onErased }: { subject: PrivacySubject; onErased: (result: PrivacyEraseResult) => void }) {
  const headingId = useId();
  return (
    <section className="card privacy-page__subject" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {subject.name ?? subject.email}
        {subject.deleted ? <span className="muted"> (deleted from the lists; still held until erased)</span> : null}
      </h2>
      <p className="muted">
        {subject.email}
        {subject.company ? ` · ${subject.company}` : ''}
      </p>
      <table className="privacy-page__counts">
        <caption>What is held about them</caption>
        <tbody>
          {PRIVACY_KINDS.map((k) => (
            <tr key={k}>
              <th scope="row">{KIND_LABELS[k]}</th>
              <td>{subject.counts[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Downloads contactId={subject.contactId} />
      <EraseForm subject={subject} onErased={onErased} />
    </section>
  );
}

function Downloads({ contactId }: { contactId: string }) {
  const { api } = useDashboard();
  const [status, setStatus] = useState<string | null>(null);
  const download = (format: PrivacyExportFormat) => {
    setStatus(`Preparing the ${format.toUpperCase()} export…`);
    api.privacyExport(contactId, format).then(
      (file) => {
        saveFile(file.text, file.fileName, file.type);
        setStatus(`Downloaded ${file.fileName}.`);
      },
      (error: unknown) => setStatus(`Could not export: ${messageOf(error)}`),
    );
  };
  return (
    <div className="privacy-page__downloads">
      <button type="button" onClick={() => download('json')}>
        Download JSON
      </button>
      <button type="button" onClick={() => download('csv')}>
        Download CSV
      </button>
      {status ? (
        <p role="status" className="muted">
          {status}
        </p>
      ) : null}
    </div>
  );
}

function EraseForm({ subject, onErased }: { subject: PrivacySubject; onErased: (result: PrivacyEraseResult) => void }) {
  const { api } = useDashboard();
  const confirmId = useId();
  const errorId = useId();
  const [typed, setTyped] = useState('');
  const [erasing, setErasing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErasing(true);
    setRefusal(null);
    api.erasePrivacySubject(subject.contactId, typed).then(onErased, (error: unknown) => {
      setErasing(false);
      const atField = error instanceof ApiFailure ? error.issues.find((i) => i.path === 'confirmEmail') : undefined;
      setRefusal(atField ? `The confirmation ${atField.message}.` : messageOf(error));
    });
  };
  return (
    <form className="privacy-page__erase" onSubmit={submit} aria-label="Erase this contact" noValidate>
      <p className="notice notice--danger">
        Erasing deletes the contact and everything above for good: it cannot be undone. Reports lose their activity.
      </p>
      <label htmlFor={confirmId}>Type {subject.email} to confirm</label>
      <input
        id={confirmId}
        type="email"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        aria-invalid={refusal ? true : undefined}
        aria-describedby={refusal ? errorId : undefined}
      />
      {refusal ? (
        <p id={errorId} className="error-text" role="alert">
          {refusal}
        </p>
      ) : null}
      <button type="submit" className="danger" disabled={erasing || typed.trim() === ''}>
        Erase for good
      </button>
    </form>
  );
}

/** Hands the text to the browser as a download (a link to a Blob, clicked once). */
function saveFile(text: string, fileName: string, type: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
