import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../lib/view-model/page-contacts';
import { machineReasons, timelineRows } from '../../../lib/view-model/timeline';
import { visibleWindow } from '../../../lib/view-model/windowing';
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

describe('windowing', () => {
  it.each([
    [{ scrollTop: 0, viewportHeight: 400, rowHeight: 40, count: 5000, overscan: 5 }, { start: 0, end: 15 }],
    [{ scrollTop: 4000, viewportHeight: 400, rowHeight: 40, count: 5000, overscan: 5 }, { start: 95, end: 115 }],
    [{ scrollTop: 4020, viewportHeight: 400, rowHeight: 40, count: 5000, overscan: 0 }, { start: 100, end: 111 }],
    [{ scrollTop: 999_999, viewportHeight: 400, rowHeight: 40, count: 5000, overscan: 5 }, { start: 4985, end: 5000 }],
    [{ scrollTop: 0, viewportHeight: 400, rowHeight: 40, count: 3, overscan: 5 }, { start: 0, end: 3 }],
    [{ scrollTop: 0, viewportHeight: 400, rowHeight: 40, count: 0, overscan: 5 }, { start: 0, end: 0 }],
  ])('%o → %o', (input, window) => {
    expect(visibleWindow(input)).toEqual(window);
  });
});
