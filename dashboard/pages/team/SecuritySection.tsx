import { useState } from 'react';
import type { TrackingKeyRotation } from '../../../lib/core/model/admin-requests';
import { APP_BASE } from '../../shell/router';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';

/** Rotating the tracking key (admins), after a confirmation: links already sent stop working 30 days later. */
export function TrackingKeySection() {
  const { api, formats: f } = useDashboard();
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState<TrackingKeyRotation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotate = async () => {
    setError(null);
    try {
      setRotated(await api.rotateTrackingKey());
      setConfirming(false);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="card" aria-labelledby="team-tracking-key">
      <h2 id="team-tracking-key">Tracking key</h2>
      <p className="muted">It signs the workspace’s open pixels and tracked links. Rotate it if it may have leaked.</p>
      {confirming ? (
        <div className="notice notice--warn" role="alertdialog" aria-labelledby="rotate-question">
          <p id="rotate-question">Rotate the tracking key? Pixels and links sent before keep working for 30 days, then count as forged.</p>
          <div className="inline">
            <button type="button" className="danger" onClick={rotate}>
              Rotate it
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep the key
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Rotate the tracking key…
        </button>
      )}
      {rotated ? (
        <p className="notice notice--ok" role="status">
          Now signing with key {rotated.keyId}.{' '}
          {rotated.retired ? `Key ${rotated.retired.keyId} still verifies until ${f.dateTime(rotated.retired.verifiesUntil)}.` : 'There was no key before.'}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Ends every dashboard session of the signed-in person, in every browser (their API tokens keep working). */
export function SignOutEverywhereSection() {
  const { api } = useDashboard();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signOutEverywhere = async () => {
    setError(null);
    try {
      await api.signOutEverywhere();
      // This browser's session ended too: start again at the sign-in page.
      if (api.usesCookieSession) window.location.assign(APP_BASE);
      else setDone(true);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="card" aria-labelledby="team-sessions">
      <h2 id="team-sessions">Your sessions</h2>
      <p className="muted">Signed in on a computer you no longer use? End every dashboard session of yours, this one too.</p>
      <button type="button" onClick={signOutEverywhere}>
        Sign out everywhere
      </button>
      {done ? (
        <p className="notice notice--ok" role="status">
          Every dashboard session of yours has ended.
        </p>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
