import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../lib/core/model/activity';
import type { Attempt } from '../../../../lib/core/model/attempt';
import type { ContentItem } from '../../../../lib/core/model/content';
import { ContentSuggestion } from '../../../../lib/core/model/derived';
import type { LifecycleStage } from '../../../../lib/core/model/vocabulary';
import type { SuggestContentInput } from '../../../../lib/core/content-suggestions';
import { suggestContent } from '../../../../lib/core/content-suggestions';
import { NOW, activity, daysAgo, item, sent } from './fixtures';

function suggest(
  stage: LifecycleStage,
  library: ContentItem[],
  more: { title?: string | null; activities?: Activity[]; attempts?: Attempt[]; limit?: number } = {},
) {
  const input: SuggestContentInput = {
    contact: { stage, title: more.title ?? null },
    library,
    activities: more.activities ?? [],
    attempts: more.attempts ?? [],
    now: NOW,
    ...(more.limit === undefined ? {} : { limit: more.limit }),
  };
  const out = suggestContent(input);
  for (const s of out) ContentSuggestion.parse(s);
  return out;
}

const ids = (out: { contentId: string }[]) => out.map((s) => s.contentId);

/** One plain piece per journey stage: only the stage fit scores. */
const ONE_PER_STAGE = [item('aw', 'awareness', { title: 'Awareness guide' }), item('co', 'consideration', { title: 'Consideration checklist' }), item('de', 'decision', { title: 'Decision pricing' })];

describe('suggestContent: the stage picks the journey', () => {
  it.each<[LifecycleStage, string[]]>([
    // lead → awareness: aw 3, co 1 (adjacent), de 0 (left out: nothing to say for it).
    ['lead', ['aw', 'co']],
    ['visitor', ['aw', 'co']],
    ['recycled', ['aw', 'co']],
    // mql → consideration: co 3; aw and de both adjacent (1), tie → title A–Z: "Awareness…" < "Decision…".
    ['mql', ['co', 'aw', 'de']],
    // sql → decision: de 3, co 1, aw 0.
    ['sql', ['de', 'co']],
    ['opportunity', ['de', 'co']],
    ['customer', ['de', 'co']],
    ['disqualified', []],
  ])('%s → %j', (stage, expected) => {
    expect(ids(suggest(stage, ONE_PER_STAGE))).toEqual(expected);
  });

  it('gives a disqualified contact nothing, even a perfect fit', () => {
    const perfect = item('p', 'decision', { personas: ['cfo'], assists: 50 });
    expect(suggest('disqualified', [perfect], { title: 'CFO' })).toEqual([]);
  });

  it('returns nothing for an empty library', () => {
    expect(suggest('sql', [])).toEqual([]);
  });
});

describe('suggestContent: persona and interest', () => {
  it('puts the piece for the contact’s title first', () => {
    const library = [item('generic', 'decision', { title: 'A generic case study' }), item('forCfo', 'decision', { title: 'ROI for finance', personas: ['cfo', 'finance'] })];
    // forCfo 3 + 2 = 5 beats generic 3 (though "A generic…" sorts first by title).
    const out = suggest('sql', library, { title: 'Chief Financial Officer (CFO)' });
    expect(out.map((s) => [s.contentId, s.score])).toEqual([
      ['forCfo', 5],
      ['generic', 3],
    ]);
  });

  it('reads interest from the topics of pieces the person consumed, by contentId or URL', () => {
    const library = [
      item('readById', 'awareness', { topics: ['pricing'] }),
      item('readByUrl', 'awareness', { topics: ['security'], url: 'https://acme.com/blog/security' }),
      item('unread', 'awareness', { topics: ['hiring'] }),
      item('candidate', 'decision', { title: 'Candidate', topics: ['pricing', 'security', 'hiring'] }),
      item('plain', 'decision', { title: 'Plain' }),
    ];
    const activities = [
      activity('email_click', { contentId: 'readById' }),
      activity('page_view', { url: 'https://acme.com/blog/security/?utm_source=linkedin#top' }),
    ];
    const out = suggest('sql', library, { activities });
    // candidate: decision 3 + pricing 1 + security 1 = 5 (hiring was never read); plain: 3.
    // readById / readByUrl are consumed (left out); unread is awareness, 2 steps from decision: 0, left out.
    expect(out.map((s) => [s.contentId, s.score])).toEqual([
      ['candidate', 5],
      ['plain', 3],
    ]);
  });

  it('ignores what a machine "read": no interest, no exclusion', () => {
    const library = [item('scanned', 'awareness', { topics: ['pricing'] }), item('candidate', 'awareness', { title: 'Candidate', topics: ['pricing'] })];
    const activities = [activity('email_click', { contentId: 'scanned', url: 'https://acme.com/library/scanned' }, 'machine')];
    // Both still eligible and neither gets the topic point: 3 each; tie → title "Candidate" < "Title scanned".
    expect(suggest('lead', library, { activities }).map((s) => [s.contentId, s.score])).toEqual([
      ['candidate', 3],
      ['scanned', 3],
    ]);
  });

  it('counts a proxy activity as the person’s', () => {
    const library = [item('read', 'awareness'), item('other', 'awareness')];
    expect(ids(suggest('lead', library, { activities: [activity('content_download', { contentId: 'read' }, 'proxy')] }))).toEqual(['other']);
  });
});

