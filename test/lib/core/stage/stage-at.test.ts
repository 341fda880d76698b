import { describe, expect, it } from 'vitest';
import { stageAt } from '../../../../lib/core/stage/stage-at';

describe('stageAt', () => {
  const history = [
    { from: 'mql', to: 'sql', at: '2026-01-19T15:00:00Z' },
    { from: null, to: 'mql', at: '2026-01-19T14:00:00Z' },
    { from: 'sql', to: 'opportunity', at: '2026-01-20T09:00:00Z' },
  ] as const;

  it('is the stage the last change at or before the instant moved to, whatever order history comes in', () => {
    expect(stageAt(history, '2026-01-19T14:30:00Z', 'opportunity')).toBe('mql');
    expect(stageAt(history, '2026-01-19T15:00:00Z', 'opportunity')).toBe('sql');
    expect(stageAt(history, '2026-01-21T00:00:00Z', 'opportunity')).toBe('opportunity');
  });

  it("before any change it is the first change's from, or its to when history starts with the first stage", () => {
    expect(stageAt([{ from: 'lead', to: 'mql', at: '2026-01-19T14:00:00Z' }], '2026-01-19T13:00:00Z', 'mql')).toBe('lead');
    expect(stageAt(history, '2026-01-19T13:00:00Z', 'opportunity')).toBe('mql');
  });

  it('without history it is the current stage', () => {
    expect(stageAt([], '2026-01-19T13:00:00Z', 'sql')).toBe('sql');
  });
});
