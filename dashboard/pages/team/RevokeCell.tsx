import { useState } from 'react';
import { messageOf } from '../../shell/states';

/** Revoked by hand, or past its expiry: the two ends every revocable secret (a token, a shared screen) can reach. */
export function endedStatus(item: { revokedAt: string | null; expiresAt: string | null }, at: Date): 'revoked' | 'expired' | null {
  if (item.revokedAt !== null) return 'revoked';
  if (item.expiresAt !== null && new Date(item.expiresAt) <= at) return 'expired';
  return null;
}

/**
 * The last cell of a revocable row: a Revoke button while it still works, and the server's refusal beside it. The
 * caller says how to revoke and what to do after (usually reload the list).
 */
export function RevokeCell({ name, live, revoke, onRevoked }: { name: string; live: boolean; revoke: () => Promise<unknown>; onRevoked: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const click = async () => {
    setError(null);
    try {
      await revoke();
      onRevoked();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <td>
      {live ? (
        <button type="button" className="danger" aria-label={`Revoke ${name}`} onClick={click}>
          Revoke
        </button>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </td>
  );
}
