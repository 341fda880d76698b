import { useState, type FormEvent } from 'react';
import type { SuggestedLead, SuggestionPage } from '../../../lib/core/model/contact-requests';
import type { WorkspaceUser } from '../../../lib/core/model/admin-requests';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { usePaged } from '../../shell/usePaged';

/** The owner choice: the suggester (the server's default), nobody, or a rep by id. */
const SUGGESTER = 'suggester';
const NOBODY = 'nobody';

/** Leads reps put forward, pending review: accept one with an owner and a lead type, or reject it with a reason. */
export function SuggestionsSection() {
  const { api, session, formats: f } = useDashboard();
  const list = usePaged<SuggestionPage>('suggestions', (before) => api.suggestions({ before }));
  // Only managers and admins may list users; for marketing the owner is the suggester or nobody.
  const reps = useLoad(`reps:${session.user.role}`, async () => (session.user.role === 'marketing' ? [] : (await api.users()).filter((u) => u.role === 'rep' && !u.disabled)));
  const suggestions = list.pages.flatMap((p) => p.suggestions);
  return (
    <section className="card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Leads reps suggested</h2>
      {list.first.state === 'loading' ? (
        <Loading what="the suggested leads" />
      ) : list.first.state === 'error' ? (
        <ErrorState what="the suggested leads" error={list.first.error} retry={list.first.reload} />
      ) : suggestions.length === 0 ? (
        <Empty title="Nothing to review">Addresses reps put forward from their mail and CRM pages show here until someone accepts or rejects them.</Empty>
      ) : (
        <ul className="plain-list review-list">
          {suggestions.map((s) => (
            <SuggestionItem key={s.id} suggestion={s} reps={reps.state === 'ready' ? reps.data : []} />
          ))}
        </ul>
      )}
      {list.moreError ? (
        <p className="error-text" role="alert">
          Could not load more: {messageOf(list.moreError)}
        </p>
      ) : null}
      {list.hasMore ? (
        <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : `Show more (${f.count(suggestions.length)} shown)`}
        </button>
      ) : null}
    </section>
  );
}

type Outcome = { kind: 'accepted'; owner: string } | { kind: 'rejected'; reason: string };

function SuggestionItem({ suggestion: s, reps }: { suggestion: SuggestedLead; reps: readonly WorkspaceUser[] }) {
  const { api, formats: f } = useDashboard();
  const [owner, setOwner] = useState(SUGGESTER);
  const [leadType, setLeadType] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const who = s.name ?? s.email;
  const headingId = `suggestion-${s.id}`;

  const submit = (e: FormEvent, work: () => Promise<Outcome>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    work().then(
      (o) => setOutcome(o),
      (err: unknown) => {
        setError(err);
        setBusy(false);
      },
    );
  };
  const accept = (e: FormEvent) =>
    submit(e, async () => {
      const ownerId = owner === SUGGESTER ? undefined : owner === NOBODY ? null : owner;
      const { contact } = await api.acceptSuggestion(s.id, { ownerId, leadType: leadType.trim() === '' ? null : leadType.trim() });
      const name = contact.ownerId === null ? 'nobody yet' : (reps.find((r) => r.id === contact.ownerId)?.name ?? (contact.ownerId === s.suggestedBy.id ? s.suggestedBy.name : contact.ownerId));
      return { kind: 'accepted', owner: name };
    });
  const reject = (e: FormEvent) => submit(e, async () => ({ kind: 'rejected', reason: (await api.rejectSuggestion(s.id, reason)).reason }));

  return (
    <li className="card review-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={`mailto:${s.email}`}>{who}</a>
        {s.name ? <span className="muted small-note"> {s.email}</span> : null}
      </h3>
      <p className="small-note">
        {[s.title, s.company].filter(Boolean).join(' at ') || 'No title or company given'} · suggested by {s.suggestedBy.name} on {f.date(s.suggestedAt)}
        {s.seenOn ? (
          <>
            {' '}
            · seen on <a href={s.seenOn}>{new URL(s.seenOn).host}</a>
          </>
        ) : null}
      </p>
      {s.note ? <p>“{s.note}”</p> : null}
      {outcome ? (
        <p className="notice notice--ok" role="status">
          {outcome.kind === 'accepted' ? `Accepted: ${who} is now a lead owned by ${outcome.owner}.` : `Rejected: ${outcome.reason}`}
        </p>
      ) : (
        <div className="two-columns">
          <form onSubmit={accept} aria-label={`Accept ${who}`} className="plan-form">
            <div className="field">
              <label htmlFor={`owner-${s.id}`}>Owner</label>
              <select id={`owner-${s.id}`} value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value={SUGGESTER}>{s.suggestedBy.name} (who suggested it)</option>
                {reps
                  .filter((r) => r.id !== s.suggestedBy.id)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                <option value={NOBODY}>Nobody yet</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`lead-type-${s.id}`}>Lead type</label>
              <input id={`lead-type-${s.id}`} value={leadType} onChange={(e) => setLeadType(e.target.value)} placeholder="e.g. inbound_demo" />
            </div>
            <button type="submit" disabled={busy}>
              Accept
            </button>
          </form>
          <form onSubmit={reject} aria-label={`Reject ${who}`} className="plan-form">
            <div className="field">
              <label htmlFor={`reason-${s.id}`}>Reason to reject</label>
              <input id={`reason-${s.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="submit" disabled={busy}>
              Reject
            </button>
          </form>
        </div>
      )}
      {error ? (
        <p className="error-text" role="alert">
          {messageOf(error)}
        </p>
      ) : null}
    </li>
  );
}
