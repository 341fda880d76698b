import { describe, expect, it } from 'vitest';
import { grantState, sessionEndsAt, sessionState } from '../../../lib/core/session-state';

const at = (iso: string) => new Date(iso);
// Signed in Monday 09:00 UTC: the absolute end is the next Monday 09:00.
const session = { lastSeenAt: at('2026-01-19T09:00:00Z'), expiresAt: at('2026-01-26T09:00:00Z'), endedAt: null };

describe('sessionState', () => {
  it('is live until 12 hours after its last use, exclusive', () => {
    expect(sessionState(session, at('2026-01-19T20:59:59.999Z'))).toBe('live');
    expect(sessionState(session, at('2026-01-19T21:00:00Z'))).toBe('idle');
  });

  it('expires at its absolute end however recently used, and that beats idle', () => {
    const busy = { ...session, lastSeenAt: at('2026-01-26T08:59:00Z') };
    expect(sessionState(busy, at('2026-01-26T08:59:59Z'))).toBe('live');
    expect(sessionState(busy, at('2026-01-26T09:00:00Z'))).toBe('expired');
    expect(sessionState(session, at('2026-01-27T00:00:00Z'))).toBe('expired');
  });

  it('is ended once signed out, whatever the dates', () => {
    expect(sessionState({ ...session, endedAt: at('2026-01-19T10:00:00Z') }, at('2026-01-19T10:00:00Z'))).toBe('ended');
    expect(sessionState({ ...session, endedAt: at('2026-01-19T10:00:00Z') }, at('2026-02-01T00:00:00Z'))).toBe('ended');
  });

  it('ends, if left alone, at the earlier of 12 hours idle and the absolute end', () => {
    expect(sessionEndsAt(session).toISOString()).toBe('2026-01-19T21:00:00.000Z');
    expect(sessionEndsAt({ ...session, lastSeenAt: at('2026-01-26T01:00:00Z') }).toISOString()).toBe('2026-01-26T09:00:00.000Z');
  });
});

describe('grantState', () => {
  const grant = { usedAt: null, expiresAt: at('2026-01-19T09:15:00Z') };
  it('is usable until its expiry, exclusive; used beats expired', () => {
    expect(grantState(grant, at('2026-01-19T09:14:59Z'))).toBe('usable');
    expect(grantState(grant, at('2026-01-19T09:15:00Z'))).toBe('expired');
    expect(grantState({ ...grant, usedAt: at('2026-01-19T09:01:00Z') }, at('2026-01-19T10:00:00Z'))).toBe('used');
  });
});
