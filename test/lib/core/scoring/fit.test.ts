import { describe, expect, it } from 'vitest';
import { nobody } from './profiles';
import type { FitRule } from '../../../../lib/core/model/scoring';
import { emailDomain, fitFieldValue, fitRuleMatches, matchingFitRules, type FitProfile } from '../../../../lib/core/scoring';


const base = { id: 'r1', points: 10, label: 'rule' } as const;

describe('fitRuleMatches', () => {
  it.each<[string, FitRule, Partial<FitProfile>, boolean]>([
    // equals
    ['equals, same case', { ...base, field: 'country', op: 'equals', value: 'US' }, { country: 'US' }, true],
    ['equals, other case', { ...base, field: 'title', op: 'equals', value: 'cto' }, { title: 'CTO' }, true],
    ['equals, stray spaces in the rule', { ...base, field: 'seniority', op: 'equals', value: ' VP ' }, { seniority: 'vp' }, true],
    ['equals, different', { ...base, field: 'country', op: 'equals', value: 'US' }, { country: 'CA' }, false],
    ['equals, null field', { ...base, field: 'country', op: 'equals', value: 'US' }, {}, false],
    ['equals, number', { ...base, field: 'companySize', op: 'equals', value: 50 }, { companySize: 50 }, true],
    ['equals, number vs string never', { ...base, field: 'companySize', op: 'equals', value: '50' }, { companySize: 50 }, false],
    // one_of
    ['one_of, listed', { ...base, field: 'country', op: 'one_of', values: ['US', 'CA'] }, { country: 'CA' }, true],
    ['one_of, other case', { ...base, field: 'industry', op: 'one_of', values: ['SaaS', 'Fintech'] }, { industry: 'saas' }, true],
    ['one_of, not listed', { ...base, field: 'country', op: 'one_of', values: ['US', 'CA'] }, { country: 'DE' }, false],
    ['one_of, null field', { ...base, field: 'leadType', op: 'one_of', values: ['demo_request'] }, {}, false],
    // range: both bounds inclusive, null open
    ['range, at min', { ...base, field: 'companySize', op: 'range', min: 50, max: 1000 }, { companySize: 50 }, true],
    ['range, at max', { ...base, field: 'companySize', op: 'range', min: 50, max: 1000 }, { companySize: 1000 }, true],
    ['range, below min', { ...base, field: 'companySize', op: 'range', min: 50, max: 1000 }, { companySize: 49 }, false],
    ['range, above max', { ...base, field: 'companySize', op: 'range', min: 50, max: 1000 }, { companySize: 1001 }, false],
    ['range, no max', { ...base, field: 'companySize', op: 'range', min: 50, max: null }, { companySize: 1_000_000 }, true],
    ['range, no min', { ...base, field: 'companySize', op: 'range', min: null, max: 10 }, { companySize: 0 }, true],
    ['range, null field', { ...base, field: 'companySize', op: 'range', min: null, max: 10 }, {}, false],
    ['range, string field never', { ...base, field: 'title', op: 'range', min: 0, max: 100 }, { title: '50' }, false],
    // pattern
    ['pattern, alternative', { ...base, field: 'title', op: 'pattern', pattern: '*vp*|*head of*' }, { title: 'Head of Sales' }, true],
    ['pattern, no match', { ...base, field: 'title', op: 'pattern', pattern: '*vp*|*head of*' }, { title: 'Intern' }, false],
    ['pattern, null field', { ...base, field: 'title', op: 'pattern', pattern: '*' }, {}, false],
    ['pattern, number field never', { ...base, field: 'companySize', op: 'pattern', pattern: '*' }, { companySize: 5 }, false],
    // emailDomain
    ['emailDomain equals', { ...base, field: 'emailDomain', op: 'equals', value: 'Rival.com' }, { email: 'bob@rival.com' }, true],
    ['emailDomain pattern', { ...base, field: 'emailDomain', op: 'pattern', pattern: '*.edu' }, { email: 'amy@cs.mit.edu' }, true],
    ['emailDomain is not the local part', { ...base, field: 'emailDomain', op: 'equals', value: 'rival.com' }, { email: 'rival.com@acme.com' }, false],
  ])('%s', (_, rule, overrides, expected) => {
    expect(fitRuleMatches(rule, { ...nobody, ...overrides })).toBe(expected);
  });
});

describe('emailDomain and fitFieldValue', () => {
  it.each([
    ['jane@acme.com', 'acme.com'],
    ['Jane@ACME.com', 'acme.com'],
    ['"odd@name"@acme.io', 'acme.io'],
    ['no-at-sign', null],
    ['trailing@', null],
  ])('emailDomain(%j) = %j', (email, expected) => {
    expect(emailDomain(email)).toBe(expected);
  });

  it('reads stored fields as they are', () => {
    const contact = { ...nobody, seniority: 'vp', companySize: 120 } as const;
    expect([fitFieldValue(contact, 'seniority'), fitFieldValue(contact, 'companySize'), fitFieldValue(contact, 'source')]).toEqual(['vp', 120, null]);
  });
});

describe('matchingFitRules', () => {
  it('keeps every rule that holds, in the model order', () => {
    const rules: FitRule[] = [
      { id: 'vp', field: 'title', op: 'pattern', pattern: '*vp*', points: 20, label: 'VP title' },
      { id: 'us', field: 'country', op: 'equals', value: 'US', points: 10, label: 'US' },
      { id: 'big', field: 'companySize', op: 'range', min: 50, max: null, points: 15, label: '50+' },
    ];
    const matched = matchingFitRules(rules, { ...nobody, title: 'VP Sales', companySize: 80, country: 'DE' });
    expect(matched.map((rule) => rule.id)).toEqual(['vp', 'big']);
  });
});
