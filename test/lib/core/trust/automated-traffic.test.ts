import { describe, expect, it } from 'vitest';
import type { Trust } from '../../../../lib/core/model/activity';
import {
  AGENT_DATA,
  AUTOMATED_AGENTS,
  AUTOMATED_TRAFFIC_CHECKED,
  KNOWN_NETWORK_BLOCKS,
  NETWORK_DATA,
  classifyActivityTrust,
  identifyAutomatedAgent,
  identifyNetwork,
  type TrustInput,
} from '../../../../lib/core/trust';

// The data file's own test: every entry met by a real string or address from its source, the boundaries of the
// blocks, and the other half, just as important: the people who must stay people.

const sentAt = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const anHourLater = new Date(sentAt.getTime() + HOUR);
/** TEST-NET-3 (RFC 5737): in no published network. */
const NOWHERE = '203.0.113.7';

function open(userAgent: string | null, ip: string | null = NOWHERE, overrides: Partial<TrustInput> = {}): TrustInput {
  return { type: 'email_open', at: anHourLater, userAgent, ip, sentAt, ...overrides };
}
function click(userAgent: string | null, ip: string | null = NOWHERE, overrides: Partial<TrustInput> = {}): TrustInput {
  return { type: 'email_click', at: anHourLater, userAgent, ip, sentAt, url: 'https://acme.example/pricing', ...overrides };
}
const machine = (reason: string): Trust => ({ label: 'machine', reason });
const HUMAN_OPEN: Trust = { label: 'human', reason: 'opened in a mail client' };
const HUMAN_CLICK: Trust = { label: 'human', reason: 'clicked by a person' };
const GMAIL: Trust = { label: 'proxy', reason: 'opened in Gmail (Google image proxy)' };

// Mail clients and browsers as the tracking endpoints see them.
const PERSON = {
  outlookDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  outlookWebEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  outlookWebChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  appleMailMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  thunderbird: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0',
  firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  iphoneMail: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  iphoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidMailWebView:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36',
  samsungInternet: 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  // The phone maker CUBOT: "CUBOT X30" ends in "bot" and is a person.
  cubot: 'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  // In-app browsers carry the app's name, but a person is reading: not LinkedInBot, not facebookexternalhit.
  linkedInApp: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.6480',
  facebookApp:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/450.0.0.38.108;FBBV/564431005]',
  discordDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) discord/1.0.9163 Chrome/124.0.6367.243 Electron/30.2.0 Safari/537.36',
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  yahooProxy: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html',
} as const;

// Residential addresses: Comcast's 73.0.0.0/8 and 2601::/20, Deutsche Telekom's 2003::/19.
const HOME_V4 = '73.162.24.19';
const HOME_V6 = '2601:646:8a00:4d0::2';
const HOME_V6_DE = '2003:e6:2f12:a800:4d1c:9e2f:63b1:1a07';

