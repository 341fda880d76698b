import { describe, expect, it } from 'vitest';
import { describeMutation } from '../../components/panel/RejectedChanges';
import { Mutation, type MutationInput } from '../../lib/core/model/mutations';

const names = new Map([['c1', 'Dana Reyes']]);
const at = '2026-01-19T15:00:00Z';
const say = (m: MutationInput) => describeMutation(Mutation.parse(m), names);

describe('a refused stage change in words', () => {
  it('names a win and a loss as such, and other moves by their stage', () => {
    expect(say({ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'customer', dealValue: 900 })).toBe('Mark Dana Reyes won');
    expect(say({ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'disqualified', reasonCode: 'price' })).toBe('Mark Dana Reyes lost');
    expect(say({ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', from: 'opportunity', reasonCode: 'price' })).toBe('Mark Dana Reyes lost');
    expect(say({ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'mql', to: 'sql' })).toBe('Move Dana Reyes to SQL');
    expect(say({ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', reason: 'not before Q3' })).toBe('Recycle Dana Reyes to marketing');
  });
});
