import { useId } from 'react';
import { useServices } from '../services';

/** Not signed in (or the token stopped working): one button to the options page, where sign-in lives. */
export function SignedOut({ reason }: { reason: string | null }) {
  const { platform } = useServices();
  const headingId = useId();
  return (
    <section className="empty" aria-labelledby={headingId}>
      <h2 id={headingId}>{reason ? 'Sign in again' : 'Sign in to Leadside'}</h2>
      <p>
        {reason
          ? `Your server stopped accepting this sign-in (${reason}). Sign in again to keep syncing; nothing you logged is lost.`
          : 'Leadside shows the lead on your screen, its score and your follow-up clock once you sign in to your team’s Leadside server.'}
      </p>
      <button type="button" className="primary" onClick={() => void platform.openOptionsPage()}>
        Sign in
      </button>
    </section>
  );
}
