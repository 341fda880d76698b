import { describe, expect, it } from 'vitest';
import { summarizeIntelligence } from '../../../../lib/core/intelligence';
import type { Activity } from '../../../../lib/core/model/activity';
import type { IntelligenceSummary } from '../../../../lib/core/model/derived';
import { IntelligenceSummary as IntelligenceSummarySchema } from '../../../../lib/core/model/derived';
import { NOW, activity, ago } from './fixtures';

const CONTACT = { source: 'website' };
const HOUR = 3600;

function summarize(activities: readonly Activity[], options?: Parameters<typeof summarizeIntelligence>[3]): IntelligenceSummary {
  const summary = summarizeIntelligence(CONTACT, activities, NOW, options);
  // Whatever it returns must be a valid summary on the wire.
  expect(IntelligenceSummarySchema.parse(summary)).toEqual(summary);
  return summary;
}

describe('summarizeIntelligence: empty history', () => {
  it('says nothing happened, but still names the source', () => {
    expect(summarize([])).toEqual({
      pagesViewed: 0,
      distinctPages: 0,
      topPages: [],
      contentDownloaded: [],
      emailsOpened: 0,
      machineOpens: 0,
      linksClicked: 0,
      machineClicks: 0,
      lastSeenAt: null,
      activeNow: false,
      firstTouch: null,
      source: 'website',
    });
  });

  it.each([['website'], [null]])('passes the contact source through (%s)', (source) => {
    expect(summarizeIntelligence({ source }, [], NOW).source).toBe(source);
  });

  it('counts nothing when all there is is machine activity', () => {
    const s = summarize([
      activity('email_open', ago(HOUR), 'machine', { emailId: 'e1' }),
      activity('page_view', ago(60), 'machine', { url: 'https://acme.com/pricing' }),
    ]);
    expect(s).toMatchObject({ pagesViewed: 0, distinctPages: 0, emailsOpened: 0, machineOpens: 1, lastSeenAt: null, activeNow: false, firstTouch: null });
  });
});

describe('summarizeIntelligence: email opens and clicks', () => {
  it.each<[string, Activity[], { emailsOpened: number; machineOpens: number; linksClicked: number; machineClicks: number }]>([
    [
      // e1: 1 human open → 1 email; 2 machine opens are shown apart.
      'machine opens are counted apart',
      [
        activity('email_open', ago(3 * HOUR), 'machine', { emailId: 'e1' }),
        activity('email_open', ago(2 * HOUR), 'machine', { emailId: 'e1' }),
        activity('email_open', ago(HOUR), 'human', { emailId: 'e1' }),
      ],
      { emailsOpened: 1, machineOpens: 2, linksClicked: 0, machineClicks: 0 },
    ],
    ['a proxy open counts as the person', [activity('email_open', ago(HOUR), 'proxy', { emailId: 'e1' })], { emailsOpened: 1, machineOpens: 0, linksClicked: 0, machineClicks: 0 }],
    [
      'the same email opened 3 times is 1 email',
      [
        activity('email_open', ago(3 * HOUR), 'human', { emailId: 'e1' }),
        activity('email_open', ago(2 * HOUR), 'proxy', { emailId: 'e1' }),
        activity('email_open', ago(HOUR), 'human', { emailId: 'e1' }),
      ],
      { emailsOpened: 1, machineOpens: 0, linksClicked: 0, machineClicks: 0 },
    ],
    [
      // e1 human + e2 human = 2; e3 only a machine opened it → not the person's.
      'distinct emails; one only a machine opened does not count',
      [
        activity('email_open', ago(3 * HOUR), 'human', { emailId: 'e1' }),
        activity('email_open', ago(2 * HOUR), 'human', { emailId: 'e2' }),
        activity('email_open', ago(HOUR), 'machine', { emailId: 'e3' }),
      ],
      { emailsOpened: 2, machineOpens: 1, linksClicked: 0, machineClicks: 0 },
    ],
    [
      'opens without an email id count once each',
      [activity('email_open', ago(2 * HOUR), 'human'), activity('email_open', ago(HOUR), 'human')],
      { emailsOpened: 2, machineOpens: 0, linksClicked: 0, machineClicks: 0 },
    ],
    [
      // person clicks: 2 human + 1 proxy = 3; machine clicks (link scanners) = 3, apart.
      'clicks: the person’s and the scanners’ kept apart',
      [
        activity('email_click', ago(5 * HOUR), 'human', { emailId: 'e1' }),
        activity('email_click', ago(4 * HOUR), 'human', { emailId: 'e1' }),
        activity('email_click', ago(3 * HOUR), 'proxy', { emailId: 'e2' }),
        activity('email_click', ago(3 * HOUR), 'machine', { emailId: 'e2' }),
        activity('email_click', ago(2 * HOUR), 'machine', { emailId: 'e2' }),
        activity('email_click', ago(HOUR), 'machine', { emailId: 'e3' }),
      ],
      { emailsOpened: 0, machineOpens: 0, linksClicked: 3, machineClicks: 3 },
    ],
  ])('%s', (_name, activities, expected) => {
    expect(summarize(activities)).toMatchObject(expected);
  });
});

