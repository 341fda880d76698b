import { describe, expect, it } from 'vitest';
import { reasonsWithoutWords } from '../../../../lib/core/reports';

describe('reasons on a shared screen', () => {
  it('keeps listed codes with their counts and drops the words given with them', () => {
    expect(
      reasonsWithoutWords([
        { code: 'no_budget', text: 'they said q3 maybe', count: 4 },
        { code: 'wrong_person', text: null, count: 2 },
      ]),
    ).toEqual([
      { code: 'no_budget', text: null, count: 4 },
      { code: 'wrong_person', text: null, count: 2 },
    ]);
  });

  it('counts every reason given in words only as one `other`, placed where its count ranks', () => {
    expect(
      reasonsWithoutWords([
        { code: 'no_budget', text: null, count: 5 },
        { code: null, text: 'ask dana@buyer.example', count: 2 },
        { code: 'wrong_person', text: null, count: 2 },
        { code: null, text: 'moved to a competitor', count: 1 },
        { code: 'timing', text: null, count: 1 },
      ]),
    ).toEqual([
      { code: 'no_budget', text: null, count: 5 },
      { code: 'other', text: null, count: 3 },
      { code: 'wrong_person', text: null, count: 2 },
      { code: 'timing', text: null, count: 1 },
    ]);
  });

  it('puts `other` last when it outnumbers nothing, and adds none without reasons in words', () => {
    expect(reasonsWithoutWords([{ code: 'timing', text: null, count: 1 }, { code: null, text: 'x', count: 1 }])).toEqual([
      { code: 'timing', text: null, count: 1 },
      { code: 'other', text: null, count: 1 },
    ]);
    expect(reasonsWithoutWords([])).toEqual([]);
  });
});
