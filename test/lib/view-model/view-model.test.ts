import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../lib/view-model/page-contacts';
import { machineReasons, timelineRows } from '../../../lib/view-model/timeline';
import { moreRowsLabel, shownRows } from '../../../lib/view-model/windowing';
import { activity, attempt } from '../core/fixtures';

describe('page key', () => {
  it('a page is the same page while its tab, URL and addresses are', () => {
    const page = { tabId: 1, url: 'https://mail.google.com/x', contacts: [{ email: 'a@b.example', name: null, role: 'sender' as const }] };
    expect(pageKey(page)).toBe(pageKey({ ...page }));
    expect(pageKey(page)).not.toBe(pageKey({ ...page, tabId: 2 }));
    expect(pageKey(null)).toBe('');
  });
});

describe('timeline rows', () => {
  it('merges activities and attempts newest first, fading machine activity and undone attempts with the reason', () => {
    const rows = timelineRows(
      [
        activity('page_view', '2026-01-16T14:00:00Z', { url: 'https://n.example/pricing', title: 'Pricing' }),
        activity('email_open', '2026-01-17T12:00:05Z', { trust: { label: 'machine', reason: 'Apple prefetch' } }),
        activity('email_reply', '2026-01-18T12:00:00Z', { outOfOffice: true }),
      ],
      [attempt('2026-01-19T14:00:00Z', { note: 'Voicemail left' }), attempt('2026-01-19T15:00:00Z', { undoneAt: '2026-01-19T15:00:03Z', outcome: null })],
      [],
      [],
    );
    expect(rows.map((r) => [r.text, r.by, r.faded, r.fadedReason, r.detail])).toEqual([
      ['Call', 'rep', true, 'Undone', null],
      ['Call · No answer', 'rep', false, null, 'Voicemail left'],
      ['Out-of-office reply', 'contact', false, null, null],
      ['Opened an email (machine)', 'contact', true, 'Apple prefetch', null],
      ['Viewed Pricing', 'contact', false, null, '/pricing'],
    ]);
  });

  it('gathers the reasons machine activity was not counted, most frequent first', () => {
    const machine = (reason: string) => activity('email_open', '2026-01-17T12:00:00Z', { trust: { label: 'machine', reason } });
    expect(machineReasons([machine('Apple'), machine('Scanner'), machine('Apple'), activity('email_open', '2026-01-17T13:00:00Z')], 'email_open')).toEqual([
      'Apple (2)',
      'Scanner',
    ]);
  });
});

describe('paging a long list', () => {
  it.each([
    [5000, 1, 30, 30],
    [5000, 3, 30, 90],
    [70, 3, 30, 70],
    [3, 1, 30, 3],
    [0, 1, 30, 0],
    [10, 0, 30, 10],
  ])('%i rows, %i pages of %i: %i shown', (count, pages, size, shown) => {
    expect(shownRows(count, pages, size)).toBe(shown);
  });

  it('says what the next page adds', () => {
    expect(moreRowsLabel(5000, 30, 30)).toBe('Show 30 older · 4,970 not shown yet');
    expect(moreRowsLabel(40, 30, 30)).toBe('Show the 10 older');
    expect(moreRowsLabel(30, 30, 30)).toBeNull();
  });
});
