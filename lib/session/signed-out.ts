import type { SyncState } from '../db/types';

/** What the panel and the options page say when the server refused a token because it expired. */
export const TOKEN_EXPIRED_MESSAGE = 'Your Leadside token expired — sign in again';

/**
 * Why the extension is signed out: never signed in (or signed out by the rep), the token expired, or the server
 * refused it for another reason (revoked, unknown, its user disabled), with the server's words.
 */
export type SignedOutReason = { kind: 'not_signed_in' } | { kind: 'token_expired' } | { kind: 'token_refused'; message: string };

/** The reason, from whether a sign-in is stored and the sync state; null while signed in. */
export function signedOutReason(signedIn: boolean, sync: SyncState | null): SignedOutReason | null {
  if (!signedIn) return { kind: 'not_signed_in' };
  if (sync?.status !== 'signed_out') return null;
  if (sync.signedOutBecause === 'token_expired') return { kind: 'token_expired' };
  return { kind: 'token_refused', message: sync.lastError ?? 'the token was refused' };
}

/** "1 change waits here and is sent once you sign in": nothing logged while signed out is lost. Null for none. */
export function waitingForSignIn(pending: number): string | null {
  if (pending === 0) return null;
  return pending === 1 ? '1 change waits here and is sent once you sign in.' : `${pending} changes wait here and are sent once you sign in.`;
}
