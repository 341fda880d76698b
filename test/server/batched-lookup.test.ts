import { describe, expect, it } from 'vitest';
import { batchedLookup } from '../../server/store/batched-lookup';

describe('batchedLookup', () => {
  const recording = () => {
    const reads: string[][] = [];
    let version = 0;
    const lookup = batchedLookup(async (keys: string[]) => {
      reads.push(keys);
      version++;
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `${k}@${version}`]));
    }, 3);
    return { reads, lookup };
  };

  it('answers the lookups of one turn with one read of their distinct keys', async () => {
    const { reads, lookup } = recording();
    expect(await Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('missing')])).toEqual(['a@1', 'b@1', 'a@1', undefined]);
    expect(reads).toEqual([['a', 'b', 'missing']]);
  });

  it('reads again for a lookup asked after a read began: nothing is answered from before it was asked', async () => {
    const { reads, lookup } = recording();
    const first = lookup('a');
    await first;
    expect(await lookup('a')).toBe('a@2');
    expect(reads).toEqual([['a'], ['a']]);
  });

  it('splits a large turn into reads of at most the given size', async () => {
    const { reads, lookup } = recording();
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => lookup(k)));
    expect(reads).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('refuses every lookup of a read that failed, and reads afresh for the next', async () => {
    let fail = true;
    const lookup = batchedLookup(async (keys: string[]) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k]));
    });
    await expect(Promise.all([lookup('a'), lookup('b')])).rejects.toThrow('database down');
    fail = false;
    expect(await lookup('a')).toBe('a');
  });
});
