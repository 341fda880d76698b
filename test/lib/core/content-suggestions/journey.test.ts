import { describe, expect, it } from 'vitest';
import { journeyForStage, journeySteps } from '../../../../lib/core/content-suggestions';

describe('journeyForStage', () => {
  it.each([
    ['visitor', 'awareness'],
    ['lead', 'awareness'],
    ['recycled', 'awareness'],
    ['mql', 'consideration'],
    ['sql', 'decision'],
    ['opportunity', 'decision'],
    ['customer', 'decision'],
    ['disqualified', null],
  ] as const)('%s → %s', (stage, journey) => {
    expect(journeyForStage(stage)).toBe(journey);
  });

  it.each([
    ['awareness', 'awareness', 0],
    ['awareness', 'consideration', 1],
    ['awareness', 'decision', 2],
    ['decision', 'consideration', -1],
    ['consideration', 'awareness', -1],
  ] as const)('journeySteps(%s, %s) = %i', (target, itemStage, steps) => {
    expect(journeySteps(target, itemStage)).toBe(steps);
  });
});
