import { useState, type FormEvent } from 'react';
import type { NewSharedScreen, SharedScreen } from '../../../lib/core/model/sessions';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { OnceSecret } from './OnceSecret';
import { endedStatus, RevokeCell } from './RevokeCell';

/**
 * Shared screens (managers and admins): read-only links to the SLA page for a team screen, no sign-in. The URL is
 * shown once, when made (the server keeps its hash only); a revoked link answers 410 from then on.
 */
export function SharedScreensSection() {
  const { api, now } = useDashboard();
  const screens = useLoad('shared-screens', () => api.sharedScreens());
  const [made, setMade] = useState<NewSharedScreen | null>(null);
  return (
    <section className="card" aria-labelledby="team-shared">
      <h2 id="team-shared">Shared screens</h2>
      <p className="muted">A link to the SLA page anyone can open without signing in: names and counts, nothing else. Revoke it when the screen is gone.</p>
      <NewScreenForm
        onMade={(s) => {
          setMade(s);
          screens.reload();
        }}
      />
      {made ? <OnceSecret label={`Link to “${made.name}”`} value={made.url} note="Shown this once: open it on the team screen, or keep it where the team finds it." /> : null}
      {screens.state === 'loading' ? (
        <Loading what="the shared screens" />
      ) : screens.state === 'error' ? (
        <ErrorState what="the shared screens" error={screens.error} retry={screens.reload} />
      ) : screens.data.length === 0 ? (
        <Empty title="No shared screens yet" />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Made</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {screens.data.map((s) => (
                <ScreenRow key={s.id} screen={s} status={statusOf(s, now())} onRevoked={screens.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function statusOf(screen: SharedScreen, at: Date): 'revoked' | 'expired' | 'live' {
  return endedStatus(screen, at) ?? 'live';
}

function ScreenRow({ screen, status, onRevoked }: { screen: SharedScreen; status: string; onRevoked: () => void }) {
  const { api, formats: f } = useDashboard();
  return (
    <tr data-testid={`shared-${screen.id}`}>
      <th scope="row">{screen.name}</th>
      <td>{f.dateTime(screen.createdAt)}</td>
      <td>{screen.expiresAt ? f.date(screen.expiresAt) : 'never'}</td>
      <td>{status}</td>
      <RevokeCell name={screen.name} live={status === 'live'} revoke={() => api.revokeSharedScreen(screen.id)} onRevoked={onRevoked} />
    </tr>
  );
}

function NewScreenForm({ onMade }: { onMade: (screen: NewSharedScreen) => void }) {
  const { api } = useDashboard();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      // The lifetime goes as typed: the server says what it must be.
      onMade(await api.createSharedScreen(days.trim() === '' ? { name } : { name, expiresInDays: Number(days) }));
      setName('');
      setDays('');
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form className="inline token-form" onSubmit={submit} aria-label="New shared screen">
      <label className="field">
        <span>Screen name</span>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>Lasts for days (empty: until revoked)</span>
        <input type="text" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit">Make a link</button>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
