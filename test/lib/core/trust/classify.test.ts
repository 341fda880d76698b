import { describe, expect, it } from 'vitest';
import type { Trust } from '../../../../lib/core/model/activity';
import { AUTOMATED_AGENTS, TRUST_THRESHOLDS, classifyActivityTrust, identifyAutomatedAgent, type TrustInput } from '../../../../lib/core/trust';

// Real user agents as they arrive at a tracking endpoint.
const GMAIL_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const YAHOO_PROXY = 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html';
const APPLE_PREFETCH = 'Mozilla/5.0';
const OUTLOOK_DESKTOP = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)';
const IPHONE_MAIL = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const CHROME_DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CUBOT_PHONE = 'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const HEADLESS = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const OFFICE_PROBE = 'Microsoft Office Protocol Discovery';

const sentAt = new Date('2026-03-02T10:00:00Z');
const APPLE_IP = '17.58.63.1';
const OTHER_IP = '203.0.113.7';

function after(ms: number, from: Date = sentAt): Date {
  return new Date(from.getTime() + ms);
}
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function open(overrides: Partial<TrustInput> = {}): TrustInput {
  return { type: 'email_open', at: after(HOUR), userAgent: IPHONE_MAIL, ip: OTHER_IP, sentAt, ...overrides };
}
function click(overrides: Partial<TrustInput> = {}): TrustInput {
  return { type: 'email_click', at: after(HOUR), userAgent: CHROME_DESKTOP, ip: OTHER_IP, sentAt, url: 'https://acme.com/a', ...overrides };
}

const HUMAN_OPEN: Trust = { label: 'human', reason: 'opened in a mail client' };
const HUMAN_CLICK: Trust = { label: 'human', reason: 'clicked by a person' };
const machine = (reason: string): Trust => ({ label: 'machine', reason });

describe('rule 1: user agents that name a scanner or bot', () => {
  // The scanner strings carry the vendor token each product puts in its user agent.
  it.each([
    ['Barracuda', 'Mozilla/5.0 (compatible; Barracuda Sentinel)', 'security scanner (Barracuda)'],
    ['Proofpoint', 'Mozilla/5.0 (compatible; Proofpoint URL Defense)', 'security scanner (Proofpoint)'],
    ['Mimecast', 'Mimecast URL Protect/1.0', 'security scanner (Mimecast)'],
    ['Symantec', 'Symantec Messaging Gateway', 'security scanner (Symantec)'],
    ['Trend Micro', 'Mozilla/5.0 (TrendMicro Email Security)', 'security scanner (Trend Micro)'],
    ['Office link probe', OFFICE_PROBE, 'security scanner (Microsoft Office link check)'],
    ['Googlebot', GOOGLEBOT, 'automated client (bot)'],
    ['python-requests', 'python-requests/2.31.0', 'automated client (python-requests)'],
    ['curl', 'curl/8.4.0', 'automated client (curl)'],
    ['Go', 'Go-http-client/1.1', 'automated client (Go-http-client)'],
    ['headless Chrome', HEADLESS, 'automated client (HeadlessChrome)'],
    ['a spider', 'Mozilla/5.0 (compatible; Baiduspider/2.0)', 'automated client (spider)'],
  ])('%s on a click an hour later → machine', (_, userAgent, reason) => {
    expect(classifyActivityTrust(click({ userAgent }))).toEqual(machine(reason));
  });

  it('applies to opens too', () => {
    expect(classifyActivityTrust(open({ userAgent: 'Mimecast URL Protect/1.0' }))).toEqual(machine('security scanner (Mimecast)'));
  });

  it.each([
    ['Outlook desktop', OUTLOOK_DESKTOP],
    ['iPhone Mail', IPHONE_MAIL],
    ['Chrome desktop', CHROME_DESKTOP],
    ['a CUBOT phone (not a bot)', CUBOT_PHONE],
    ['the Gmail proxy', GMAIL_PROXY],
  ])('does not take %s for an automated agent', (_, userAgent) => {
    expect(identifyAutomatedAgent(userAgent)).toBeNull();
  });

  it('documents why each agent is listed', () => {
    expect(AUTOMATED_AGENTS.every((agent) => agent.why.length > 0)).toBe(true);
  });
});

describe('rule 2: Apple Mail Privacy Protection (opens)', () => {
  const APPLE = machine('Apple Mail Privacy Protection prefetch');
  it.each<[string, Partial<TrustInput>, Trust]>([
    ['bare Mozilla/5.0', { userAgent: APPLE_PREFETCH }, APPLE],
    ['Apple address 17.58.x.x', { ip: APPLE_IP }, APPLE],
    ['Apple address, IPv4-mapped', { ip: `::ffff:${APPLE_IP}` }, APPLE],
    ['170.1.1.1 is not Apple', { ip: '170.1.1.1' }, HUMAN_OPEN],
    ['IPv6 is not matched', { ip: '2620:149:a44::1' }, HUMAN_OPEN],
    ['a full iPhone Mail UA from elsewhere', {}, HUMAN_OPEN],
    // every mail client names itself: no user agent is an automatic fetch (rule 2 runs first)
    ['no user agent, no address', { userAgent: null, ip: null }, machine('no browser named itself: an automatic fetch')],
  ])('%s', (_, overrides, expected) => {
    expect(classifyActivityTrust(open(overrides))).toEqual(expected);
  });

  it('is for opens only: a click from an Apple address is a person', () => {
    expect(classifyActivityTrust(click({ ip: APPLE_IP }))).toEqual(HUMAN_CLICK);
  });
});

