import { describe, expect, it } from 'vitest';
import { countAssists, type WonCustomer } from '../../../../lib/core/closed-loop';
import type { ReadingActivity } from '../../../../lib/core/closed-loop';

const LIBRARY = [
  { id: 'ct_guide', url: 'https://acme.example/resources/guide' },
  { id: 'ct_case', url: 'https://acme.example/resources/case-study' },
  { id: 'ct_price', url: 'https://acme.example/pricing' },
];
const WON = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const before = (days: number) => new Date(WON.getTime() - days * DAY).toISOString();

function read(type: ReadingActivity['type'], at: string, over: Partial<ReadingActivity> = {}): ReadingActivity {
  return { type, at, url: null, contentId: null, trust: { label: 'human', reason: 'seen on your website' }, ...over };
}
const customer = (contactId: string, activities: ReadingActivity[], wonAt = WON): WonCustomer => ({ contactId, wonAt, activities });
const asObject = (m: Map<string, number>) => Object.fromEntries(m);

describe('countAssists', () => {
  it('counts a download, a page view of the URL and a tracked click naming the item; each customer once per item', () => {
    const counts = countAssists(
      LIBRARY,
      [
        customer('c1', [
          read('content_download', before(3), { contentId: 'ct_guide', url: LIBRARY[0]!.url }),
          read('content_download', before(2), { contentId: 'ct_guide', url: LIBRARY[0]!.url }),
          // A campaign link to the same page, with a trailing slash: the same page.
          read('page_view', before(1), { url: 'https://acme.example/pricing/?utm_source=news' }),
        ]),
        customer('c2', [read('email_click', before(5), { contentId: 'ct_case', url: LIBRARY[1]!.url, trust: { label: 'proxy', reason: 'through a mail proxy' } })]),
      ],
      180,
    );
    expect(asObject(counts)).toEqual({ ct_guide: 1, ct_case: 1, ct_price: 1 });
  });

  it('leaves out machine activity, readings at or after the win, and readings before the window', () => {
    const counts = countAssists(
      LIBRARY,
      [
        customer('c1', [
          read('email_click', before(1), { contentId: 'ct_guide', trust: { label: 'machine', reason: 'a link scanner' } }),
          read('page_view', WON.toISOString(), { url: LIBRARY[1]!.url }),
          read('content_download', new Date(WON.getTime() + DAY).toISOString(), { contentId: 'ct_price' }),
          read('content_download', new Date(WON.getTime() - 180 * DAY - 1).toISOString(), { contentId: 'ct_case' }),
        ]),
      ],
      180,
    );
    expect(asObject(counts)).toEqual({ ct_guide: 0, ct_case: 0, ct_price: 0 });
  });

  it('counts a reading exactly at the window start and one a millisecond before the win', () => {
    const counts = countAssists(
      LIBRARY,
      [customer('c1', [read('content_download', before(30), { contentId: 'ct_guide' }), read('content_download', new Date(WON.getTime() - 1).toISOString(), { contentId: 'ct_case' })])],
      30,
    );
    expect(asObject(counts)).toEqual({ ct_guide: 1, ct_case: 1, ct_price: 0 });
  });

  it('ignores a content id that is not in the library, and an email open (it reads no item)', () => {
    const counts = countAssists(LIBRARY, [customer('c1', [read('content_download', before(1), { contentId: 'ct_gone' }), read('email_open', before(1), { url: LIBRARY[2]!.url })])], 180);
    expect(asObject(counts)).toEqual({ ct_guide: 0, ct_case: 0, ct_price: 0 });
  });

  it('adds customers up across the library', () => {
    const guide = (id: string) => customer(id, [read('content_download', before(10), { contentId: 'ct_guide' })]);
    expect(countAssists(LIBRARY, [guide('a'), guide('b'), guide('c')], 180).get('ct_guide')).toBe(3);
  });
});
