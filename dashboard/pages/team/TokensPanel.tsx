import { useState, type FormEvent } from 'react';
import type { ApiToken, IssuedToken, WorkspaceUser } from '../../../lib/core/model/admin-requests';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { OnceSecret } from './OnceSecret';
import { endedStatus, RevokeCell } from './RevokeCell';

/** One user's API tokens (an admin's view): newest first, revoked and expired ones too; make one, revoke one. */
export function TokensPanel({ user, onClose }: { user: WorkspaceUser; onClose: () => void }) {
  const { api, now } = useDashboard();
  const tokens = useLoad(`tokens:${user.id}`, () => api.userTokens(user.id));
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  return (
    <section className="card" aria-labelledby="team-tokens">
      <div className="row-between">
        <h3 id="team-tokens">Tokens of {user.name}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <NewTokenForm
        user={user}
        onIssued={(t) => {
          setIssued(t);
          tokens.reload();
        }}
      />
      {issued ? <OnceSecret label={`Token “${issued.name}”`} value={issued.token} note="Shown this once: the server keeps only its hash. Put it where it will be used now." /> : null}
      {tokens.state === 'loading' ? (
        <Loading what="the tokens" />
      ) : tokens.state === 'error' ? (
        <ErrorState what="the tokens" error={tokens.error} retry={tokens.reload} />
      ) : tokens.data.length === 0 ? (
        <Empty title={`${user.name} has no tokens`} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <TokenRow key={t.id} user={user} token={t} status={statusOf(t, now())} onRevoked={tokens.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function statusOf(token: ApiToken, at: Date): 'revoked' | 'expired' | 'active' {
  return endedStatus(token, at) ?? 'active';
}

function TokenRow({ user, token, status, onRevoked }: { user: WorkspaceUser; token: ApiToken; status: string; onRevoked: () => void }) {
  const { api, formats: f } = useDashboard();
  return (
    <tr data-testid={`token-${token.id}`}>
      <th scope="row">{token.name}</th>
      <td>{f.dateTime(token.createdAt)}</td>
      <td>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : 'never'}</td>
      <td>{token.expiresAt ? f.date(token.expiresAt) : 'never'}</td>
      <td>{status}</td>
      <RevokeCell name={token.name} live={status === 'active'} revoke={() => api.revokeToken(user.id, token.id)} onRevoked={onRevoked} />
    </tr>
  );
}

/** A name, and optionally a lifetime in days; the server checks both and its refusal is shown here. */
function NewTokenForm({ user, onIssued }: { user: WorkspaceUser; onIssued: (token: IssuedToken) => void }) {
  const { api } = useDashboard();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      // A number the person typed goes as they typed it: the server says what a lifetime must be.
      onIssued(await api.issueToken(user.id, days.trim() === '' ? { name } : { name, expiresInDays: Number(days) }));
      setName('');
      setDays('');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form className="inline token-form" onSubmit={submit} aria-label={`New token for ${user.name}`}>
      <label className="field">
        <span>Token name</span>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>Expires in days (empty: until revoked)</span>
        <input type="text" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit">Make a token</button>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