describe('rule 3: Gmail and Yahoo image proxies (opens)', () => {
  it.each<[string, string, Trust]>([
    ['Gmail', GMAIL_PROXY, { label: 'proxy', reason: 'opened in Gmail (Google image proxy)' }],
    ['Gmail via ggpht.com only', 'Mozilla/5.0 (via ggpht.com)', { label: 'proxy', reason: 'opened in Gmail (Google image proxy)' }],
    ['Yahoo', YAHOO_PROXY, { label: 'proxy', reason: 'opened in Yahoo Mail (image proxy)' }],
    ['Outlook desktop', OUTLOOK_DESKTOP, HUMAN_OPEN],
  ])('%s an hour after sending', (_, userAgent, expected) => {
    expect(classifyActivityTrust(open({ userAgent }))).toEqual(expected);
  });
});

describe('rule 4: an open within 2 s of sending', () => {
  it.each<[string, Partial<TrustInput>, Trust]>([
    ['1.9 s', { at: after(1900) }, machine('opened 1.9 s after sending: an automatic fetch')],
    ['exactly 2 s', { at: after(2000) }, machine('opened 2 s after sending: an automatic fetch')],
    ['2.1 s', { at: after(2100) }, HUMAN_OPEN],
    ['0 s', { at: after(0) }, machine('opened 0 s after sending: an automatic fetch')],
    ['before sending', { at: after(-5 * SECOND) }, machine('opened before it was sent: an automatic fetch')],
    ['send time unknown', { at: after(0), sentAt: null }, HUMAN_OPEN],
  ])('%s', (_, overrides, expected) => {
    expect(classifyActivityTrust(open(overrides))).toEqual(expected);
  });

  it('reads its limit from TRUST_THRESHOLDS', () => {
    expect(TRUST_THRESHOLDS).toEqual({ instantOpenMs: 2000, instantClickMs: 10000, scannerSpanMs: 5000 });
  });
});

describe('rule 5: a click within 10 s of delivery', () => {
  const deliveredAt = after(5 * SECOND);
  it.each<[string, Partial<TrustInput>, Trust]>([
    ['9.9 s after delivery', { deliveredAt, at: after(9900, deliveredAt) }, machine('clicked 9.9 s after delivery: a link scanner')],
    ['exactly 10 s', { deliveredAt, at: after(10_000, deliveredAt) }, machine('clicked 10 s after delivery: a link scanner')],
    ['10.1 s after delivery', { deliveredAt, at: after(10_100, deliveredAt) }, HUMAN_CLICK],
    // 12 s after sending but 7 s after delivery: delivery is what counts
    ['12 s after sending, 7 s after delivery', { deliveredAt, at: after(12 * SECOND) }, machine('clicked 7 s after delivery: a link scanner')],
    ['no delivery time: measured from sending', { at: after(9900) }, machine('clicked 9.9 s after delivery: a link scanner')],
    ['null delivery time: measured from sending', { deliveredAt: null, at: after(10_100) }, HUMAN_CLICK],
    ['before delivery', { deliveredAt, at: after(2 * SECOND) }, machine('clicked before delivery: a link scanner')],
    ['no times known', { sentAt: null, deliveredAt: null, at: after(1) }, HUMAN_CLICK],
  ])('%s', (_, overrides, expected) => {
    expect(classifyActivityTrust(click(overrides))).toEqual(expected);
  });
});

