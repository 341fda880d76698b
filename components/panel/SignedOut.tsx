import { useId } from 'react';
import { TOKEN_EXPIRED_MESSAGE, waitingForSignIn, type SignedOutReason } from '../../lib/session';
import { usePendingCount } from '../hooks/useMeta';
import { useServices } from '../services';

const HEADING: Record<SignedOutReason['kind'], string> = {
  not_signed_in: 'Sign in to Leadside',
  token_expired: TOKEN_EXPIRED_MESSAGE,
  token_refused: 'Sign in again',
};

/** Not signed in, or the token stopped working (expired, or refused): one button to the options page, where sign-in lives. */
export function SignedOut({ reason }: { reason: SignedOutReason }) {
  const { platform } = useServices();
  const pending = usePendingCount();
  const headingId = useId();
  // Shown once the outbox is counted, so "nothing is lost: 1 change waits" is never first read without its count.
  if (pending === undefined) return null;
  const waiting = waitingForSignIn(pending);
  return (
    <section className="empty" aria-labelledby={headingId}>
      <h2 id={headingId}>{HEADING[reason.kind]}</h2>
      {reason.kind === 'not_signed_in' && (
        <p>Leadside shows the lead on your screen, its score and your follow-up clock once you sign in to your team’s Leadside server.</p>
      )}
      {reason.kind === 'token_expired' && (
        <p>Ask your admin for a new token (or make one yourself), then sign in with it. Nothing you logged is lost{waiting ? `: ${waiting}` : '.'}</p>
      )}
      {reason.kind === 'token_refused' && (
        <p>
          Your server stopped accepting this sign-in ({reason.message}). Sign in again to keep syncing; nothing you logged is lost
          {waiting ? `: ${waiting}` : '.'}
        </p>
      )}
      <button type="button" className="primary" onClick={() => void platform.openOptionsPage()}>
        Sign in
      </button>
    </section>
  );
}