describe('summarizeIntelligence: pages', () => {
  it('counts every view but one distinct page across utm / hash / trailing-slash / ls variants', () => {
    const urls = [
      'https://acme.com/pricing',
      'https://acme.com/pricing/',
      'https://ACME.com/pricing#plans',
      'https://acme.com/pricing?utm_source=news&utm_medium=email',
      'https://acme.com/pricing?ls=k2x9',
      'https://acme.com/pricing/?ls_rep=7#faq',
    ];
    const s = summarize(urls.map((url, i) => activity('page_view', ago((10 - i) * HOUR), 'human', { url })));
    // 6 views, all of https://acme.com/pricing.
    expect(s.pagesViewed).toBe(6);
    expect(s.distinctPages).toBe(1);
    expect(s.topPages).toEqual([{ url: 'https://acme.com/pricing', title: null, views: 6 }]);
  });

  it.each([
    // 3 views: /a, /a?id=1, /a?id=2 → 3 pages (a real query parameter names another page).
    ['query parameters that are not tracking stay apart', ['https://acme.com/a', 'https://acme.com/a?id=1', 'https://acme.com/a?id=2'], 3, 3],
    // root written with and without its slash is one page; /blog another → 2.
    ['the root with or without a slash', ['https://acme.com', 'https://acme.com/', 'https://acme.com/blog/'], 3, 2],
  ])('%s', (_name, urls, views, distinct) => {
    const s = summarize(urls.map((url, i) => activity('page_view', ago((i + 1) * HOUR), 'human', { url })));
    expect([s.pagesViewed, s.distinctPages]).toEqual([views, distinct]);
  });

  it('counts proxy page views, not machine ones, and counts a view without a URL only in pagesViewed', () => {
    const s = summarize([
      activity('page_view', ago(3 * HOUR), 'proxy', { url: 'https://acme.com/a' }),
      activity('page_view', ago(2 * HOUR), 'machine', { url: 'https://acme.com/b' }),
      activity('page_view', ago(HOUR), 'human', { url: null }),
    ]);
    // person views: the proxy one and the URL-less one = 2; the only nameable page is /a.
    expect(s).toMatchObject({ pagesViewed: 2, distinctPages: 1, topPages: [{ url: 'https://acme.com/a', title: null, views: 1 }] });
  });

  it('ranks top pages by views, then most recent, and takes the latest non-null title', () => {
    const view = (url: string, hoursAgo: number, title: string | null) => activity('page_view', ago(hoursAgo * HOUR), 'human', { url, title });
    // Given shuffled on purpose: order must not matter.
    const s = summarize([
      view('https://acme.com/pricing', 9, 'Pricing'),
      view('https://acme.com/blog/x', 2, 'Blog X'), // blog: 1 view, latest 2 h ago
      view('https://acme.com/pricing/', 1, null), // null title does not erase "Plans & pricing"
      view('https://acme.com/pricing', 5, 'Plans & pricing'),
      view('https://acme.com/docs', 8, 'Docs'), // docs: 1 view, latest 8 h ago
      view('https://acme.com/case', 3, 'Case'), // case: 1 view, latest 3 h ago
    ]);
    // pricing 3 views; then the 1-view pages newest first: blog (2 h), case (3 h), docs (8 h).
    expect(s.topPages).toEqual([
      { url: 'https://acme.com/pricing', title: 'Plans & pricing', views: 3 },
      { url: 'https://acme.com/blog/x', title: 'Blog X', views: 1 },
      { url: 'https://acme.com/case', title: 'Case', views: 1 },
      { url: 'https://acme.com/docs', title: 'Docs', views: 1 },
    ]);
  });

  it.each([
    [undefined, 5],
    [2, 2],
    [0, 0],
  ])('topPages option %s lists %i of 7 pages', (topPages, expected) => {
    const views = Array.from({ length: 7 }, (_, i) => activity('page_view', ago((i + 1) * HOUR), 'human', { url: `https://acme.com/p${i}` }));
    expect(summarize(views, topPages === undefined ? {} : { topPages }).topPages).toHaveLength(expected);
  });
});