describe('rule 6: every link clicked in a burst', () => {
  const burst = after(5 * MINUTE);
  const link = (n: number) => `https://acme.com/link-${n}`;

  it.each<[string, Partial<TrustInput>, Trust]>([
    [
      '3 links, all clicked within 1.9 s (this is the last)',
      { at: after(1900, burst), url: link(3), linkCount: 3, otherClicks: [{ at: burst, url: link(1) }, { at: after(800, burst), url: link(2) }] },
      machine('every link clicked within 1.9 s: a link scanner'),
    ],
    [
      '3 links, all clicked within 1.9 s (this is the first)',
      { at: burst, url: link(1), linkCount: 3, otherClicks: [{ at: after(800, burst), url: link(2) }, { at: after(1900, burst), url: link(3) }] },
      machine('every link clicked within 1.9 s: a link scanner'),
    ],
    [
      'this click listed among the others too',
      { at: burst, url: link(1), linkCount: 2, otherClicks: [{ at: burst, url: link(1) }, { at: after(300, burst), url: link(2) }] },
      machine('every link clicked within 0.3 s: a link scanner'),
    ],
    [
      '3 links spread over 15 minutes',
      { at: after(15 * MINUTE, burst), url: link(3), linkCount: 3, otherClicks: [{ at: burst, url: link(1) }, { at: after(4 * MINUTE, burst), url: link(2) }] },
      HUMAN_CLICK,
    ],
    [
      '3 links, only 2 clicked in the burst',
      { at: after(500, burst), url: link(2), linkCount: 3, otherClicks: [{ at: burst, url: link(1) }] },
      HUMAN_CLICK,
    ],
    [
      '2 links 5 s apart: still inside the span',
      { at: after(5000, burst), url: link(2), linkCount: 2, otherClicks: [{ at: burst, url: link(1) }] },
      machine('every link clicked within 5 s: a link scanner'),
    ],
    [
      '2 links 5.1 s apart',
      { at: after(5100, burst), url: link(2), linkCount: 2, otherClicks: [{ at: burst, url: link(1) }] },
      HUMAN_CLICK,
    ],
    [
      'a one-link email clicked twice fast is no scanner pattern',
      { at: after(400, burst), url: link(1), linkCount: 1, otherClicks: [{ at: burst, url: link(1) }] },
      HUMAN_CLICK,
    ],
    [
      'a person clicking hours after a scanner walked every link',
      {
        at: after(4 * HOUR, burst),
        url: link(1),
        linkCount: 3,
        otherClicks: [{ at: burst, url: link(1) }, { at: after(500, burst), url: link(2) }, { at: after(900, burst), url: link(3) }],
      },
      HUMAN_CLICK,
    ],
    [
      'unknown link count: 3 links within 2 s',
      { at: after(2000, burst), url: link(3), otherClicks: [{ at: burst, url: link(1) }, { at: after(1000, burst), url: link(2) }] },
      machine('3 links clicked within 2 s: a link scanner'),
    ],
    [
      'unknown link count: only 2 links within 2 s',
      { at: after(2000, burst), url: link(2), linkCount: null, otherClicks: [{ at: burst, url: link(1) }] },
      HUMAN_CLICK,
    ],
    [
      'unknown link count: one link clicked 3 times',
      { at: after(1000, burst), url: link(1), otherClicks: [{ at: burst, url: link(1) }, { at: after(500, burst), url: link(1) }] },
      HUMAN_CLICK,
    ],
  ])('%s', (_, overrides, expected) => {
    expect(classifyActivityTrust(click(overrides))).toEqual(expected);
  });
});

describe('rule order', () => {
  it.each<[string, TrustInput, Trust]>([
    // timing runs before the proxy rule: nobody reads an email 1 s after it is sent, Gmail or not
    ['Gmail proxy 1 s after sending', open({ userAgent: GMAIL_PROXY, at: after(1000) }), machine('opened 1 s after sending: an automatic fetch')],
    ['Gmail proxy 3 s after sending', open({ userAgent: GMAIL_PROXY, at: after(3000) }), { label: 'proxy', reason: 'opened in Gmail (Google image proxy)' }],
    // Apple runs before timing: the more telling reason wins
    ['Apple prefetch 1 s after sending', open({ userAgent: APPLE_PREFETCH, at: after(1000) }), machine('Apple Mail Privacy Protection prefetch')],
    // a named scanner beats everything, including an instant click
    ['Proofpoint 1 s after sending', click({ userAgent: 'Proofpoint URL Defense', at: after(1000) }), machine('security scanner (Proofpoint)')],
    ['a bot from an Apple address', open({ userAgent: GOOGLEBOT, ip: APPLE_IP }), machine('automated client (bot)')],
    // instant click beats the burst rule
    [
      'every link within 1 s, 3 s after delivery',
      click({ at: after(3000), url: 'https://acme.com/2', linkCount: 2, otherClicks: [{ at: after(2000), url: 'https://acme.com/1' }] }),
      machine('clicked 3 s after delivery: a link scanner'),
    ],
    // the request's own shape comes first: a HEAD, then a missing agent, then a named one
    ['a HEAD from Googlebot', click({ userAgent: GOOGLEBOT, method: 'HEAD' }), machine('HEAD request: a link check, not a person')],
    ['no agent from an Apple address', open({ userAgent: null, ip: APPLE_IP }), machine('no browser named itself: an automatic fetch')],
    // a named agent beats the network it comes from; a network beats the timing
    ['Proofpoint naming itself from Microsoft 365', click({ userAgent: 'Proofpoint URL Defense', ip: '40.107.96.45' }), machine('security scanner (Proofpoint)')],
    ['Chrome from Microsoft 365, 3 s after delivery', click({ ip: '40.107.96.45', at: after(3000) }), machine('security gateway (Microsoft 365 network)')],
    ['Outlook desktop an hour later', open({ userAgent: OUTLOOK_DESKTOP }), HUMAN_OPEN],
    ['Chrome click an hour later', click(), HUMAN_CLICK],
  ])('%s', (_, input, expected) => {
    expect(classifyActivityTrust(input)).toEqual(expected);
  });
});