describe('suggestContent: what is left out', () => {
  const library = () => [item('k1', 'awareness', { title: 'One' }), item('k2', 'awareness', { title: 'Two' })];

  it.each<[string, Partial<{ activities: Activity[]; attempts: Attempt[] }>, ContentItem[] | null, string[]]>([
    ['nothing to leave out', {}, null, ['k1', 'k2']],
    ['archived', {}, [item('k1', 'awareness', { title: 'One', archived: true }), item('k2', 'awareness', { title: 'Two' })], ['k2']],
    ['consumed by contentId', { activities: [activity('content_download', { contentId: 'k1' })] }, null, ['k2']],
    ['consumed by URL (page view with a campaign tag)', { activities: [activity('page_view', { url: 'https://acme.com/library/k1/?utm_campaign=q1' })] }, null, ['k2']],
    ['consumed by URL (download)', { activities: [activity('content_download', { url: 'https://acme.com/library/k2' })] }, null, ['k1']],
    ['a click on its URL without a contentId is not a read', { activities: [activity('email_click', { url: 'https://acme.com/library/k1' })] }, null, ['k1', 'k2']],
    ['sent 29 days ago', { attempts: [sent(['k1'], daysAgo(29))] }, null, ['k2']],
    ['sent exactly 30 days ago (edge: still recent)', { attempts: [sent(['k1'], daysAgo(30))] }, null, ['k2']],
    ['sent 31 days ago: suggest again', { attempts: [sent(['k1'], daysAgo(31))] }, null, ['k1', 'k2']],
    ['sent 29 days ago but the attempt was undone: not sent', { attempts: [sent(['k1'], daysAgo(29), daysAgo(28))] }, null, ['k1', 'k2']],
    ['sent together in one attempt', { attempts: [sent(['k1', 'k2'], daysAgo(2))] }, null, []],
  ])('%s', (_name, more, customLibrary, expected) => {
    expect(ids(suggest('lead', customLibrary ?? library(), more))).toEqual(expected);
  });
});

describe('suggestContent: order and limit', () => {
  it('breaks a score tie by conversion assists', () => {
    // match: 3 + assists 0 = 3; adjacent: 1 + log2(1 + 15)/2 = 1 + 2 = 3. Tie → 15 assists first.
    const library = [item('match', 'awareness', { title: 'A match' }), item('proof', 'consideration', { title: 'Z proof', assists: 15 })];
    expect(suggest('lead', library).map((s) => [s.contentId, s.score])).toEqual([
      ['proof', 3],
      ['match', 3],
    ]);
  });

  it('breaks a tie in score and assists by title, A–Z, ignoring case', () => {
    const library = [item('b', 'decision', { title: 'beta' }), item('c', 'decision', { title: 'Charlie' }), item('a', 'decision', { title: 'Alpha' })];
    expect(ids(suggest('sql', library))).toEqual(['a', 'b', 'c']);
  });

  it('the assists cap makes 100 and 1000 assists tie on score; more assists still wins', () => {
    // both 3 + min(2, log2(101)/2 = 3.33) = 5 and 3 + min(2, 4.98) = 5.
    const library = [item('hundred', 'decision', { title: 'A', assists: 100 }), item('thousand', 'decision', { title: 'B', assists: 1000 })];
    expect(suggest('sql', library).map((s) => [s.contentId, s.score])).toEqual([
      ['thousand', 5],
      ['hundred', 5],
    ]);
  });

  const FIVE = [1, 2, 3, 4, 5].map((n) => item(`k${n}`, 'awareness', { title: `Piece ${n}`, assists: n }));
  it.each<[number | undefined, string[]]>([
    // assists 5 > 4 > 3 > 2 > 1, so higher assists score higher (log2 grows).
    [undefined, ['k5', 'k4', 'k3']],
    [1, ['k5']],
    [10, ['k5', 'k4', 'k3', 'k2', 'k1']],
    [0, []],
  ])('limit %s', (limit, expected) => {
    expect(ids(suggest('lead', FIVE, limit === undefined ? {} : { limit }))).toEqual(expected);
  });

  it('returns the item’s title and URL with each suggestion', () => {
    const [first] = suggest('sql', [item('k1', 'decision', { title: 'Pricing guide', url: 'https://acme.com/pricing-guide' })]);
    expect(first).toEqual({ contentId: 'k1', title: 'Pricing guide', url: 'https://acme.com/pricing-guide', score: 3, reason: 'Decision stage, for an SQL' });
  });
});
