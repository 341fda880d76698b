import { describe, expect, it } from 'vitest';
import { nobody } from './profiles';
import type { ScorePart } from '../../../../lib/core/model/derived';
import type { ActivityType } from '../../../../lib/core/model/vocabulary';
import type { EngagementRule } from '../../../../lib/core/model/scoring';
import {
  apportionRounded,
  explainPart,
  gradeFor,
  roundHalfUp,
  scoreContact,
  type EngagementActivity,
  type FitProfile,
  type ScoringRules,
} from '../../../../lib/core/scoring';

const now = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function daysAgo(days: number): string {
  return new Date(now.getTime() - days * DAY).toISOString();
}

function did(type: ActivityType, ageDays: number, url: string | null = null, label: 'human' | 'proxy' | 'machine' = 'human'): EngagementActivity {
  return { type, at: daysAgo(ageDays), url, trust: { label, reason: 'test' } };
}


const model: ScoringRules = {
  fitRules: [
    { id: 'f-vp', field: 'title', op: 'pattern', pattern: '*vp*|*head of*', points: 20, label: 'VP or Head title' },
    { id: 'f-size', field: 'companySize', op: 'range', min: 50, max: 1000, points: 15, label: 'Company of 50–1000' },
    { id: 'f-na', field: 'country', op: 'one_of', values: ['US', 'CA'], points: 10, label: 'North America' },
    { id: 'f-rival', field: 'emailDomain', op: 'equals', value: 'rival.com', points: -30, label: 'Competitor domain' },
  ],
  engagementRules: [
    { id: 'e-view', activity: 'page_view', urlPattern: null, points: 1, label: 'Any page view' },
    { id: 'e-pricing', activity: 'page_view', urlPattern: '/pricing*', points: 9, label: 'Viewed /pricing' },
    { id: 'e-open', activity: 'email_open', urlPattern: null, points: 3, label: 'Opened an email' },
    { id: 'e-unsub', activity: 'unsubscribe', urlPattern: null, points: -20, label: 'Unsubscribed' },
  ],
  halfLifeDays: 30,
  mqlFitThreshold: 25,
  mqlEngagementThreshold: 20,
  gradeThresholds: { A: 40, B: 25, C: 10 },
};

const vp: FitProfile = { ...nobody, title: 'VP Marketing', companySize: 200, country: 'US' };
const pricingViews = [did('page_view', 30, 'https://acme.com/pricing'), did('page_view', 30, 'https://acme.com/pricing?plan=team'), did('page_view', 30, 'https://acme.com/pricing')];

function partsSum(parts: ScorePart[], kind: ScorePart['kind']): number {
  return parts.filter((part) => part.kind === kind).reduce((sum, part) => sum + part.points, 0);
}

