import { describe, expect, it } from 'vitest';
import { contentPerformance, type ContentAudience, type LibraryItem, type ReadingActivity } from '../../../../lib/core/closed-loop';

const LIBRARY: LibraryItem[] = [
  { id: 'guide', title: 'Guide', url: 'https://acme.example/guide', kind: 'ebook', journeyStage: 'awareness', archived: false, assists: 0 },
  { id: 'case', title: 'Case', url: 'https://acme.example/case', kind: 'case_study', journeyStage: 'decision', archived: false, assists: 0 },
];
const PERIOD = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-15T00:00:00Z') };
const view = (url: string, at: string): ReadingActivity => ({ type: 'page_view', at, url, contentId: null, trust: { label: 'human', reason: 'seen' } });
const person = (id: string, over: Partial<ContentAudience>): ContentAudience => ({ id, name: id, email: `${id}@x.example`, stage: 'lead', history: [], activities: [], sends: [], ...over });

describe('contentPerformance', () => {
  it('files each reading under the stage then; a person in two stages counts in both and once in the total', () => {
    const ana = person('ana', {
      stage: 'mql',
      history: [
        { from: null, to: 'lead', at: '2026-02-01T00:00:00Z' },
        { from: 'lead', to: 'mql', at: '2026-03-05T00:00:00Z' },
      ],
      activities: [view('https://acme.example/guide', '2026-03-02T00:00:00Z'), view('https://acme.example/guide', '2026-03-06T00:00:00Z')],
      // The same item twice in one attempt, and an id the library does not have: one send, nothing else.
      sends: [{ at: '2026-03-03T00:00:00Z', contentIds: ['guide', 'guide', 'gone'] }],
    });
    const [guide] = contentPerformance({ library: LIBRARY, people: [ana], period: PERIOD, assistWindowDays: 180 });
    expect(guide).toMatchObject({
      contentId: 'guide',
      total: { sent: 1, clicked: 0, viewed: 1 },
      byStage: [
        { stage: 'lead', sent: 1, clicked: 0, viewed: 1 },
        { stage: 'mql', sent: 0, clicked: 0, viewed: 1 },
      ],
    });
  });

  it('a customer assists only when its latest win is in the period, and only with what it read before that win', () => {
    const won = (id: string, wins: string[], reads: ReadingActivity[]) =>
      person(id, { stage: 'customer', history: wins.map((at) => ({ from: 'opportunity', to: 'customer', at })), activities: reads });
    const items = contentPerformance({
      library: LIBRARY,
      people: [
        // Won in the period, then won again after it (a win undone and redone): its win is the later one.
        won('rewon', ['2026-03-05T00:00:00Z', '2026-03-20T00:00:00Z'], [view('https://acme.example/guide', '2026-03-01T00:00:00Z')]),
        // Read the case after the win: no assist; the guide 100 days before: an assist.
        won('bea', ['2026-03-10T00:00:00Z'], [view('https://acme.example/case', '2026-03-11T00:00:00Z'), view('https://acme.example/guide', '2025-11-30T00:00:00Z')]),
      ],
      period: PERIOD,
      assistWindowDays: 180,
    });
    expect(items.map((i) => [i.contentId, i.assisted.contacts.map((c) => c.contactId)])).toEqual([
      ['guide', ['bea']],
      ['case', []],
    ]);
    expect(items[0]!.assisted.contacts[0]).toEqual({ contactId: 'bea', name: 'bea', email: 'bea@x.example', wonAt: '2026-03-10T00:00:00.000Z' });
  });
});
