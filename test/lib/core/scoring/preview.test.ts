import { describe, expect, it } from 'vitest';
import { ScoringModel } from '../../../../lib/core/model/scoring';
import { previewScoring } from '../../../../lib/core/scoring';
import { activity, contact } from '../fixtures';

const NOW = new Date('2026-03-01T12:00:00Z');
const model = (engagementPoints: number, halfLifeDays: number | null = 30) =>
  ScoringModel.parse({
    fitRules: [{ id: 'vp', field: 'seniority', op: 'equals', value: 'vp', points: 30, label: 'VP' }],
    engagementRules: [{ id: 'views', activity: 'page_view', points: engagementPoints, label: 'Views' }],
    halfLifeDays,
    mqlFitThreshold: 30,
    mqlEngagementThreshold: 10,
    gradeThresholds: { A: 30, B: 20, C: 10 },
  });

describe('previewScoring', () => {
  it('scores with decay at `now` under both models: a 30-day-old view is worth half', () => {
    const old = contact({ id: 'old', email: 'old@x.example', seniority: 'vp' });
    const views = [activity('page_view', '2026-01-30T12:00:00Z', { contactId: 'old' })];
    const preview = previewScoring(model(10), model(20), [{ contact: old, activities: views }], NOW, 10);
    expect(preview.items.map((i) => [i.current, i.proposed])).toEqual([
      [
        { score: 35, fit: 30, engagement: 5, grade: 'A', qualifiesAsMql: false },
        { score: 40, fit: 30, engagement: 10, grade: 'A', qualifiesAsMql: true },
      ],
    ]);
    expect(preview.mql).toEqual({ current: 0, proposed: 1, starting: 1, stopping: 0 });
    // Without decay the same view keeps its 10 points and already qualifies: nothing starts.
    expect(previewScoring(model(10, null), model(20, null), [{ contact: old, activities: views }], NOW, 10).mql.starting).toBe(0);
  });

  it('orders equal changes by address and caps the list at the limit', () => {
    const inputs = ['cy', 'ab', 'bo'].map((name) => ({ contact: contact({ id: name, email: `${name}@x.example` }), activities: [activity('page_view', NOW.toISOString(), { contactId: name })] }));
    const preview = previewScoring(model(10), model(12), inputs, NOW, 2);
    expect(preview.items.map((i) => i.email)).toEqual(['ab@x.example', 'bo@x.example']);
    expect(preview).toMatchObject({ scored: 3, changed: 3, more: true });
    // Grades are fit's, which neither model changes: only the score moves.
    expect(preview.grades).toEqual({ current: { A: 0, B: 0, C: 0, D: 3 }, proposed: { A: 0, B: 0, C: 0, D: 3 }, changes: [] });
  });
});
