/**
 * The automated traffic the trust rules know by name: user agents that are never a person, and the networks that
 * fetch and click on a reader's behalf. One data file, each entry with the public list it comes from, so an update is
 * a data change with its test (test/lib/core/trust/automated-traffic.test.ts holds a real string or address for every
 * entry, and the people who must stay people). Plain data: lib/core bundles into the server and the extension, and
 * reads no file at run time.
 *
 * Kept narrow on purpose. A false match hides a real person's interest from the rep, which is worse than letting one
 * machine through (the timing and every-link rules catch most machines dressed as browsers). So: agents are matched
 * by a token no mail client or browser sends, and networks are only the ranges a vendor publishes as its own. Where
 * that could not be had the entry says so:
 *  - Mimecast, Barracuda, Cisco Secure Email (IronPort), Trend Micro, Sophos, Forcepoint, Broadcom/Symantec and
 *    Fortinet publish their ranges per region in admin-console pages whose tables were not readable from any stored
 *    source on the checked date: they are listed by agent token only. Add their blocks here, with the page, when read.
 *  - Zscaler by agent token only, and never by network: its ranges are where its customers' people browse from, so
 *    an address match would hide exactly the readers we want to see.
 *  - Google Cloud customers' ranges (cloud.json) are left out of Google's network: a VPN or a remote desktop hosted
 *    there carries real people.
 */

/** When every source below was last read. */
export const AUTOMATED_TRAFFIC_CHECKED = '2026-12-02';

export type AgentKind = 'security_scanner' | 'link_preview' | 'uptime_monitor' | 'automated_client';

export interface AgentData {
  /** Shown to the rep: "link preview (Slackbot)". */
  name: string;
  kind: AgentKind;
  pattern: RegExp;
  /** The published list (repository and path, or URL) the pattern and its example strings come from. */
  source: string;
}

export type NetworkKind =
  /** Apple's proxy fetching mail images for Mail Privacy Protection. */
  | 'apple_mail_privacy'
  /** A mail security gateway opening and clicking to scan, in ordinary browser clothes. */
  | 'security_gateway'
  /** Google's own services, where Gmail's image proxy, prefetch and Workspace's link sandbox run. */
  | 'google';

export interface NetworkData {
  /** Shown to the rep: "security gateway (Microsoft 365 network)". */
  name: string;
  kind: NetworkKind;
  source: string;
  /** CIDR blocks, IPv4 and IPv6, exactly as published (no block may overlap another entry's). */
  cidrs: readonly string[];
}

const CRAWLER_USER_AGENTS = 'github:monperrus/crawler-user-agents crawler-user-agents.json (commit 7c7f9f2, 2026-07-02)';
const VENDOR_NAME = "no published agent list: the vendor's own name, which no mail client or browser sends";

/**
 * In order: the first match names the agent, so specific entries come before the catch-all "bot", "crawler" and
 * "spider" at the end (Slackbot is a link preview, not just a bot).
 */
