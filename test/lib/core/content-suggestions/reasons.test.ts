import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../../../lib/core/model/content';
import type { LifecycleStage } from '../../../../lib/core/model/vocabulary';
import { MAX_REASON_CHARS, stagePhrase, suggestContent } from '../../../../lib/core/content-suggestions';
import { NOW, activity, item } from './fixtures';

/** The reason for the one piece under test; `read` pieces are consumed first to give the contact interests. */
function reasonFor(stage: LifecycleStage, title: string | null, candidate: ContentItem, read: ContentItem[] = []): string {
  const activities = read.map((r) => activity('content_download', { contentId: r.id }));
  const out = suggestContent({ contact: { stage, title }, library: [...read, candidate], activities, attempts: [], now: NOW, limit: 10 });
  const found = out.find((s) => s.contentId === candidate.id);
  if (found === undefined) throw new Error(`${candidate.id} was not suggested`);
  return found.reason;
}

describe('suggestion reasons', () => {
  it.each<[LifecycleStage, string]>([
    ['visitor', 'a visitor'],
    ['lead', 'a lead'],
    ['mql', 'an MQL'],
    ['sql', 'an SQL'],
    ['opportunity', 'an opportunity'],
    ['customer', 'a customer'],
    ['recycled', 'a recycled lead'],
  ])('names the %s stage as "%s"', (stage, phrase) => {
    expect(stagePhrase(stage)).toBe(phrase);
  });

  it.each<[string, LifecycleStage, string | null, ContentItem, ContentItem[], string]>([
    [
      // stage 26 + 3 + persona 13 + 3 + topic 33 = 78 chars; adding " · " + assists (34) = 115 > 110, so the assists part
      // (least important) is dropped.
      'all four parts, the last dropped to fit 110 chars',
      'sql',
      'CFO',
      item('k', 'decision', { personas: ['cfo'], topics: ['pricing'], assists: 12 }),
      [item('r', 'awareness', { topics: ['pricing'] })],
      'Decision stage, for an SQL · for CFO roles · on pricing, which they read about',
    ],
    [
      'stage and persona and assists (fits: 26 + 3 + 13 + 3 + 34 = 79)',
      'sql',
      'Acting CFO',
      item('k', 'decision', { personas: ['cfo'], assists: 12 }),
      [],
      'Decision stage, for an SQL · for CFO roles · read by 12 customers before buying',
    ],
    [
      'a step ahead, with one customer (singular)',
      'lead',
      null,
      item('k', 'consideration', { assists: 1 }),
      [],
      'Consideration stage, a step ahead for a lead · read by 1 customer before buying',
    ],
    [
      // 39 + 3 + 19 + 3 + 46 = 110 chars: exactly at the limit, so nothing is dropped.
      'a step back, two topics in words ("_" read as a space)',
      'mql',
      'Marketing Director',
      item('k', 'awareness', { personas: ['marketing'], topics: ['roi', 'case_studies'] }),
      [item('r', 'consideration', { topics: ['case_studies', 'roi'] })],
      'Awareness stage, a step back for an MQL · for marketing roles · on roi and case studies, which they read about',
    ],
    ['three topics listed with "and"', 'sql', null, item('k', 'decision', { topics: ['sso', 'audit', 'pricing'] }), [item('r', 'awareness', { topics: ['sso', 'audit', 'pricing'] })], 'Decision stage, for an SQL · on sso, audit and pricing, which they read about'],
    ['only assists scored (two stages off)', 'lead', null, item('k', 'decision', { assists: 3 }), [], 'read by 3 customers before buying'],
    ['a customer gets decision content', 'customer', null, item('k', 'decision'), [], 'Decision stage, for a customer'],
    ['a recycled lead', 'recycled', null, item('k', 'awareness'), [], 'Awareness stage, for a recycled lead'],
  ])('%s', (_name, stage, title, candidate, read, expected) => {
    const reason = reasonFor(stage, title, candidate, read);
    expect(reason).toBe(expected);
    expect(reason.length).toBeLessThanOrEqual(MAX_REASON_CHARS);
  });

  it('cuts a single part that is too long by itself, with an ellipsis', () => {
    const topics = ['enterprise_security_compliance_program', 'customer_onboarding_for_large_teams', 'procurement_and_vendor_review_process'];
    // Lead + decision piece: no stage part, so the topics part comes first and is 3 + 38 + 2 + 35 + 5 + 37 + 22 = 142 chars.
    const reason = reasonFor('lead', null, item('k', 'decision', { topics }), [item('r', 'awareness', { topics })]);
    expect(reason.length).toBeLessThanOrEqual(MAX_REASON_CHARS);
    expect(reason.startsWith('on enterprise security compliance program, customer onboarding')).toBe(true);
    expect(reason.endsWith('…')).toBe(true);
  });
});