describe('scoreContact', () => {
  it('high fit, low engagement: grade A but not an MQL', () => {
    // fit: VP 20 + size 15 + North America 10 = 45 → A (≥ 40)
    // each /pricing view 30 days ago matches "any view" (1 × 0.5 = 0.5) and "pricing" (9 × 0.5 = 4.5);
    // a /blog view today adds 1 to "any view":
    //   any view = 3 × 0.5 + 1 = 2.5 (4 views), pricing = 3 × 4.5 = 13.5 (3 views), total 16.0 → 16
    //   largest remainder: floors 2 + 13 = 15, 1 unit left, remainders tie at .5 → the earlier rule (any view) → 3, 13
    // engagement 16 < 20 → not an MQL
    const result = scoreContact(model, vp, [...pricingViews, did('page_view', 0, 'https://acme.com/blog')], now);
    expect(result).toEqual({
      score: 61,
      fit: 45,
      engagement: 16,
      grade: 'A',
      qualifiesAsMql: false,
      parts: [
        { kind: 'fit', ruleId: 'f-vp', label: 'VP or Head title', count: 0, points: 20 },
        { kind: 'fit', ruleId: 'f-size', label: 'Company of 50–1000', count: 0, points: 15 },
        { kind: 'engagement', ruleId: 'e-pricing', label: 'Viewed /pricing', count: 3, points: 13 },
        { kind: 'fit', ruleId: 'f-na', label: 'North America', count: 0, points: 10 },
        { kind: 'engagement', ruleId: 'e-view', label: 'Any page view', count: 4, points: 3 },
      ],
    });
  });

  it('two email opens lift it over the engagement threshold; machine opens never count, proxy opens do', () => {
    // as above (16) + human open today 3 + proxy (Gmail) open today 3 = 22 ≥ 20; the machine open adds nothing
    const opens = [did('email_open', 0), did('email_open', 0, null, 'proxy'), did('email_open', 0, null, 'machine')];
    const result = scoreContact(model, vp, [...pricingViews, did('page_view', 0, 'https://acme.com/blog'), ...opens], now);
    expect(result.engagement).toBe(22);
    expect(result.score).toBe(67);
    expect(result.qualifiesAsMql).toBe(true);
    expect(result.parts.find((part) => part.ruleId === 'e-open')).toEqual({ kind: 'engagement', ruleId: 'e-open', label: 'Opened an email', count: 2, points: 6 });
  });

  it('negative points: a competitor who unsubscribed', () => {
    // fit: Head of 20 − competitor 30 = −10 → D; engagement: unsubscribe today −20; score −30
    // order by |points|: −30, then the |20| tie by label: "Unsubscribed" < "VP or Head title"
    const result = scoreContact(model, { ...nobody, email: 'bob@rival.com', title: 'Head of Sales' }, [did('unsubscribe', 0)], now);
    expect(result).toMatchObject({ score: -30, fit: -10, engagement: -20, grade: 'D', qualifiesAsMql: false });
    expect(result.parts.map((part) => [part.ruleId, part.points])).toEqual([
      ['f-rival', -30],
      ['e-unsub', -20],
      ['f-vp', 20],
    ]);
  });

  it('a contact with nothing scores 0 with no parts', () => {
    expect(scoreContact(model, nobody, [], now)).toEqual({ score: 0, fit: 0, engagement: 0, grade: 'D', qualifiesAsMql: false, parts: [] });
  });

  it('drops parts that round to 0', () => {
    // one view 200 days ago: 1 × 0.5^(200/30) ≈ 0.0098 → 0, so no "Any page view" line
    const result = scoreContact(model, nobody, [did('page_view', 200, 'https://acme.com/blog')], now);
    expect(result.engagement).toBe(0);
    expect(result.parts).toEqual([]);
  });

  it('drops a fit rule worth 0 points', () => {
    const zero: ScoringRules = { ...model, fitRules: [{ id: 'f-zero', field: 'country', op: 'equals', value: 'US', points: 0, label: 'Noted' }] };
    expect(scoreContact(zero, vp, [], now).parts).toEqual([]);
  });
});

describe('parts add up exactly to the score', () => {
  const threeRules = (points: number): EngagementRule[] => [
    { id: 'r-a', activity: 'page_view', urlPattern: null, points, label: 'A viewed' },
    { id: 'r-b', activity: 'content_download', urlPattern: null, points, label: 'B downloaded' },
    { id: 'r-c', activity: 'form_submit', urlPattern: null, points, label: 'C submitted' },
  ];
  const oneOfEach = (age: number) => [did('page_view', age, 'https://acme.com/'), did('content_download', age), did('form_submit', age)];

  it.each([
    // 7 × 0.5^(30/30) = 3.5 each; total 10.5 → 11 (half up). Floors 3+3+3 = 9, 2 units left, remainders tie → first two rules: 4, 4, 3
    ['three parts of 3.5', 7, 30, 11, [4, 4, 3]],
    // 5 × 0.5^(60/30) = 1.25 each; total 3.75 → 4. Floors 1+1+1 = 3, 1 unit left → first rule: 2, 1, 1 (rounding each alone would give 3)
    ['three parts of 1.25', 5, 60, 4, [2, 1, 1]],
    // 3 × 0.5^(30/30) = 1.5 each; total 4.5 → 5. Floors 3, 2 units left → 2, 2, 1
    ['three parts of 1.5', 3, 30, 5, [2, 2, 1]],
    // −7 × 0.5 = −3.5 each; total −10.5 → −10 (half up, towards +∞). Floors −4 × 3 = −12, 2 units left → −3, −3, −4
    ['three parts of −3.5', -7, 30, -10, [-3, -3, -4]],
  ])('%s', (_, points, age, engagement, byRule) => {
    const result = scoreContact({ ...model, fitRules: [], engagementRules: threeRules(points) }, nobody, oneOfEach(age), now);
    expect(result.engagement).toBe(engagement);
    expect(['r-a', 'r-b', 'r-c'].map((id) => result.parts.find((part) => part.ruleId === id)?.points)).toEqual(byRule);
    expect(partsSum(result.parts, 'engagement')).toBe(engagement);
  });

  it('holds for a messy mix of ages and rules', () => {
    const messy: ScoringRules = { ...model, halfLifeDays: 7 };
    const activities = Array.from({ length: 23 }, (_, i) => did(i % 3 === 0 ? 'email_open' : 'page_view', i * 1.37, i % 2 === 0 ? 'https://acme.com/pricing' : 'https://acme.com/blog'));
    const result = scoreContact(messy, vp, activities, now);
    // engagement must be the rounded total of the decayed points, computed here straight from the definition
    const views = activities.filter((a) => a.type === 'page_view');
    const decayed = (points: number, a: EngagementActivity) => points * 0.5 ** ((now.getTime() - Date.parse(a.at)) / DAY / 7);
    const total =
      views.reduce((sum, a) => sum + decayed(1, a), 0) +
      views.filter((a) => a.url?.includes('/pricing')).reduce((sum, a) => sum + decayed(9, a), 0) +
      activities.filter((a) => a.type === 'email_open').reduce((sum, a) => sum + decayed(3, a), 0);
    expect(result.engagement).toBe(Math.round(total));
    expect(partsSum(result.parts, 'engagement')).toBe(result.engagement);
    expect(partsSum(result.parts, 'fit')).toBe(result.fit);
    expect(result.score).toBe(result.fit + result.engagement);
  });
});

