import { describe, expect, it } from 'vitest';
import type { TrustLabel } from '../../../../lib/core/model/vocabulary';
import type { EngagementRule } from '../../../../lib/core/model/scoring';
import { decayFactor, engagementRuleMatches, tallyEngagement, type EngagementActivity } from '../../../../lib/core/scoring';

const now = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function daysAgo(days: number): string {
  return new Date(now.getTime() - days * DAY).toISOString();
}

function activity(overrides: Partial<EngagementActivity> & { trustLabel?: TrustLabel } = {}): EngagementActivity {
  const { trustLabel = 'human', ...rest } = overrides;
  return { type: 'page_view', at: daysAgo(0), url: 'https://acme.com/blog', trust: { label: trustLabel, reason: 'test' }, ...rest };
}

const anyView: EngagementRule = { id: 'view', activity: 'page_view', urlPattern: null, points: 10, label: 'Any page view' };
const pricing: EngagementRule = { id: 'pricing', activity: 'page_view', urlPattern: '/pricing*', points: 9, label: 'Viewed /pricing' };

describe('decayFactor', () => {
  it.each([
    ['age 0', 0, 30, 1],
    ['one half-life', 30, 30, 0.5],
    ['two half-lives', 60, 30, 0.25],
    ['future timestamp counts as new, never more', -5, 30, 1],
    ['no half-life, no decay', 365, null, 1],
  ])('%s: 0.5^(%s / %s) = %s', (_, age, halfLife, expected) => {
    expect(decayFactor(age, halfLife)).toBe(expected);
  });

  it('half a half-life keeps √0.5 ≈ 0.70711', () => {
    expect(decayFactor(15, 30)).toBeCloseTo(0.70711, 5);
  });
});

describe('tallyEngagement decay', () => {
  it.each([
    // 10 × 0.5^(0/30) = 10
    ['age 0', daysAgo(0), 30, 10],
    // 10 × 0.5^(30/30) = 5
    ['one half-life', daysAgo(30), 30, 5],
    // 10 × 0.5^(60/30) = 2.5
    ['two half-lives', daysAgo(60), 30, 2.5],
    // age −2 days clamps to 0 → 10
    ['two days in the future', daysAgo(-2), 30, 10],
    // no half-life: 10 whatever the age
    ['null half-life, a year old', daysAgo(365), null, 10],
  ])('%s', (_, at, halfLife, expected) => {
    expect(tallyEngagement([anyView], [activity({ at })], halfLife, now)).toEqual([{ rule: anyView, count: 1, points: expected }]);
  });
});

describe('what counts', () => {
  it.each<[TrustLabel, number]>([
    ['human', 1],
    ['proxy', 1],
    ['machine', 0],
  ])('a %s activity counts %s time(s)', (trustLabel, expectedCount) => {
    const tallies = tallyEngagement([anyView], [activity({ trustLabel })], 30, now);
    expect(tallies.reduce((sum, tally) => sum + tally.count, 0)).toBe(expectedCount);
  });

  it.each<[string, EngagementRule, Partial<EngagementActivity>, boolean]>([
    ['same type, no pattern', anyView, {}, true],
    ['other type', anyView, { type: 'email_open' }, false],
    ['pattern on the path', pricing, { url: 'https://acme.com/pricing?plan=team' }, true],
    ['pattern misses', pricing, { url: 'https://acme.com/blog' }, false],
    ['pattern, activity without a URL', pricing, { url: null }, false],
    ['no pattern, activity without a URL', anyView, { url: null }, true],
    [
      'whole-URL pattern',
      { ...pricing, urlPattern: '*://docs.acme.com/*' },
      { url: 'https://docs.acme.com/api' },
      true,
    ],
  ])('engagementRuleMatches: %s → %s', (_, rule, overrides, expected) => {
    expect(engagementRuleMatches(rule, activity(overrides))).toBe(expected);
  });

  it('an activity matching two rules counts for each', () => {
    // /pricing view 30 days ago: any view 10 × 0.5 = 5; pricing 9 × 0.5 = 4.5
    const tallies = tallyEngagement([anyView, pricing], [activity({ at: daysAgo(30), url: 'https://acme.com/pricing' })], 30, now);
    expect(tallies).toEqual([
      { rule: anyView, count: 1, points: 5 },
      { rule: pricing, count: 1, points: 4.5 },
    ]);
  });

  it('sums several activities per rule and leaves out rules nothing matched', () => {
    // 3 /blog views: ages 0, 30, 60 → 10 + 5 + 2.5 = 17.5 for any view; pricing: none → no tally
    const views = [0, 30, 60].map((age) => activity({ at: daysAgo(age) }));
    expect(tallyEngagement([anyView, pricing], views, 30, now)).toEqual([{ rule: anyView, count: 3, points: 17.5 }]);
  });

  it('leaves out an activity whose time does not parse', () => {
    expect(tallyEngagement([anyView], [activity({ at: 'yesterday' })], 30, now)).toEqual([]);
  });
});
