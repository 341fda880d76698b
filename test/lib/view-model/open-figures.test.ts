import { describe, expect, it } from 'vitest';
import { opensFigureNote } from '../../../lib/view-model/open-figures';

const someone = { optedOut: false, openTrackingConsent: null };

describe('opensFigureNote: what the panel says in place of per-person opens', () => {
  it('says nothing where opens are per person, including settings cached before the setting existed', () => {
    expect(opensFigureNote({ tracking: { emailOpens: 'per_person' } }, someone)).toBeNull();
    expect(opensFigureNote({ tracking: { mode: 'legitimate_interest', siteOrigins: [] } }, someone)).toBeNull();
    expect(opensFigureNote(null, someone)).toBeNull();
  });

  it('names why opens are not the person’s', () => {
    expect(opensFigureNote({ tracking: { emailOpens: 'aggregate' } }, someone)).toBe('Opens are counted per email only (workspace setting)');
    expect(opensFigureNote({ tracking: { requireOpenConsent: true } }, someone)).toBe('Opens are counted per email only: no consent to individual tracking');
    expect(opensFigureNote({ tracking: {} }, { ...someone, openTrackingConsent: 'denied' })).toBe('Opens are counted per email only: the person declined individual tracking');
    expect(opensFigureNote({ tracking: { emailOpens: 'off' } }, someone)).toBe('Opens are not tracked (workspace setting)');
  });

  it('keeps the figure (what was recorded before) when all tracking is off or the person opted out', () => {
    expect(opensFigureNote({ tracking: { mode: 'off' } }, someone)).toBeNull();
    expect(opensFigureNote({ tracking: {} }, { ...someone, optedOut: true })).toBeNull();
  });
});
