import { DAY_MS, HOUR_MS, MINUTE_MS } from './time-units';

// The lifetimes of browser sign-in (docs/promises.md § Security): a link mailed or printed to a person lives long
// enough to be opened, the extension's code only long enough for the tab it opens; a session ends when left idle for
// a working day or a week after sign-in, whichever comes first.

export const SIGN_IN_LINK_MS = 15 * MINUTE_MS;
export const DASHBOARD_CODE_MS = 60_000;
/** The extension's one-time sign-in code `npm start` prints: long enough to load the extension and open the link. */
export const EXTENSION_CODE_MS = 15 * MINUTE_MS;
export const SESSION_IDLE_MS = 12 * HOUR_MS;
export const SESSION_ABSOLUTE_MS = 7 * DAY_MS;

/** Where a session stands at a moment: usable, left idle too long, past its absolute expiry, or signed out. */
export type SessionState = 'live' | 'idle' | 'expired' | 'ended';

export interface SessionTimes {
  lastSeenAt: Date;
  /** The absolute expiry: sign-in + SESSION_ABSOLUTE_MS. */
  expiresAt: Date;
  endedAt: Date | null;
}

/** The one rule for whether a session still works. Signed out beats expired; each expiry is exclusive of its instant. */
export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt) return 'ended';
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return 'idle';
  return 'live';
}

/** When a live session ends if nobody uses it again: the earlier of its idle and absolute expiries. */
export function sessionEndsAt(session: Pick<SessionTimes, 'lastSeenAt' | 'expiresAt'>): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + SESSION_IDLE_MS, session.expiresAt.getTime()));
}

/** Where a one-time sign-in link or code stands: usable, used once already, or past its expiry. */
export type GrantState = 'usable' | 'used' | 'expired';

export function grantState(grant: { usedAt: Date | null; expiresAt: Date }, now: Date): GrantState {
  if (grant.usedAt) return 'used';
  if (grant.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}
