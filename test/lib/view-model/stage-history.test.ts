import { describe, expect, it } from 'vitest';
import { describeStageChange, queuedStageChanges, type QueuedMove } from '../../../lib/view-model/stage-history';
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
    ['a win with its deal value', stageChange('opportunity', 'customer', AT, { outcome: 'won', dealValue: 12000 }), 'Won by Maya Chen · $12,000'],
    ['a win with cents', stageChange('opportunity', 'customer', AT, { outcome: 'won', dealValue: 1250.5 }), 'Won by Maya Chen · $1,250.50'],
    ['a loss back to nurture', stageChange('opportunity', 'recycled', AT, { outcome: 'lost', reason: 'Chose a competitor' }), 'Lost by Maya Chen, back to nurture: Chose a competitor'],
    ['a loss for good', stageChange('opportunity', 'disqualified', AT, { outcome: 'lost', reason: 'No budget' }), 'Lost by Maya Chen, closed for good: No budget'],
    ['a win corrected', stageChange('customer', 'opportunity', AT), 'Win corrected: back to opportunity by Maya Chen'],
    ['a reconstructed entry', stageChange(null, 'sql', AT, { actor: system, reconstructed: true }), 'Stage when history began: SQL'],
    ['a user the server did not name', stageChange('mql', 'sql', AT, { actor: { kind: 'user', userId: 'gone', name: null, rule: null } }), 'Accepted as SQL by a teammate'],
  ])('%s', (_, change, words) => {
    expect(describeStageChange(change)).toBe(words);
  });

  it("shows a deal value in the workspace's currency", () => {
    expect(describeStageChange(stageChange('opportunity', 'customer', AT, { outcome: 'won', dealValue: 800 }), 'EUR')).toBe('Won by Maya Chen · €800');
  });
});

describe('the timeline with stage changes', () => {
  it('puts them among activities and attempts, newest first, as rows of their own kind', () => {
    const rows = timelineRows(
      [activity('page_view', '2026-01-16T14:00:00Z', { url: 'https://n.example/pricing', title: 'Pricing' })],
      [attempt('2026-01-19T14:00:00Z', { outcome: null })],
      [stageChange(null, 'lead', '2026-01-15T10:00:00Z', { actor: system }), stageChange('mql', 'sql', '2026-01-19T15:14:00Z')],
      [],
    );
    expect(rows.map((r) => [r.text, r.by, r.at, r.faded])).toEqual([
      ['Accepted as SQL by Maya Chen', 'stage', '2026-01-19T15:14:00Z', false],
      ['Call', 'rep', '2026-01-19T14:00:00Z', false],
      ['Viewed Pricing', 'contact', '2026-01-16T14:00:00Z', false],
      ['Created as a lead from a website form', 'stage', '2026-01-15T10:00:00Z', false],
    ]);
  });
});

describe('moves still waiting in the outbox', () => {
  const me = { id: 'rep1', name: 'Maya Chen' };
  const accept: QueuedMove = { mutation: { id: 'm1', type: 'contact.stage', at: AT, contactId: 'c1', from: 'mql', to: 'sql', reason: null, reasonCode: null, dealValue: null }, previous: { stage: 'mql' } };
  const recycle: QueuedMove = { mutation: { id: 'm2', type: 'contact.recycle', at: '2026-01-20T15:20:00Z', contactId: 'c1', from: null, reason: 'not the buyer', reasonCode: 'other' }, previous: { stage: 'sql' } };
  const elsewhere: QueuedMove = { mutation: { id: 'm3', type: 'contact.stage', at: AT, contactId: 'c2', from: 'mql', to: 'sql', reason: null, reasonCode: null, dealValue: null } };
  const call: QueuedMove = { mutation: { id: 'm4', type: 'attempt.log', at: AT, attempt: { id: 'a1', contactId: 'c1', channel: 'call', outcome: null, note: null, contentIds: [], at: AT } } };

  it("are the rep's stage moves of this contact, in their name, recycles from the stage they replaced", () => {
    const queued = queuedStageChanges([accept, recycle, elsewhere, call], 'c1', me, []);
    expect(queued.map((s) => [s.id, s.from, s.to, s.actor.name, s.reason, s.mutationId])).toEqual([
      ['m1', 'mql', 'sql', 'Maya Chen', null, 'm1'],
      ['m2', 'sql', 'recycled', 'Maya Chen', 'not the buyer', 'm2'],
    ]);
    expect(queued.map((s) => describeStageChange(s))).toEqual(['Accepted as SQL by Maya Chen', 'Recycled to marketing by Maya Chen: not the buyer']);
  });

  it('leave out a move the server already recorded, and show in the timeline as waiting', () => {
    const recorded = stageChange('mql', 'sql', AT, { mutationId: 'm1' });
    expect(queuedStageChanges([accept, recycle], 'c1', me, [recorded]).map((s) => s.id)).toEqual(['m2']);
    const rows = timelineRows([], [], [recorded], queuedStageChanges([accept, recycle], 'c1', me, [recorded]));
    expect(rows.map((r) => [r.text, r.detail])).toEqual([
      ['Recycled to marketing by Maya Chen: not the buyer', 'Waiting to be sent'],
      ['Accepted as SQL by Maya Chen', null],
    ]);
  });
});
