import { describe, expect, it } from 'vitest';
import { presetFrom } from '../../../../lib/core/reports/period-presets';

describe('presetFrom', () => {
  // Wednesday 4 March 2026, 03:30 UTC: still Tuesday evening in New York (UTC−5 until 8 March).
  const now = new Date('2026-03-04T03:30:00Z');

  it('this week starts on the workspace’s Monday at midnight', () => {
    expect(presetFrom('this_week', now, 'America/New_York')).toBe('2026-03-02T05:00:00.000Z');
    expect(presetFrom('this_week', now, 'Asia/Tokyo')).toBe('2026-03-01T15:00:00.000Z');
  });

  it('on a Monday, this week is today', () => {
    expect(presetFrom('this_week', new Date('2026-03-02T12:00:00Z'), 'UTC')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('on a Sunday, this week began six days before', () => {
    expect(presetFrom('this_week', new Date('2026-03-08T12:00:00Z'), 'UTC')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('this quarter starts on the 1st of its first month', () => {
    expect(presetFrom('this_quarter', now, 'America/New_York')).toBe('2026-01-01T05:00:00.000Z');
    expect(presetFrom('this_quarter', new Date('2026-06-30T23:00:00Z'), 'Europe/Paris')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('the last 30 days are the server’s default: no from', () => {
    expect(presetFrom('last_30_days', now, 'UTC')).toBeUndefined();
  });
});
