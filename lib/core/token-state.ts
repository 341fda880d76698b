/** Where an API token stands at a moment: usable, past its expiry, or revoked. */
export type TokenState = 'active' | 'expired' | 'revoked';

/**
 * The one rule for whether a token still works. Revoked beats expired: a revoked token never works again, whatever its
 * date. A token expires at its `expiresAt` exactly; one without an expiry never does.
 */
export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** An instant as people read it in a message or a CLI listing: "2026-03-11 15:00 UTC". */
export function utcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
