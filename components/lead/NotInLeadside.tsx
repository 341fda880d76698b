import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { suggestLead } from '../../lib/db/writes';
import { Ago } from '../common/Ago';
import { useLocalWrite } from '../hooks/useLocalWrite';
import { useServices } from '../services';

export interface NotInLeadsideProps {
  email: string;
  name: string | null;
  /** The page the address was seen on, sent with the suggestion for the reviewer. */
  seenOn: string | null;
}

/** An address Leadside does not know: it is offered as a lead for review, never created silently (docs/architecture.md § Pages the extension reads). */
export function NotInLeadside({ email, name, seenOn }: NotInLeadsideProps) {
  const { db } = useServices();
  const write = useLocalWrite();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const suggestion = useLiveQuery(async () => (await db.suggestions.where('email').equals(email).first()) ?? null, [db, email]);
  if (suggestion === undefined) return null;

  async function suggest() {
    try {
      await write((ctx) => suggestLead(ctx, { email, name, seenOn }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <article className="lead lead--unknown" aria-labelledby={headingId}>
      <header className="lead__who">
        <h2 id={headingId} className="lead__name">
          {name ?? email}
        </h2>
        {name && <p className="lead__email">{email}</p>}
      </header>
      <p>
        <strong>Not in Leadside.</strong> Nobody on your team has this address as a contact.
      </p>
      {suggestion ? (
        <p role="status" className="notice notice--ok">
          Suggested as a lead <Ago at={suggestion.suggestedAt} />. It waits for review by marketing or a manager.
        </p>
      ) : (
        <>
          <button type="button" className="primary" onClick={() => void suggest()}>
            Suggest as lead
          </button>
          {error && (
            <p role="alert" className="error-text">
              Not suggested: {error}
            </p>
          )}
        </>
      )}
    </article>
  );
}