describe('summarizeIntelligence: downloads', () => {
  it('lists the person’s downloads newest first, never a machine’s', () => {
    const s = summarize([
      activity('content_download', ago(5 * HOUR), 'human', { contentId: 'k1', title: 'Guide', url: 'https://acme.com/guide.pdf' }),
      activity('content_download', ago(1 * HOUR), 'proxy', { contentId: null, title: 'ROI sheet', url: 'https://acme.com/roi.xlsx' }),
      activity('content_download', ago(2 * HOUR), 'machine', { contentId: 'k3', title: 'Scanner', url: 'https://acme.com/x.pdf' }),
      activity('content_download', ago(3 * HOUR), 'human', { contentId: 'k2', title: null, url: null }),
    ]);
    expect(s.contentDownloaded).toEqual([
      { contentId: null, title: 'ROI sheet', url: 'https://acme.com/roi.xlsx', at: ago(HOUR) },
      { contentId: 'k2', title: null, url: null, at: ago(3 * HOUR) },
      { contentId: 'k1', title: 'Guide', url: 'https://acme.com/guide.pdf', at: ago(5 * HOUR) },
    ]);
  });
});

describe('summarizeIntelligence: active now', () => {
  it.each<[string, Activity['type'], 'human' | 'proxy' | 'machine', number, boolean, number | undefined]>([
    // seconds before NOW; default window 5 min = 300 s.
    ['page view 4:59 ago', 'page_view', 'human', 299, true, undefined],
    ['page view 5:01 ago', 'page_view', 'human', 301, false, undefined],
    ['page view exactly 5:00 ago (edge counts)', 'page_view', 'human', 300, true, undefined],
    ['page view this instant', 'page_view', 'human', 0, true, undefined],
    ['proxy page view 1 min ago', 'page_view', 'proxy', 60, true, undefined],
    ['machine page view 1 min ago', 'page_view', 'machine', 60, false, undefined],
    ['download 2 min ago', 'content_download', 'human', 120, true, undefined],
    ['form submit 2 min ago', 'form_submit', 'human', 120, true, undefined],
    ['email open 1 min ago is not being on the site', 'email_open', 'human', 60, false, undefined],
    ['email click 1 min ago is not being on the site', 'email_click', 'human', 60, false, undefined],
    // Future-dated (the visitor's clock runs ahead): up to 1 min counts.
    ['page view stamped 0:59 in the future', 'page_view', 'human', -59, true, undefined],
    ['page view stamped 1:01 in the future', 'page_view', 'human', -61, false, undefined],
    ['10-minute window, 9 min ago', 'page_view', 'human', 540, true, 10],
    ['1-minute window, 2 min ago', 'page_view', 'human', 120, false, 1],
  ])('%s → %s', (_name, type, trust, secondsAgo, expected, activeWindowMinutes) => {
    const options = activeWindowMinutes === undefined ? {} : { activeWindowMinutes };
    expect(summarize([activity(type, ago(secondsAgo), trust, { url: 'https://acme.com/' })], options).activeNow).toBe(expected);
  });
});

describe('summarizeIntelligence: last seen and first touch', () => {
  it('last seen is the latest person activity of any type, as stored; a later machine open does not move it', () => {
    const s = summarize([
      activity('page_view', '2026-03-05T10:00:00+01:00', 'human', { url: 'https://acme.com/' }),
      activity('email_reply', '2026-03-06T09:15:00+01:00', 'human', { emailId: 'e1' }),
      activity('email_open', '2026-03-06T15:00:00Z', 'machine', { emailId: 'e2' }),
    ]);
    // 09:15+01:00 = 08:15Z, the latest human one; the machine open at 15:00Z is ignored.
    expect(s.lastSeenAt).toBe('2026-03-06T09:15:00+01:00');
  });

  it('compares instants, not strings, across offsets', () => {
    // As text 08:00 sorts first and 12:00 last; as instants 12:00+05:00 = 07:00Z is first and 08:00-05:00 = 13:00Z last.
    const s = summarize([
      activity('page_view', '2026-03-06T10:00:00Z', 'human', { url: 'https://acme.com/a' }),
      activity('page_view', '2026-03-06T12:00:00+05:00', 'human', { url: 'https://acme.com/b' }),
      activity('page_view', '2026-03-06T08:00:00-05:00', 'human', { url: 'https://acme.com/c' }),
    ]);
    expect(s.firstTouch).toEqual({ at: '2026-03-06T12:00:00+05:00', type: 'page_view', url: 'https://acme.com/b' });
    expect(s.lastSeenAt).toBe('2026-03-06T08:00:00-05:00');
  });

  it('first touch is the earliest person activity, whatever order they come in, ignoring earlier machine ones', () => {
    const s = summarize([
      activity('email_open', ago(10 * HOUR), 'human', { emailId: 'e1' }),
      activity('email_open', ago(48 * HOUR), 'machine', { emailId: 'e0' }),
      activity('form_submit', ago(30 * HOUR), 'human', { url: 'https://acme.com/demo' }),
      activity('page_view', ago(20 * HOUR), 'human', { url: 'https://acme.com/' }),
    ]);
    expect(s.firstTouch).toEqual({ at: ago(30 * HOUR), type: 'form_submit', url: 'https://acme.com/demo' });
    expect(s.lastSeenAt).toBe(ago(10 * HOUR));
  });
});
