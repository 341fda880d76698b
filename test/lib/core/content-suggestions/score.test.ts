import { describe, expect, it } from 'vitest';
import { SUGGESTION_WEIGHTS, matchPersona, scoreItem } from '../../../../lib/core/content-suggestions';
import { item } from './fixtures';

describe('matchPersona', () => {
  it.each<[string, string[], string | null, string | null]>([
    ['abbreviation as a word', ['cfo'], 'CFO', 'cfo'],
    ['abbreviation among others', ['cfo'], 'Acting CFO/COO', 'cfo'],
    ['case-insensitive both ways', ['CFO'], 'cfo', 'cfo'],
    ['"it" as a word', ['it'], 'Head of IT', 'it'],
    ['"it" inside "Security" is not IT', ['it'], 'Security Lead', null],
    ['longer persona as a substring', ['engineer'], 'Engineering Manager', 'engineer'],
    ['persona inside a compound', ['marketing'], 'VP, Digital-Marketing', 'marketing'],
    ['first matching persona wins', ['sales', 'vp', 'marketing'], 'VP Marketing', 'vp'],
    ['no personas: for anyone, scores nothing', [], 'CFO', null],
    ['no title', ['cfo'], null, null],
    ['no match', ['cfo', 'finance'], 'Software Engineer', null],
  ])('%s', (_name, personas, title, expected) => {
    expect(matchPersona(personas, title)).toBe(expected);
  });
});

describe('scoreItem', () => {
  it('documents its weights in one place', () => {
    expect(SUGGESTION_WEIGHTS).toEqual({ journeyMatch: 3, journeyAdjacent: 1, persona: 2, perInterestTopic: 1, interestTopicsCap: 3, assistsCap: 2 });
  });

  it.each<[string, Parameters<typeof item>[2] & { journeyStage: 'awareness' | 'consideration' | 'decision' }, string | null, string[], number]>([
    // target is always decision below.
    ['stage match only: 3', { journeyStage: 'decision' }, null, [], 3],
    ['adjacent stage only: 1', { journeyStage: 'consideration' }, null, [], 1],
    ['two stages away: 0', { journeyStage: 'awareness' }, null, [], 0],
    ['match + persona: 3 + 2 = 5', { journeyStage: 'decision', personas: ['cfo'] }, 'CFO', [], 5],
    ['match + 2 interest topics: 3 + 2 = 5', { journeyStage: 'decision', topics: ['pricing', 'security', 'sso'] }, null, ['pricing', 'sso'], 5],
    ['topics capped at 3: 3 + 3 = 6 (4 matched)', { journeyStage: 'decision', topics: ['a', 'b', 'c', 'd'] }, null, ['a', 'b', 'c', 'd'], 6],
    ['assists 3: log2(4)/2 = 1 → 3 + 1 = 4', { journeyStage: 'decision', assists: 3 }, null, [], 4],
    ['assists 15: log2(16)/2 = 2 → 3 + 2 = 5', { journeyStage: 'decision', assists: 15 }, null, [], 5],
    ['assists 1000: capped at 2 → 3 + 2 = 5', { journeyStage: 'decision', assists: 1000 }, null, [], 5],
    ['assists 1: log2(2)/2 = 0.5 → 1 + 0.5 = 1.5', { journeyStage: 'consideration', assists: 1 }, null, [], 1.5],
    ['everything: 3 + 2 + 3 + 2 = 10', { journeyStage: 'decision', personas: ['cfo'], topics: ['a', 'b', 'c'], assists: 63 }, 'CFO', ['a', 'b', 'c'], 10],
  ])('%s', (_name, extra, title, interests, expected) => {
    const { journeyStage, ...rest } = extra;
    expect(scoreItem(item('k1', journeyStage, rest), 'decision', title, new Set(interests)).score).toBeCloseTo(expected, 10);
  });

  it('assists 12 add log2(13)/2 ≈ 1.850', () => {
    // log2(13) = 3.7004397…, halved 1.8502198…
    expect(scoreItem(item('k1', 'awareness', { assists: 12 }), 'decision', null, new Set()).score).toBeCloseTo(1.8502, 4);
  });
});