describe('apportionRounded', () => {
  it.each([
    // floors 3,3,3 = 9; round(10.5) = 11; +1 to the first two of the tied remainders
    [[3.5, 3.5, 3.5], [4, 4, 3]],
    // floors 1,1,1 = 3; round(3.6) = 4; +1 to the first
    [[1.2, 1.2, 1.2], [2, 1, 1]],
    // floors 0,0,0; round(1.2) = 1; +1 to the first
    [[0.4, 0.4, 0.4], [1, 0, 0]],
    // floors 2,1 = 3; round(3.9) = 4; +1 to the larger remainder (.7)
    [[2.7, 1.2], [3, 1]],
    // floors 1,2 = 3; round(3.9) = 4; +1 to the larger remainder, wherever it sits
    [[1.2, 2.7], [1, 3]],
    // floors −3, 1 = −2; round(−1.5) = −1; +1 to the larger remainder (.5 of −2.5)
    [[-2.5, 1], [-2, 1]],
    // 0.1 + 0.2 = 0.30000000000000004 → 0; nothing to hand out
    [[0.1, 0.2], [0, 0]],
    // already whole: unchanged
    [[5, -3, 0], [5, -3, 0]],
    [[], []],
  ])('%j → %j', (values, expected) => {
    expect(apportionRounded(values)).toEqual(expected);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [10.5, 11],
    [10.4, 10],
    [-10.5, -10],
    [-10.6, -11],
    // float noise for what stands for 10.5 still rounds up
    [10.499999999999998, 11],
    [0, 0],
  ])('%s → %s', (value, expected) => {
    expect(roundHalfUp(value)).toBe(expected);
  });
});

describe('gradeFor', () => {
  const thresholds = { A: 40, B: 25, C: 10 };
  it.each([
    [100, 'A'],
    [40, 'A'],
    [39, 'B'],
    [25, 'B'],
    [24, 'C'],
    [10, 'C'],
    [9, 'D'],
    [-30, 'D'],
  ])('fit %s → %s', (fit, expected) => {
    expect(gradeFor(fit, thresholds)).toBe(expected);
  });
});

describe('qualifiesAsMql', () => {
  // one fit rule and one engagement rule of the given points, no decay: fit and engagement are exactly those points
  it.each([
    ['both at their thresholds', 25, 20, true],
    ['fit one short', 24, 20, false],
    ['engagement one short', 25, 19, false],
    ['high fit, low engagement', 60, 5, false],
    ['low fit, high engagement', 0, 80, false],
    ['both well over', 90, 90, true],
  ])('%s (fit %s, engagement %s) → %s', (_, fitPoints, engagementPoints, expected) => {
    const simple: ScoringRules = {
      ...model,
      halfLifeDays: null,
      fitRules: [{ id: 'f', field: 'country', op: 'equals', value: 'US', points: fitPoints, label: 'US' }],
      engagementRules: [{ id: 'e', activity: 'page_view', urlPattern: null, points: engagementPoints, label: 'Viewed' }],
    };
    const result = scoreContact(simple, vp, [did('page_view', 400, 'https://acme.com/')], now);
    expect([result.fit, result.engagement, result.qualifiesAsMql]).toEqual([fitPoints, engagementPoints, expected]);
  });
});

describe('explainPart', () => {
  it.each([
    [{ label: 'Viewed /pricing', count: 3, points: 27 }, 'Viewed /pricing 3x +27'],
    [{ label: 'VP or Head title', count: 0, points: 20 }, 'VP or Head title +20'],
    [{ label: 'Competitor domain', count: 0, points: -30 }, 'Competitor domain \u221230'],
    [{ label: 'Opened an email', count: 1, points: 3 }, 'Opened an email +3'],
    [{ label: 'Unsubscribed', count: 2, points: -40 }, 'Unsubscribed 2x \u221240'],
    [{ label: 'Noted', count: 0, points: 0 }, 'Noted 0'],
  ])('%j → %j', (part, expected) => {
    expect(explainPart(part)).toBe(expected);
  });
});