export const AGENT_DATA: readonly AgentData[] = [
  // Mail security gateways and link checkers that name themselves.
  { name: 'Barracuda', kind: 'security_scanner', pattern: /barracuda/i, source: VENDOR_NAME },
  { name: 'Proofpoint', kind: 'security_scanner', pattern: /proofpoint/i, source: VENDOR_NAME },
  { name: 'Mimecast', kind: 'security_scanner', pattern: /mimecast/i, source: VENDOR_NAME },
  { name: 'Symantec', kind: 'security_scanner', pattern: /symantec|broadcom/i, source: VENDOR_NAME },
  { name: 'Trend Micro', kind: 'security_scanner', pattern: /trend ?micro/i, source: VENDOR_NAME },
  { name: 'Microsoft Defender', kind: 'security_scanner', pattern: /microsoft defender|safe ?links/i, source: VENDOR_NAME },
  {
    name: 'Microsoft Office link check',
    kind: 'security_scanner',
    pattern: /microsoft office (protocol|existence) discovery/i,
    source: `${VENDOR_NAME}; Office apps probe a link before opening it, and the person, if any, arrives next from a browser`,
  },
  { name: 'Cisco Secure Email', kind: 'security_scanner', pattern: /ironport|cisco secure email/i, source: VENDOR_NAME },
  { name: 'Sophos', kind: 'security_scanner', pattern: /sophos/i, source: VENDOR_NAME },
  { name: 'Forcepoint', kind: 'security_scanner', pattern: /forcepoint|websense/i, source: VENDOR_NAME },
  { name: 'Fortinet', kind: 'security_scanner', pattern: /fortimail|fortiguard|fortisandbox/i, source: VENDOR_NAME },
  { name: 'Zscaler', kind: 'security_scanner', pattern: /zscaler/i, source: VENDOR_NAME },

  // Chat and social apps fetching a link to draw its preview card.
  { name: 'Slackbot', kind: 'link_preview', pattern: /Slackbot|Slack-ImgProxy/, source: CRAWLER_USER_AGENTS },
  { name: 'LinkedInBot', kind: 'link_preview', pattern: /LinkedInBot/, source: CRAWLER_USER_AGENTS },
  { name: 'Twitterbot', kind: 'link_preview', pattern: /Twitterbot/, source: CRAWLER_USER_AGENTS },
  { name: 'Facebook', kind: 'link_preview', pattern: /facebookexternalhit|Facebot|meta-external(agent|fetcher)\//, source: CRAWLER_USER_AGENTS },
  // Anchored: the fetcher's agent starts with the app's name, an in-app browser's does not.
  { name: 'WhatsApp', kind: 'link_preview', pattern: /^WhatsApp(\/|$)/, source: CRAWLER_USER_AGENTS },
  { name: 'Viber', kind: 'link_preview', pattern: /^Viber(\/|$)/, source: CRAWLER_USER_AGENTS },
  { name: 'Discordbot', kind: 'link_preview', pattern: /Discordbot/, source: CRAWLER_USER_AGENTS },
  { name: 'TelegramBot', kind: 'link_preview', pattern: /TelegramBot/, source: CRAWLER_USER_AGENTS },
  { name: 'Skype and Teams', kind: 'link_preview', pattern: /SkypeUriPreview/, source: CRAWLER_USER_AGENTS },
  { name: 'Microsoft preview', kind: 'link_preview', pattern: /MicrosoftPreview\//, source: CRAWLER_USER_AGENTS },
  { name: 'Bing preview', kind: 'link_preview', pattern: /BingPreview\//, source: CRAWLER_USER_AGENTS },
  { name: 'Yahoo link preview', kind: 'link_preview', pattern: /Yahoo Link Preview/, source: CRAWLER_USER_AGENTS },
  { name: 'Applebot', kind: 'link_preview', pattern: /Applebot/, source: CRAWLER_USER_AGENTS },
  { name: 'redditbot', kind: 'link_preview', pattern: /redditbot/, source: CRAWLER_USER_AGENTS },
  { name: 'Embedly', kind: 'link_preview', pattern: /Embedly/, source: CRAWLER_USER_AGENTS },
  { name: 'Iframely', kind: 'link_preview', pattern: /Iframely/, source: CRAWLER_USER_AGENTS },
  { name: 'vkShare', kind: 'link_preview', pattern: /vkShare/, source: CRAWLER_USER_AGENTS },
  { name: 'Pinterest', kind: 'link_preview', pattern: /pinterest\.com\/bot/, source: CRAWLER_USER_AGENTS },
  { name: 'Snapchat', kind: 'link_preview', pattern: /Snap URL Preview Service|SnapURLPreview\//, source: CRAWLER_USER_AGENTS },
  { name: 'Mastodon', kind: 'link_preview', pattern: /Mastodon\//, source: CRAWLER_USER_AGENTS },
  { name: 'Bluesky', kind: 'link_preview', pattern: /Bluesky\/|BlueskyPreviewBot/, source: CRAWLER_USER_AGENTS },

  // Uptime and synthetic monitors, checking that a page answers.
  { name: 'Pingdom', kind: 'uptime_monitor', pattern: /pingdom/i, source: CRAWLER_USER_AGENTS },
  { name: 'UptimeRobot', kind: 'uptime_monitor', pattern: /UptimeRobot/, source: CRAWLER_USER_AGENTS },
  { name: 'StatusCake', kind: 'uptime_monitor', pattern: /StatusCake/, source: CRAWLER_USER_AGENTS },
  { name: 'Site24x7', kind: 'uptime_monitor', pattern: /Site24x7/, source: CRAWLER_USER_AGENTS },
  { name: 'Better Stack', kind: 'uptime_monitor', pattern: /BetterUptimeBot|Better Uptime Bot/, source: CRAWLER_USER_AGENTS },
  { name: 'Uptime Kuma', kind: 'uptime_monitor', pattern: /Uptime-Kuma/, source: CRAWLER_USER_AGENTS },
  { name: 'Uptime.com', kind: 'uptime_monitor', pattern: /www\.uptime\.com/, source: CRAWLER_USER_AGENTS },
  { name: 'HetrixTools', kind: 'uptime_monitor', pattern: /HetrixTools/, source: CRAWLER_USER_AGENTS },
  { name: 'Freshping', kind: 'uptime_monitor', pattern: /FreshpingBot/, source: CRAWLER_USER_AGENTS },
  { name: 'Oh Dear', kind: 'uptime_monitor', pattern: /OhDear\//, source: CRAWLER_USER_AGENTS },
  { name: 'New Relic', kind: 'uptime_monitor', pattern: /NewRelicSynthetics/, source: CRAWLER_USER_AGENTS },
  { name: 'Datadog', kind: 'uptime_monitor', pattern: /DatadogSynthetics|Datadog Synthetic/, source: CRAWLER_USER_AGENTS },
  { name: 'Checkly', kind: 'uptime_monitor', pattern: /Checkly/, source: CRAWLER_USER_AGENTS },
  { name: 'Sentry', kind: 'uptime_monitor', pattern: /SentryUptimeBot\//, source: CRAWLER_USER_AGENTS },
  { name: 'Cloudflare health check', kind: 'uptime_monitor', pattern: /Cloudflare-Healthchecks/, source: CRAWLER_USER_AGENTS },
  { name: 'Google Cloud uptime check', kind: 'uptime_monitor', pattern: /GoogleStackdriverMonitoring/, source: CRAWLER_USER_AGENTS },
  { name: 'Nagios', kind: 'uptime_monitor', pattern: /check_http\//, source: CRAWLER_USER_AGENTS },
  { name: 'Zabbix', kind: 'uptime_monitor', pattern: /Zabbix/, source: CRAWLER_USER_AGENTS },
  { name: 'Prometheus', kind: 'uptime_monitor', pattern: /Blackbox Exporter\//, source: CRAWLER_USER_AGENTS },

  // HTTP libraries and command-line tools: a program, not a mail client.
  { name: 'python-requests', kind: 'automated_client', pattern: /python-requests/i, source: CRAWLER_USER_AGENTS },
  { name: 'Python-urllib', kind: 'automated_client', pattern: /Python-urllib/i, source: CRAWLER_USER_AGENTS },
  { name: 'aiohttp', kind: 'automated_client', pattern: /\baiohttp\//i, source: CRAWLER_USER_AGENTS },
  { name: 'httpx', kind: 'automated_client', pattern: /python-httpx\//i, source: CRAWLER_USER_AGENTS },
  { name: 'Scrapy', kind: 'automated_client', pattern: /Scrapy\//, source: CRAWLER_USER_AGENTS },
  { name: 'curl', kind: 'automated_client', pattern: /^curl$|\bcurl\//i, source: CRAWLER_USER_AGENTS },
  { name: 'Wget', kind: 'automated_client', pattern: /\bwget\//i, source: CRAWLER_USER_AGENTS },
  { name: 'HTTPie', kind: 'automated_client', pattern: /^HTTPie\//, source: CRAWLER_USER_AGENTS },
  { name: 'Go-http-client', kind: 'automated_client', pattern: /go-http-client/i, source: CRAWLER_USER_AGENTS },
  {
    name: 'Java',
    kind: 'automated_client',
    pattern: /^Java\//,
    source: 'https://docs.oracle.com/javase/8/docs/technotes/guides/net/properties.html (http.agent: HttpURLConnection sends "Java/<version>")',
  },
  { name: 'Apache-HttpClient', kind: 'automated_client', pattern: /Apache-HttpClient/, source: CRAWLER_USER_AGENTS },
  { name: 'AsyncHttpClient', kind: 'automated_client', pattern: /^AHC\//, source: CRAWLER_USER_AGENTS },
  { name: 'okhttp', kind: 'automated_client', pattern: /okhttp\//i, source: CRAWLER_USER_AGENTS },
  { name: 'axios', kind: 'automated_client', pattern: /\baxios\//i, source: CRAWLER_USER_AGENTS },
  { name: 'node-fetch', kind: 'automated_client', pattern: /node-fetch/i, source: CRAWLER_USER_AGENTS },
  { name: 'got', kind: 'automated_client', pattern: /sindresorhus\/got/, source: CRAWLER_USER_AGENTS },
  {
    name: 'Node.js fetch',
    kind: 'automated_client',
    pattern: /^(node|undici)$/,
    source: 'github:nodejs/undici lib/web/fetch/index.js (defaultUserAgent: "node" in Node.js, "undici" from the package)',
  },
  { name: 'libwww-perl', kind: 'automated_client', pattern: /libwww-perl/, source: CRAWLER_USER_AGENTS },
  {
    name: 'Postman',
    kind: 'automated_client',
    pattern: /PostmanRuntime\//,
    source: 'github:postmanlabs/postman-runtime test/integration (user-agent: `PostmanRuntime/${version}`)',
  },

  // Browsers with no screen: automation and sandboxes, never a reader.
  { name: 'HeadlessChrome', kind: 'automated_client', pattern: /headlesschrome/i, source: CRAWLER_USER_AGENTS },
  { name: 'PhantomJS', kind: 'automated_client', pattern: /PhantomJS/, source: CRAWLER_USER_AGENTS },
  { name: 'Playwright', kind: 'automated_client', pattern: /Playwright\//, source: CRAWLER_USER_AGENTS },
  { name: 'Puppeteer', kind: 'automated_client', pattern: /Puppeteer/, source: CRAWLER_USER_AGENTS },
  { name: 'Selenium', kind: 'automated_client', pattern: /Selenium/, source: CRAWLER_USER_AGENTS },

  // The catch-alls. "Googlebot", "bingbot", "AhrefsBot"... but not the phone maker CUBOT, whose models say "CUBOT X30".
  { name: 'bot', kind: 'automated_client', pattern: /(?<!cu)bot\b/i, source: `${CRAWLER_USER_AGENTS}: crawlers call themselves so` },
  { name: 'crawler', kind: 'automated_client', pattern: /crawler/i, source: `${CRAWLER_USER_AGENTS}: crawlers call themselves so` },
  { name: 'spider', kind: 'automated_client', pattern: /spider/i, source: `${CRAWLER_USER_AGENTS}: crawlers call themselves so` },
];

export const NETWORK_DATA: readonly NetworkData[] = [
  {
    name: 'Apple Mail Privacy Protection',
    kind: 'apple_mail_privacy',
    source: "https://support.apple.com/en-us/101555 (Apple's own 17.0.0.0/8 block); Mail Privacy Protection fetches from it",
    cidrs: ['17.0.0.0/8'],
  },
  {
    // Exchange Online Protection and Defender for Office 365 scan from the mail-flow ranges.
    name: 'Microsoft 365',
    kind: 'security_gateway',
    source:
      'github:MicrosoftDocs/microsoft-365-docs microsoft-365/includes/office-365-worldwide-endpoints.md, Exchange Online ' +
      'ID 10 (*.mail.protection.outlook.com, Microsoft 365 "URLs and IP address ranges"); the same blocks as spf.protection.outlook.com',
    cidrs: ['40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48'],
  },
  {
    name: 'Proofpoint',
    kind: 'security_gateway',
    source: 'https://proofpoint.my.site.com/support/PPSup_SupportInfo (the networks of Proofpoint’s hosted services)',
    cidrs: ['62.209.50.0/24', '67.231.144.0/20', '91.209.104.0/24', '208.36.134.0/24', '208.84.64.0/22', '208.86.200.0/22', '209.66.100.64/26'],
  },
  {
    // Google's own services: goog.json less every block that holds a Google Cloud customer range (cloud.json), as
    // Google's "Obtain Google IP address ranges" (https://support.google.com/a/answer/10026322) says to compute them.
    name: 'Google',
    kind: 'google',
    source:
      'https://www.gstatic.com/ipranges/goog.json less cloud.json, both of creationTime 2024-04-25 (as stored in ' +
      'github:berthubert/googerteller); each block still listed on 2026-08-22 (github:lord-alfred/ipranges google/), ' +
      '66.22.228.0/23 dropped for no longer being listed',
    cidrs: [
      '8.8.4.0/24', '8.8.8.0/24', '34.2.0.0/16', '34.3.0.0/23', '34.3.3.0/24', '34.3.4.0/24', '34.3.8.0/21',
      '34.3.16.0/20', '34.3.32.0/19', '34.3.64.0/18', '34.4.0.0/14', '34.8.0.0/13', '64.15.112.0/20', '64.233.160.0/19',
      '66.102.0.0/20', '66.249.64.0/19', '70.32.128.0/19', '72.14.192.0/18', '74.125.0.0/16', '104.237.160.0/19',
      '108.170.192.0/18', '108.177.0.0/17', '142.250.0.0/15', '172.110.32.0/21', '172.217.0.0/16', '172.253.0.0/16',
      '173.194.0.0/16', '192.178.0.0/15', '193.186.4.0/24', '199.36.154.0/23', '199.36.156.0/24', '207.223.160.0/20',
      '208.65.152.0/22', '208.68.108.0/22', '208.81.188.0/22', '208.117.224.0/19', '209.85.128.0/17', '216.58.192.0/19',
      '216.73.80.0/20', '216.239.32.0/19', '2001:4860::/32', '2404:6800::/32', '2404:f340::/32', '2606:73c0::/32',
      '2607:f8b0::/32', '2620:11a:a000::/40', '2620:120:e000::/40', '2800:3f0::/32', '2a00:1450::/32', '2c0f:fb50::/32',
    ],
  },
];
