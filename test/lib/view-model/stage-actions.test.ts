import { describe, expect, it } from 'vitest';
import { OutcomeSettings } from '../../../lib/core/model/outcomes';
import { moversFor } from '../../../lib/core/stage/transitions';
import { offeredReasons, parseDealValue, reasonFormError, stageActions } from '../../../lib/view-model/stage-actions';

describe('stage actions in the panel', () => {
  it.each([
    ['rep', 'mql', ['move:sql', 'recycle', 'disqualify']],
    ['rep', 'sql', ['move:opportunity', 'recycle', 'disqualify']],
    ['rep', 'opportunity', ['won', 'lost:recycled,disqualified']],
    ['rep', 'customer', []],
    ['manager', 'customer', ['move:opportunity']],
    ['marketing', 'lead', ['recycle', 'disqualify']],
    ['rep', 'recycled', ['disqualify']],
  ] as const)('a %s on a %s gets %j', (role, stage, expected) => {
    const got = stageActions(stage, moversFor(role)).map((a) => (a.kind === 'move' ? `move:${a.to}` : a.kind === 'lost' ? `lost:${a.to.join(',')}` : a.kind));
    expect(got).toEqual(expected);
  });

  it('names a manager’s correction of a win as a reopening', () => {
    expect(stageActions('customer', moversFor('manager'))).toEqual([
      { kind: 'move', to: 'opportunity', label: 'Reopen as opportunity', confirmation: 'Reopened: an opportunity again.' },
    ]);
  });

  it('leaves could not reach out until the cadence is done, saying how many attempts remain', () => {
    const outcomes = OutcomeSettings.parse({});
    const cadence = { attemptsLeft: 1 } as Parameters<typeof offeredReasons>[2];
    expect(offeredReasons(outcomes, 'recycle', cadence)).toMatchObject({ note: '1 attempt left before Could not reach.' });
    expect(offeredReasons(outcomes, 'recycle', cadence).choices.map((c) => c.code)).not.toContain('could_not_reach');
    expect(offeredReasons(outcomes, 'recycle', { ...cadence!, attemptsLeft: 0 })).toMatchObject({ note: null });
    expect(offeredReasons(outcomes, 'lost', null)).toMatchObject({ note: null });
  });

  it('says what is missing from a reason', () => {
    const other = { code: 'other', label: 'Other', needsText: true };
    const price = { code: 'price', label: 'Price', needsText: false };
    expect(reasonFormError(undefined, '')).toBe('Choose a reason.');
    expect(reasonFormError(other, ' ab ')).toBe('Say why in at least 3 characters.');
    expect(reasonFormError(other, 'board froze spend')).toBeNull();
    expect(reasonFormError(price, '')).toBeNull();
    expect(reasonFormError(price, 'ab')).toBe('A detail needs at least 3 characters, or leave it empty.');
  });

  it.each([
    ['', { ok: true, value: null }],
    ['48000', { ok: true, value: 48_000 }],
    [' 48,000.50 ', { ok: true, value: 48_000.5 }],
    ['0', { ok: true, value: 0 }],
    ['-5', { ok: false, message: 'A deal value cannot be negative.' }],
    ['12.345', { ok: false, message: 'A deal value has at most two decimals.' }],
    ['2000000000000', { ok: false, message: 'A deal value must be at most 1,000,000,000,000.' }],
    ['1e5', { ok: false, message: 'Enter the deal value as a number, e.g. 48000 or 48000.50.' }],
    ['$500', { ok: false, message: 'Enter the deal value as a number, e.g. 48000 or 48000.50.' }],
  ])('reads a deal value typed as %j', (text, expected) => {
    expect(parseDealValue(text)).toEqual(expected);
  });
});
