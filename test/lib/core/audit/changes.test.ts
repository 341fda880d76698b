import { describe, expect, it } from 'vitest';
import { fieldChanges, REDACTED } from '../../../../lib/core/audit/changes';
import { FieldChanges } from '../../../../lib/core/model/audit';
import { sameValue } from '../../../../lib/core/same-value';

describe('fieldChanges', () => {
  it('lists only the fields that differ, each before and after', () => {
    const before = { name: 'Dana', role: 'rep', disabled: false, topics: ['pricing', 'roi'] };
    const after = { name: 'Dana Reyes', role: 'rep', disabled: false, topics: ['pricing', 'roi'] };
    expect(fieldChanges(before, after)).toEqual({ name: { before: 'Dana', after: 'Dana Reyes' } });
    expect(fieldChanges(before, { ...before })).toEqual({});
  });

  it('reads a missing side as null in every field: a creation, a deletion', () => {
    expect(fieldChanges(null, { title: 'Guide', archived: false })).toEqual({
      title: { before: null, after: 'Guide' },
      archived: { before: null, after: false },
    });
    expect(fieldChanges({ title: 'Guide' }, null)).toEqual({ title: { before: 'Guide', after: null } });
    expect(fieldChanges(null, null)).toEqual({});
  });

  it('compares nested values deeply and blind to key order, and lists a field only one side has', () => {
    const calendar = { timeZone: 'UTC', week: { mon: [{ start: '09:00', end: '17:00' }] } };
    const reordered = { week: { mon: [{ end: '17:00', start: '09:00' }] }, timeZone: 'UTC' };
    expect(fieldChanges({ calendar }, { calendar: reordered })).toEqual({});
    expect(fieldChanges({ a: 1 }, { a: 1, b: [2] })).toEqual({ b: { before: null, after: [2] } });
    expect(fieldChanges({ a: 1, gone: undefined }, { a: 1 })).toEqual({});
  });

  it('leaves out the fields it is told to ignore', () => {
    const before = { id: 'ct_1', title: 'A', updatedAt: '2026-01-01T00:00:00.000Z', version: 3 };
    const after = { id: 'ct_1', title: 'B', updatedAt: '2026-01-02T00:00:00.000Z', version: 4 };
    expect(fieldChanges(before, after, { ignore: ['id', 'updatedAt', 'version'] })).toEqual({ title: { before: 'A', after: 'B' } });
  });

  it('writes dates as ISO instants, so the change is JSON', () => {
    const at = new Date('2026-03-10T15:30:00Z');
    const changes = fieldChanges({ deletedAt: null }, { deletedAt: at });
    expect(changes).toEqual({ deletedAt: { before: null, after: '2026-03-10T15:30:00.000Z' } });
    expect(FieldChanges.parse(JSON.parse(JSON.stringify(changes)))).toEqual(changes);
  });

  it('never copies a secret: a changed secret field says it changed, not to what, at any depth', () => {
    const changes = fieldChanges(
      { hash: 'aaa', tokenHash: null, webhook: { url: 'https://a.example', signingSecret: 's1' }, keys: [{ Password: 'p1' }] },
      { hash: 'bbb', tokenHash: 'ccc', webhook: { url: 'https://b.example', signingSecret: 's2' }, keys: [{ Password: 'p2' }] },
    );
    expect(changes).toEqual({
      hash: { before: REDACTED, after: REDACTED },
      tokenHash: { before: null, after: REDACTED },
      webhook: { before: { url: 'https://a.example', signingSecret: REDACTED }, after: { url: 'https://b.example', signingSecret: REDACTED } },
      keys: { before: [{ Password: REDACTED }], after: [{ Password: REDACTED }] },
    });
    const text = JSON.stringify(changes);
    for (const secret of ['aaa', 'bbb', 'ccc', 's1', 's2', 'p1', 'p2']) expect(text).not.toContain(`"${secret}"`);
  });

  it('takes more secret names from the caller', () => {
    expect(fieldChanges({ apiKey: 'k1', name: 'x' }, { apiKey: 'k2', name: 'y' }, { secretFields: ['apiKey'] })).toEqual({
      apiKey: { before: REDACTED, after: REDACTED },
      name: { before: 'x', after: 'y' },
    });
  });
});

describe('sameValue', () => {
  it('is deep JSON equality, blind to key order, where an undefined key is an absent one', () => {
    expect(sameValue({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: null }, { a: 0 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});
