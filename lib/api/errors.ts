import type { InputIssue } from '../core/model/parse';
/** Why a call to the Leadside API did not give an answer, in the terms the sync engine acts on. */
export type ApiFailureKind =
  | 'offline' // the network failed: nothing reached the server, or the answer never came back
  | 'unauthorized' // 401: the token is unknown, revoked or expired (`tokenExpired`); the rep must sign in again
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'bad_request' // 400/413: the request itself is wrong; retrying will not help
  | 'rate_limited' // 429: wait `retryAfterMs`
  | 'server'; // 5xx or an answer that is not what the API promises

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status: number | null = null,
    /** From Retry-After, when the server said how long to wait. */
    readonly retryAfterMs: number | null = null,
    /** The server's error code (`not_found`, `token_expired`, …), when its answer carried one. */
    readonly code: string | null = null,
    /** The fields a 400 names (`{path, message}`), so a form can show each message at its field. */
    readonly issues: readonly InputIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** A 401 because the token passed its expiry (not because it was revoked or never existed). */
  get tokenExpired(): boolean {
    return this.kind === 'unauthorized' && this.code === 'token_expired';
  }

  /** Worth trying again later, as opposed to a request that will never succeed as it is. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'rate_limited' || this.kind === 'server';
  }
}

export function kindForStatus(status: number): ApiFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
