import { describe, expect, it } from 'vitest';
import { describeStageChange } from '../../../lib/view-model/stage-history';
import { timelineRows } from '../../../lib/view-model/timeline';
import { activity, attempt, stageChange } from '../core/fixtures';

const AT = '2026-01-20T15:14:00Z';
const rule = { kind: 'rule', userId: null, name: null, rule: 'mql_threshold' } as const;
const system = { kind: 'system', userId: null, name: null, rule: null } as const;
const imported = { kind: 'import', userId: null, name: null, rule: null } as const;

describe('a stage change in words', () => {
  it.each([
    ['an accepted MQL', stageChange('mql', 'sql', AT), 'Accepted as SQL by Maya Chen'],
    ['a recycle, with its reason', stageChange('sql', 'recycled', AT, { reason: 'not the buyer' }), 'Recycled to marketing by Maya Chen: not the buyer'],
    ['a disqualification, with its reason', stageChange('lead', 'disqualified', AT, { reason: 'student' }), 'Disqualified by Maya Chen: student'],
    ['the MQL threshold rule', stageChange('lead', 'mql', AT, { actor: rule }), 'Became an MQL (fit and engagement crossed the thresholds)'],
    ['a recycled contact the rule brings back', stageChange('recycled', 'mql', AT, { actor: rule }), 'Became an MQL (fit and engagement crossed the thresholds)'],
    ['a form fill creating the lead', stageChange(null, 'lead', AT, { actor: system }), 'Created as a lead from a website form'],
    ['an import', stageChange(null, 'mql', AT, { actor: imported }), 'Imported as an MQL'],
    ['a manager adding a contact', stageChange(null, 'lead', AT, { actor: { kind: 'user', userId: 'm1', name: 'Sam Ortiz', rule: null } }), 'Added as a lead by Sam Ortiz'],
    ['a contact added again after deletion', stageChange('disqualified', 'lead', AT, { reason: 'added again after deletion' }), 'Back to lead by Maya Chen: added again after deletion'],
    ['marketing marking an MQL', stageChange('lead', 'mql', AT), 'Marked as an MQL by Maya Chen'],
    ['a rep taking a recycled lead back', stageChange('recycled', 'mql', AT), 'Back in the funnel as an MQL by Maya Chen'],
    ['an opportunity', stageChange('sql', 'opportunity', AT), 'Moved to opportunity by Maya Chen'],
    ['a win', stageChange('opportunity', 'customer', AT), 'Won by Maya Chen'],
    ['a win corrected', stageChange('customer', 'opportunity', AT), 'Win corrected: back to opportunity by Maya Chen'],
    ['a reconstructed entry', stageChange(null, 'sql', AT, { actor: system, reconstructed: true }), 'Stage when history began: SQL'],
    ['a user the server did not name', stageChange('mql', 'sql', AT, { actor: { kind: 'user', userId: 'gone', name: null, rule: null } }), 'Accepted as SQL by a teammate'],
  ])('%s', (_, change, words) => {
    expect(describeStageChange(change)).toBe(words);
  });
});

describe('the timeline with stage changes', () => {
  it('puts them among activities and attempts, newest first, as rows of their own kind', () => {
    const rows = timelineRows(
      [activity('page_view', '2026-01-16T14:00:00Z', { url: 'https://n.example/pricing', title: 'Pricing' })],
      [attempt('2026-01-19T14:00:00Z', { outcome: null })],
      [stageChange(null, 'lead', '2026-01-15T10:00:00Z', { actor: system }), stageChange('mql', 'sql', '2026-01-19T15:14:00Z')],
    );
    expect(rows.map((r) => [r.text, r.by, r.at, r.faded])).toEqual([
      ['Accepted as SQL by Maya Chen', 'stage', '2026-01-19T15:14:00Z', false],
      ['Call', 'rep', '2026-01-19T14:00:00Z', false],
      ['Viewed Pricing', 'contact', '2026-01-16T14:00:00Z', false],
      ['Created as a lead from a website form', 'stage', '2026-01-15T10:00:00Z', false],
    ]);
  });
});
