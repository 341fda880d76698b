import { describe, expect, it } from 'vitest';
import { MutationResult, wasRefused } from '../../../lib/core/model/mutations';

const forbidden = { code: 'forbidden', message: 'contact c_1 belongs to another rep; ask its owner or a manager' };

describe('which answers mean the server refused a change', () => {
  it('applied, and a duplicate of an applied change, are acknowledgements', () => {
    expect(wasRefused({ id: 'm', status: 'applied' })).toBe(false);
    expect(wasRefused({ id: 'm', status: 'duplicate' })).toBe(false);
    expect(wasRefused({ id: 'm', status: 'duplicate', firstStatus: 'applied' })).toBe(false);
  });

  it('a rejection, and a duplicate of one, are refusals, whether the server names the first status or only its error', () => {
    expect(wasRefused({ id: 'm', status: 'rejected', error: forbidden })).toBe(true);
    expect(wasRefused({ id: 'm', status: 'duplicate', error: forbidden })).toBe(true);
    expect(wasRefused({ id: 'm', status: 'duplicate', firstStatus: 'rejected', error: forbidden })).toBe(true);
    expect(wasRefused({ id: 'm', status: 'duplicate', firstStatus: 'rejected' })).toBe(true);
  });

  it('an error on a duplicate wins over a first status that says applied: nothing vanishes silently', () => {
    expect(wasRefused({ id: 'm', status: 'duplicate', firstStatus: 'applied', error: forbidden })).toBe(true);
  });

  it('the wire format stays readable both ways: the first status is optional and unknown fields are dropped', () => {
    expect(MutationResult.parse({ id: 'm', status: 'duplicate', error: forbidden })).toEqual({ id: 'm', status: 'duplicate', error: forbidden });
    expect(MutationResult.parse({ id: 'm', status: 'duplicate', firstStatus: 'rejected', error: forbidden, extra: 1 })).toEqual({
      id: 'm',
      status: 'duplicate',
      firstStatus: 'rejected',
      error: forbidden,
    });
    expect(MutationResult.safeParse({ id: 'm', status: 'duplicate', firstStatus: 'duplicate' }).success).toBe(false);
  });
});