describe('the data file', () => {
  it('is dated', () => {
    expect(AUTOMATED_TRAFFIC_CHECKED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names the public source of every entry', () => {
    expect(AGENT_DATA.every((agent) => agent.source.length > 10)).toBe(true);
    expect(NETWORK_DATA.every((network) => network.source.length > 10 && network.cidrs.length > 0)).toBe(true);
    expect(AUTOMATED_AGENTS.every((agent) => agent.why.length > 0)).toBe(true);
  });

  it('has one entry per name', () => {
    expect(new Set(AGENT_DATA.map((agent) => agent.name)).size).toBe(AGENT_DATA.length);
    expect(new Set(NETWORK_DATA.map((network) => network.name)).size).toBe(NETWORK_DATA.length);
  });

  it('compiles every block, none overlapping another (the table throws at load otherwise)', () => {
    // 1 Apple + 6 Microsoft 365 + 7 Proofpoint + 50 Google
    expect(KNOWN_NETWORK_BLOCKS).toBe(64);
    expect(NETWORK_DATA.reduce((sum, network) => sum + network.cidrs.length, 0)).toBe(KNOWN_NETWORK_BLOCKS);
  });
});

/**
 * A real agent string for every entry: the instances crawler-user-agents.json lists for it, or for the entries it does
 * not list, the form the cited source gives. The security vendors publish no agent strings: theirs are their name as
 * it shows in an agent.
 */
const AGENT_EXAMPLES: readonly [name: string, userAgent: string][] = [
  ['Barracuda', 'Mozilla/5.0 (compatible; Barracuda Sentinel)'],
  ['Proofpoint', 'Mozilla/5.0 (compatible; Proofpoint URL Defense)'],
  ['Mimecast', 'Mimecast URL Protect/1.0'],
  ['Symantec', 'Symantec Messaging Gateway'],
  ['Trend Micro', 'Mozilla/5.0 (TrendMicro Email Security)'],
  ['Microsoft Defender', 'Microsoft Defender for Office 365 Safe Links'],
  ['Microsoft Office link check', 'Microsoft Office Existence Discovery'],
  ['Microsoft Office link check', 'Microsoft Office Protocol Discovery'],
  ['Cisco Secure Email', 'Mozilla/5.0 (compatible; IronPort URL filter)'],
  ['Sophos', 'Mozilla/5.0 (compatible; Sophos Email Time-of-Click)'],
  ['Forcepoint', 'Mozilla/5.0 (compatible; Forcepoint Email Security)'],
  ['Fortinet', 'Mozilla/5.0 (compatible; FortiMail URL click protection)'],
  ['Zscaler', 'Mozilla/5.0 (compatible; Zscaler Sandbox)'],

  ['Slackbot', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
  ['Slackbot', 'Slack-ImgProxy (+https://api.slack.com/robots)'],
  ['LinkedInBot', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
  ['Twitterbot', 'Twitterbot/1.0'],
  ['Facebook', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
  ['Facebook', 'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)'],
  ['WhatsApp', 'WhatsApp/0.3.4479 N'],
  ['WhatsApp', 'WhatsApp'],
  ['Viber', 'Viber'],
  ['Discordbot', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
  ['TelegramBot', 'TelegramBot (like TwitterBot)'],
  ['Skype and Teams', 'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5'],
  ['Microsoft preview', 'MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview'],
  ['Bing preview', 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b'],
  ['Yahoo link preview', 'Mozilla/5.0 (compatible; Yahoo Link Preview; https://help.yahoo.com/kb/mail/yahoo-link-preview-SLN23615.html)'],
  ['Applebot', 'Mozilla/5.0 (compatible; Applebot/0.3; +http://www.apple.com/go/applebot)'],
  ['redditbot', 'Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)'],
  ['Embedly', 'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)'],
  ['Iframely', 'Iframely/1.3.1 (+https://iframely.com/docs/about) Atlassian'],
  ['vkShare', 'Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)'],
  ['Pinterest', 'Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)'],
  ['Snapchat', 'Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots'],
  ['Mastodon', 'http.rb/2.2.2 (Mastodon/1.5.1; +https://example-masto-instance.org/)'],
  ['Bluesky', 'BlueskyPreviewBot/1.0'],

  ['Pingdom', 'Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)'],
  ['Pingdom', 'Mozilla/5.0 (compatible; pingbot/2.0; +http://www.pingdom.com/)'],
  ['UptimeRobot', 'Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)'],
  ['StatusCake', 'StatusCake_Uptime_Checker/1.0'],
  ['Site24x7', 'Site24x7'],
  ['Better Stack', 'Better Uptime Bot Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.169 Safari/537.36'],
  ['Uptime Kuma', 'Uptime-Kuma/1.23.16'],
  ['Uptime.com', 'Mozilla/5.0 (compatible; Uptimebot/1.0; +http://www.uptime.com/uptimebot)'],
  ['HetrixTools', 'HetrixTools Uptime Monitoring Bot. https://hetrix.tools/uptime-monitoring-bot.html'],
  ['Freshping', 'FreshpingBot/1.0 (+https://freshping.io/)'],
  ['Oh Dear', 'Mozilla/5.0 (compatible; OhDear/1.1; +https://ohdear.app/checkerOhDear.app (+https://ohdear.app/docs/checks/uptime)'],
  ['New Relic', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.60 Safari/537.36 NewRelicSynthetics/1.0'],
  ['Datadog', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.7204.168 Safari/537.36 DatadogSynthetics'],
  ['Checkly', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.6998.35 Safari/537.36 (Checkly, https://www.checklyhq.com)'],
  ['Sentry', 'SentryUptimeBot/1.0 (+http://docs.sentry.io/product/alerts/uptime-monitoring/)'],
  ['Cloudflare health check', 'Mozilla/5.0 (compatible; Cloudflare-Healthchecks/1.0; +https://www.cloudflare.com/; healthcheck-id: AAAAAAAAAAAAAAAA)'],
  ['Google Cloud uptime check', 'GoogleStackdriverMonitoring-UptimeChecks(https://cloud.google.com/monitoring)'],
  ['Nagios', 'check_http/v2.2.1 (nagios-plugins 2.2.1)'],
  ['Zabbix', 'Zabbix'],
  ['Prometheus', 'Blackbox Exporter/0.20.0-rc.0'],

  ['python-requests', 'python-requests/2.31.0'],
  ['Python-urllib', 'Python-urllib/2.6'],
  ['aiohttp', 'Python/3.9 aiohttp/3.7.3'],
  ['httpx', 'python-httpx/0.16.1'],
  ['Scrapy', 'Scrapy/1.0.3 (+http://scrapy.org)'],
  ['curl', 'curl/7.47.0'],
  ['curl', 'curl'],
  ['Wget', 'Wget/1.20.3 (linux-gnu)'],
  ['HTTPie', 'HTTPie/3.2.2'],
  ['Go-http-client', 'Go-http-client/2.0'],
  ['Java', 'Java/1.8.0_392'],
  ['Apache-HttpClient', 'Apache-HttpClient/4.3.1 (java 1.5)'],
  ['AsyncHttpClient', 'AHC/2.0'],
  ['okhttp', 'okhttp/3.2.0'],
  ['axios', 'axios/0.19.0'],
  ['node-fetch', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)'],
  ['got', 'got (https://github.com/sindresorhus/got)'],
  ['Node.js fetch', 'node'],
  ['Node.js fetch', 'undici'],
  ['libwww-perl', '2Bone_LinkChecker/1.0 libwww-perl/6.03'],
  ['Postman', 'PostmanRuntime/7.43.0'],

  ['HeadlessChrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/74.0.3729.169 Safari/537.36'],
  ['PhantomJS', 'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1'],
  ['Playwright', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Playwright/1.40.0'],
  ['Puppeteer', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Puppeteer'],
  ['Selenium', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36; Selenium'],

  ['bot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  ['bot', 'Mozilla/5.0 (compatible; adidxbot/2.0; +http://www.bing.com/bingbot.htm)'],
  ['crawler', 'crawler4j (http://code.google.com/p/crawler4j/)'],
  ['spider', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'],
];

const WORDS = { security_scanner: 'security scanner', link_preview: 'link preview', uptime_monitor: 'uptime monitor', automated_client: 'automated client' };

describe('named agents', () => {
  it.each(AGENT_EXAMPLES)('%s: %s', (name, userAgent) => {
    const agent = identifyAutomatedAgent(userAgent);
    expect(agent?.name).toBe(name);
    const reason = `${WORDS[agent!.kind]} (${name})`;
    expect(classifyActivityTrust(click(userAgent))).toEqual(machine(reason));
    expect(classifyActivityTrust(open(userAgent))).toEqual(machine(reason));
  });

  it('meets every listed agent in the examples', () => {
    const met = new Set(AGENT_EXAMPLES.map(([name]) => name));
    expect(AGENT_DATA.map((agent) => agent.name).filter((name) => !met.has(name))).toEqual([]);
  });

  it.each([
    ['a link preview', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'link preview (Slackbot)'],
    ['an uptime monitor', 'Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)', 'uptime monitor (Pingdom)'],
    ['an HTTP library', 'python-requests/2.31.0', 'automated client (python-requests)'],
  ])('reads as the rep sees it: %s', (_, userAgent, reason) => {
    expect(classifyActivityTrust(click(userAgent)).reason).toBe(reason);
  });
});

describe('requests that name no browser', () => {
  const NONE = machine('no browser named itself: an automatic fetch');
  it.each<[string, string | null]>([
    ['no User-Agent header', null],
    ['an empty one', ''],
    ['only spaces', '   '],
  ])('%s → machine, open or click', (_, userAgent) => {
    expect(classifyActivityTrust(open(userAgent))).toEqual(NONE);
    expect(classifyActivityTrust(click(userAgent))).toEqual(NONE);
  });
});

describe('the HTTP method', () => {
  const HEAD = machine('HEAD request: a link check, not a person');
  it.each<[string, string | null | undefined, Trust, Trust]>([
    ['HEAD', 'HEAD', HEAD, HEAD],
    ['head, in any case', 'head', HEAD, HEAD],
    ['GET', 'GET', HUMAN_OPEN, HUMAN_CLICK],
    ['not known (null)', null, HUMAN_OPEN, HUMAN_CLICK],
    ['not given', undefined, HUMAN_OPEN, HUMAN_CLICK],
  ])('%s from a person’s browser', (_, method, openTrust, clickTrust) => {
    expect(classifyActivityTrust(open(PERSON.iphoneMail, HOME_V4, { method }))).toEqual(openTrust);
    expect(classifyActivityTrust(click(PERSON.outlookWebEdge, HOME_V4, { method }))).toEqual(clickTrust);
  });

  it('comes first: a HEAD from Gmail’s proxy is still a check', () => {
    expect(classifyActivityTrust(open(PERSON.gmailProxy, '66.249.84.1', { method: 'HEAD' }))).toEqual(HEAD);
  });
});

describe('published networks, at their boundaries', () => {
  // Hand-checked against each block: a /15 at 40.92 spans 40.92.0.0–40.93.255.255, a /14 at 52.100 spans
  // 52.100.0.0–52.103.255.255, a /17 at 104.47 spans 104.47.0.0–104.47.127.255, a /20 at 67.231.144 spans
  // 67.231.144.0–67.231.159.255, a /26 at 209.66.100.64 spans .64–.127, a /19 at 66.249.64 spans 66.249.64.0–66.249.95.255.
  it.each<[string | null, string | null]>([
    ['17.58.63.1', 'Apple Mail Privacy Protection'],
    ['17.0.0.0', 'Apple Mail Privacy Protection'],
    ['17.255.255.255', 'Apple Mail Privacy Protection'],
    ['16.255.255.255', null],
    ['18.0.0.0', null],
    ['::ffff:17.58.63.1', 'Apple Mail Privacy Protection'],

    ['40.92.0.1', 'Microsoft 365'],
    ['40.93.255.255', 'Microsoft 365'],
    ['40.91.255.255', null],
    ['40.94.0.0', null],
    ['40.107.96.45', 'Microsoft 365'],
    ['40.108.0.1', null],
    ['52.103.255.255', 'Microsoft 365'],
    ['52.104.0.0', null],
    ['104.47.127.255', 'Microsoft 365'],
    ['104.47.128.0', null],
    ['2a01:111:f400:7c00::1', 'Microsoft 365'],
    ['2a01:111:f403:c000::1a', 'Microsoft 365'],
    ['2a01:111:f401::1', null],
    ['2a01:111:f404::', null],

    ['67.231.152.217', 'Proofpoint'],
    ['67.231.144.0', 'Proofpoint'],
    ['67.231.159.255', 'Proofpoint'],
    ['67.231.143.255', null],
    ['67.231.160.0', null],
    ['62.209.50.10', 'Proofpoint'],
    ['209.66.100.127', 'Proofpoint'],
    ['209.66.100.64', 'Proofpoint'],
    ['209.66.100.63', null],
    ['209.66.100.128', null],

    ['66.249.84.1', 'Google'],
    ['66.249.95.255', 'Google'],
    ['66.249.96.0', null],
    ['66.249.63.255', null],
    ['74.125.210.35', 'Google'],
    ['209.85.238.3', 'Google'],
    ['209.85.127.255', null],
    ['2607:f8b0:4864:20::a2d', 'Google'],
    ['2001:4860:4864::5', 'Google'],
    ['2607:f8b1::1', null],
    // Google Cloud customers (cloud.json's 34.80.0.0/15, 2600:1900::/28) are left out: people browse from VPNs there.
    ['34.80.0.1', null],
    ['2600:1900:4000::1', null],

    [HOME_V4, null],
    [HOME_V6, null],
    [NOWHERE, null],
    ['not an address', null],
    ['017.58.63.1', null],
    [null, null],
  ])('%s → %s', (ip, name) => {
    expect(identifyNetwork(ip)?.name ?? null).toBe(name);
  });

  it('meets every listed network in the examples above', () => {
    const examples = ['17.58.63.1', '40.107.96.45', '67.231.152.217', '66.249.84.1'];
    expect(new Set(examples.map((ip) => identifyNetwork(ip)?.name))).toEqual(new Set(NETWORK_DATA.map((network) => network.name)));
  });
});

describe('security gateways by their network', () => {
  it.each<[string, TrustInput, Trust]>([
    ['a Chrome click from Exchange Online Protection', click(PERSON.outlookWebChrome, '40.107.96.45'), machine('security gateway (Microsoft 365 network)')],
    ['a Chrome click from EOP over IPv6', click(PERSON.outlookWebChrome, '2a01:111:f403:c000::1a'), machine('security gateway (Microsoft 365 network)')],
    ['an open fetched by EOP', open(PERSON.outlookDesktop, '52.100.12.9'), machine('security gateway (Microsoft 365 network)')],
    ['a Chrome click from Proofpoint', click(PERSON.outlookWebChrome, '67.231.152.217'), machine('security gateway (Proofpoint network)')],
    // a network is more telling than the timing: named before the 10-second rule
    [
      'a Proofpoint-network click 3 s after sending',
      click(PERSON.outlookWebChrome, '67.231.152.217', { at: new Date(sentAt.getTime() + 3000) }),
      machine('security gateway (Proofpoint network)'),
    ],
    // a scanner that names itself still wins over the address
    ['Mimecast naming itself from Proofpoint’s network', click('Mimecast URL Protect/1.0', '67.231.152.217'), machine('security scanner (Mimecast)')],
    ['just outside EOP’s 40.92.0.0/15', click(PERSON.outlookWebChrome, '40.94.0.0'), HUMAN_CLICK],
  ])('%s', (_, input, expected) => {
    expect(classifyActivityTrust(input)).toEqual(expected);
  });
});

describe('Gmail: its image proxy is a person, Google fetching for itself is not', () => {
  const PREFETCH = machine("prefetch from Google's network (not Gmail's image proxy)");
  it.each<[string, TrustInput, Trust]>([
    ['the image proxy from 66.249.84.1, an hour later', open(PERSON.gmailProxy, '66.249.84.1'), GMAIL],
    ['the image proxy over IPv6', open(PERSON.gmailProxy, '2a00:1450:4864:20::142'), GMAIL],
    ['the image proxy from anywhere else', open(PERSON.gmailProxy, HOME_V4), GMAIL],
    ['Chrome from Google’s 66.249.84.1 (no proxy name): a prefetch', open(PERSON.outlookWebChrome, '66.249.84.1'), PREFETCH],
    ['Edge from Google’s IPv6 (no proxy name): a prefetch', open(PERSON.outlookWebEdge, '2607:f8b0:4864:20::a2d'), PREFETCH],
    ['a click from Google’s network: Workspace’s link sandbox', click(PERSON.outlookWebChrome, '74.125.210.35'), machine('security gateway (Google network)')],
    // within 2 s the timing rule speaks first, as it does for the proxy itself
    ['a Google-network open 1 s after sending', open(PERSON.outlookWebChrome, '66.249.84.1', { at: new Date(sentAt.getTime() + 1000) }), machine('opened 1 s after sending: an automatic fetch')],
    ['just outside 66.249.64.0/19', open(PERSON.outlookWebChrome, '66.249.96.0'), HUMAN_OPEN],
    ['a Google Cloud VPN user', open(PERSON.outlookWebChrome, '34.80.0.1'), HUMAN_OPEN],
  ])('%s', (_, input, expected) => {
    expect(classifyActivityTrust(input)).toEqual(expected);
  });
});

describe('a person stays a person', () => {
  // Opens and clicks from people's own addresses, an hour after sending: each keeps `human` (or `proxy` through a
  // mail provider's image proxy), and no listed agent takes them.
  it.each<[string, string, string, Trust, Trust]>([
    ['Outlook desktop', PERSON.outlookDesktop, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['Outlook desktop over IPv6', PERSON.outlookDesktop, HOME_V6, HUMAN_OPEN, HUMAN_CLICK],
    ['Outlook on the web in Edge', PERSON.outlookWebEdge, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['Outlook on the web in Chrome', PERSON.outlookWebChrome, HOME_V6_DE, HUMAN_OPEN, HUMAN_CLICK],
    ['Apple Mail without Privacy Protection', PERSON.appleMailMac, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['Safari on a Mac', PERSON.safariMac, HOME_V6, HUMAN_OPEN, HUMAN_CLICK],
    ['Thunderbird', PERSON.thunderbird, HOME_V6_DE, HUMAN_OPEN, HUMAN_CLICK],
    ['Firefox', PERSON.firefox, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['iPhone Mail', PERSON.iphoneMail, HOME_V6, HUMAN_OPEN, HUMAN_CLICK],
    ['iPhone Safari', PERSON.iphoneSafari, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['Android Chrome', PERSON.androidChrome, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['an Android mail app (WebView)', PERSON.androidMailWebView, HOME_V6, HUMAN_OPEN, HUMAN_CLICK],
    ['Samsung Internet', PERSON.samsungInternet, HOME_V6_DE, HUMAN_OPEN, HUMAN_CLICK],
    ['a CUBOT phone', PERSON.cubot, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['LinkedIn’s in-app browser', PERSON.linkedInApp, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['Facebook’s in-app browser', PERSON.facebookApp, HOME_V6, HUMAN_OPEN, HUMAN_CLICK],
    ['the Discord desktop app', PERSON.discordDesktop, HOME_V4, HUMAN_OPEN, HUMAN_CLICK],
    ['Gmail through its image proxy', PERSON.gmailProxy, '66.249.84.1', GMAIL, HUMAN_CLICK],
    ['Yahoo Mail through its image proxy', PERSON.yahooProxy, HOME_V4, { label: 'proxy', reason: 'opened in Yahoo Mail (image proxy)' }, HUMAN_CLICK],
  ])('%s', (_, userAgent, ip, openTrust, clickTrust) => {
    expect(identifyAutomatedAgent(userAgent)).toBeNull();
    expect(classifyActivityTrust(open(userAgent, ip))).toEqual(openTrust);
    // Gmail's proxy fetches images only; the person's click comes from their own browser and address.
    const clickFrom = ip === '66.249.84.1' ? HOME_V4 : ip;
    expect(classifyActivityTrust(click(userAgent, clickFrom))).toEqual(clickTrust);
  });
});
