import { describe, expect, it } from 'vitest';
import { answeredQuestions, askedDayPhrase, suggestContent } from '../../../../lib/core/content-suggestions';
import type { SuggestContentInput } from '../../../../lib/core/content-suggestions';
import type { LifecycleStage } from '../../../../lib/core/model/vocabulary';
import { NOW, activity, item, sent } from './fixtures';

const NY = 'America/New_York';

describe('askedDayPhrase: the day by the work calendar’s dates (NOW is Friday 6 March 2026, 07:00 in New York)', () => {
  it.each([
    ['2026-03-06T10:00:00Z', 'today'],
    // 03:00 UTC on the 6th is still the 5th in New York.
    ['2026-03-06T03:00:00Z', 'yesterday'],
    ['2026-03-03T15:00:00Z', 'on Tuesday'],
    ['2026-02-28T15:00:00Z', 'on Saturday'],
    ['2026-02-27T15:00:00Z', 'on 27 February'],
    ['2025-12-30T15:00:00Z', 'on 30 December 2025'],
    ['2026-03-06T12:03:00Z', 'today'],
  ])('%s → %s', (askedAt, phrase) => {
    expect(askedDayPhrase(askedAt, NOW, NY)).toBe(phrase);
  });

  it('reads the date in the zone given: the same instant is "today" in UTC', () => {
    expect(askedDayPhrase('2026-03-06T03:00:00Z', NOW, 'UTC')).toBe('today');
  });
});

describe('answeredQuestions', () => {
  it('lists each answering item once, under its newest question; unlinked and unanswered questions answer nothing', () => {
    const questions = [
      { key: 'sso-support', at: '2026-03-02T15:00:00Z' },
      { key: 'pric', at: '2026-03-04T15:00:00Z' },
      { key: 'sso', at: '2026-03-05T15:00:00Z' },
      { key: 'gdpr', at: '2026-03-05T16:00:00Z' },
      { key: 'api', at: '2026-03-05T17:00:00Z' },
    ];
    const answers = [
      { key: 'sso-support', contentId: 'sso-guide' },
      { key: 'sso', contentId: 'sso-guide' },
      { key: 'pric', contentId: 'pricing' },
      { key: 'api', contentId: null },
    ];
    expect(answeredQuestions(questions, answers)).toEqual([
      { contentId: 'sso-guide', askedAt: '2026-03-05T15:00:00Z' },
      { contentId: 'pricing', askedAt: '2026-03-04T15:00:00Z' },
    ]);
  });
});

describe('suggestContent: answers to the contact’s questions come first', () => {
  const library = [item('aw', 'awareness', { title: 'Awareness guide' }), item('co', 'consideration', { title: 'Consideration checklist' }), item('de', 'decision', { title: 'SSO setup' })];
  const asked = [{ key: 'sso-support', at: '2026-03-03T15:00:00Z' }];
  const linked = [{ key: 'sso-support', contentId: 'de' }];

  function suggest(stage: LifecycleStage, more: Partial<SuggestContentInput> = {}) {
    return suggestContent({ contact: { stage, title: null }, library, activities: [], attempts: [], now: NOW, timeZone: NY, questions: asked, answers: linked, ...more });
  }

  it('puts the answer first with the day they asked, even when its stage scores nothing, then the rest by score', () => {
    // A lead: "de" (decision) scores 0 and would be left out; it answers their question, so it leads.
    expect(suggest('lead').map((s) => [s.contentId, s.reason])).toEqual([
      ['de', 'Answers the question they asked on Tuesday'],
      ['aw', 'Awareness stage, for a lead'],
      ['co', 'Consideration stage, a step ahead for a lead'],
    ]);
    expect(suggest('lead', { limit: 1 }).map((s) => s.contentId)).toEqual(['de']);
  });

  it('without questions or answers, ranks as before', () => {
    expect(suggest('lead', { questions: [], answers: [] }).map((s) => s.contentId)).toEqual(['aw', 'co']);
    expect(suggest('lead', { answers: [{ key: 'sso-support', contentId: null }] }).map((s) => s.contentId)).toEqual(['aw', 'co']);
  });

  it('leaves out an answer they already read, one sent in the last 30 days, an archived one, and everything for the disqualified', () => {
    const read = activity('page_view', { url: 'https://acme.com/library/de' });
    expect(suggest('lead', { activities: [read] }).map((s) => s.contentId)).toEqual(['aw', 'co']);
    expect(suggest('lead', { attempts: [sent(['de'], '2026-03-04T15:00:00Z')] }).map((s) => s.contentId)).toEqual(['aw', 'co']);
    const archived = library.map((i) => (i.id === 'de' ? { ...i, archived: true } : i));
    expect(suggest('lead', { library: archived }).map((s) => s.contentId)).toEqual(['aw', 'co']);
    expect(suggest('disqualified')).toEqual([]);
  });
});
