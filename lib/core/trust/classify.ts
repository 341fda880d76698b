import type { Trust } from '../model/activity';
import { NETWORK_DATA } from './automated-traffic.data';
import { identifyNetwork } from './networks';
import { identifyAutomatedAgent, type AutomatedAgent } from './scanners';

/** The timing limits of the machine rules, in one place. A gap equal to a limit still counts as machine. */
export const TRUST_THRESHOLDS = {
  /** No person opens an email this soon after it is sent. */
  instantOpenMs: 2_000,
  /** No person reads an email and clicks a link in it this soon after it arrives. */
  instantClickMs: 10_000,
  /** Every link of an email clicked inside this span is a scanner walking the links. */
  scannerSpanMs: 5_000,
} as const;

/** Apple's own 17.0.0.0/8: Mail Privacy Protection fetches tracking pixels from there (automated-traffic.data.ts). */
export const APPLE_MAIL_PROXY_CIDR = NETWORK_DATA.find((network) => network.kind === 'apple_mail_privacy')!.cidrs[0]!;

/** The bare user agent Mail Privacy Protection's prefetch sends. */
export const APPLE_PREFETCH_USER_AGENT = 'Mozilla/5.0';

/** Without a link count, this many different links clicked within the span is taken as a scanner. */
export const SCANNER_MIN_LINKS_WHEN_UNKNOWN = 3;

export interface RecordedClick {
  at: Date;
  url: string;
}

export interface TrustInput {
  type: 'email_open' | 'email_click';
  at: Date;
  /** The request's User-Agent header; null when it sent none. */
  userAgent: string | null;
  ip: string | null;
  sentAt: Date | null;
  /** The request's HTTP method; absent or null when not known, taken as GET. */
  method?: string | null;
  /** When the email reached the inbox; when absent or null, taken to be `sentAt`. */
  deliveredAt?: Date | null;
  /** The link clicked. */
  url?: string | null;
  /** The other clicks recorded on the same email (this one may be among them; it is counted once). */
  otherClicks?: readonly RecordedClick[];
  /** How many tracked links the email has; null or absent when not known. */
  linkCount?: number | null;
}

type Rule = (input: TrustInput) => Trust | null;

/**
 * Rules in order; the first that applies wins. What the request says of itself comes first, then whose network it
 * came from, then what its timing gives away; a rule that names its cause comes before one that infers it, so the rep
 * reads the most telling reason:
 *  1. a HEAD request: it asks whether the address answers without fetching it, which no person's open or click does;
 *  2. no user agent at all: every mail client and browser names itself;
 *  3. a user agent that names a scanner, link preview, monitor, program or bot (automated-traffic.data.ts);
 *  4. Apple Mail Privacy Protection (opens): the bare agent, or Apple's network; before the timing rule, since MPP
 *     often fetches within seconds of delivery and "Apple Mail Privacy Protection" says more than "an automatic fetch";
 *  5. a security gateway's published network (Microsoft 365, Proofpoint): they open and click in browser clothes;
 *  6. an open within 2 s of sending: before the image-proxy rule, since Gmail's proxy fetches some images on
 *     arrival and nobody reads an email 2 s after it is sent, whichever client shows it;
 *  7. Gmail's or Yahoo's image proxy (opens): a person opening, though the proxy hides who and where (proxy);
 *  8. Google's own network without the image proxy's name. Gmail shows a reader's images only through its image
 *     proxy, which always says "GoogleImageProxy" ("Gmail serves all images through Google's image proxy servers",
 *     https://support.google.com/mail/answer/145919), and a person's click goes from their own browser. So an open
 *     from Google's network that does not say so is Google fetching for itself (a prefetch or a scan), and a click
 *     from it is Workspace's link sandbox: both machine. It follows rule 7, as the proxy fetches from the same network;
 *  9. a click within 10 s of delivery;
 * 10. every link of the email clicked within 5 s;
 * 11. otherwise a person.
 */
const RULES: readonly Rule[] = [
  headRequest,
  noUserAgent,
  namedAutomatedAgent,
  appleMailPrivacyProtection,
  securityGatewayNetwork,
  instantOpen,
  mailImageProxy,
  googleWithoutImageProxy,
  instantClick,
  everyLinkClicked,
];

/** Whether a person opened or clicked, and why we think so, in words a rep can read. */
export function classifyActivityTrust(input: TrustInput): Trust {
  for (const rule of RULES) {
    const trust = rule(input);
    if (trust !== null) return trust;
  }
  return input.type === 'email_open' ? { label: 'human', reason: 'opened in a mail client' } : { label: 'human', reason: 'clicked by a person' };
}

/**
 * The every-link rule alone, for judging an earlier click again once a later one is known (the burst is the only
 * thing a later click can change; the rules reading the request already spoke when it came). Null when no burst.
 */
export function linkScanBurst(input: Pick<TrustInput, 'at' | 'url' | 'otherClicks' | 'linkCount'>): Trust | null {
  return everyLinkClicked({ ...input, type: 'email_click', userAgent: null, ip: null, sentAt: null });
}

function headRequest(input: TrustInput): Trust | null {
  return input.method?.trim().toUpperCase() === 'HEAD' ? machine('HEAD request: a link check, not a person') : null;
}

function noUserAgent(input: TrustInput): Trust | null {
  return (input.userAgent ?? '').trim() === '' ? machine('no browser named itself: an automatic fetch') : null;
}

const AGENT_WORDS: Record<AutomatedAgent['kind'], string> = {
  security_scanner: 'security scanner',
  link_preview: 'link preview',
  uptime_monitor: 'uptime monitor',
  automated_client: 'automated client',
};

function namedAutomatedAgent(input: TrustInput): Trust | null {
  const agent = identifyAutomatedAgent(input.userAgent);
  return agent === null ? null : machine(`${AGENT_WORDS[agent.kind]} (${agent.name})`);
}

function appleMailPrivacyProtection(input: TrustInput): Trust | null {
  if (input.type !== 'email_open') return null;
  const bareUserAgent = input.userAgent?.trim() === APPLE_PREFETCH_USER_AGENT;
  const appleAddress = identifyNetwork(input.ip)?.kind === 'apple_mail_privacy';
  return bareUserAgent || appleAddress ? machine('Apple Mail Privacy Protection prefetch') : null;
}

function securityGatewayNetwork(input: TrustInput): Trust | null {
  const network = identifyNetwork(input.ip);
  return network?.kind === 'security_gateway' ? machine(`security gateway (${network.name} network)`) : null;
}

function instantOpen(input: TrustInput): Trust | null {
  if (input.type !== 'email_open' || input.sentAt === null) return null;
  const elapsed = input.at.getTime() - input.sentAt.getTime();
  // NaN (an invalid date) fails both tests and leaves the open to the later rules.
  if (elapsed < 0) return machine('opened before it was sent: an automatic fetch');
  if (elapsed <= TRUST_THRESHOLDS.instantOpenMs) return machine(`opened ${seconds(elapsed)} after sending: an automatic fetch`);
  return null;
}

function mailImageProxy(input: TrustInput): Trust | null {
  if (input.type !== 'email_open' || input.userAgent === null) return null;
  if (isGoogleImageProxy(input.userAgent)) return { label: 'proxy', reason: 'opened in Gmail (Google image proxy)' };
  if (/yahoomailproxy/i.test(input.userAgent)) return { label: 'proxy', reason: 'opened in Yahoo Mail (image proxy)' };
  return null;
}

/** Gmail's proxy says "GoogleImageProxy" and fetches through ggpht.com. */
function isGoogleImageProxy(userAgent: string): boolean {
  return /googleimageproxy|ggpht\.com/i.test(userAgent);
}

function googleWithoutImageProxy(input: TrustInput): Trust | null {
  if (identifyNetwork(input.ip)?.kind !== 'google' || isGoogleImageProxy(input.userAgent ?? '')) return null;
  return input.type === 'email_open' ? machine("prefetch from Google's network (not Gmail's image proxy)") : machine('security gateway (Google network)');
}

function instantClick(input: TrustInput): Trust | null {
  const deliveredAt = input.deliveredAt ?? input.sentAt;
  if (input.type !== 'email_click' || deliveredAt === null) return null;
  const elapsed = input.at.getTime() - deliveredAt.getTime();
  if (elapsed < 0) return machine('clicked before delivery: a link scanner');
  if (elapsed <= TRUST_THRESHOLDS.instantClickMs) return machine(`clicked ${seconds(elapsed)} after delivery: a link scanner`);
  return null;
}

/**
 * A scanner walks every link of an email in a burst; a person clicks one or two, seconds or days apart.
 * Looks for a span of `scannerSpanMs` holding this click in which enough different links were clicked:
 * all of them when the email's link count is known (and at least 2), else SCANNER_MIN_LINKS_WHEN_UNKNOWN.
 */
function everyLinkClicked(input: TrustInput): Trust | null {
  if (input.type !== 'email_click') return null;
  const linkCount = input.linkCount ?? null;
  if (linkCount !== null && linkCount < 2) return null;
  const needed = linkCount ?? SCANNER_MIN_LINKS_WHEN_UNKNOWN;

  const at = input.at.getTime();
  if (Number.isNaN(at)) return null;
  const clicks = [
    ...(input.url != null ? [{ at, url: input.url }] : []),
    ...(input.otherClicks ?? []).map((click) => ({ at: click.at.getTime(), url: click.url })),
  ].filter((click) => !Number.isNaN(click.at));

  const span = TRUST_THRESHOLDS.scannerSpanMs;
  // Any span holding this click can slide to start at its earliest click, which is this one or one at most
  // `span` before it; so those starts are the only ones to try.
  const starts = [at, ...clicks.map((click) => click.at).filter((start) => start < at && at - start <= span)].sort((a, b) => a - b);
  for (const start of starts) {
    const inSpan = clicks.filter((click) => click.at >= start && click.at <= start + span);
    const distinctLinks = new Set(inSpan.map((click) => click.url)).size;
    if (distinctLinks < needed) continue;
    const took = Math.max(at, ...inSpan.map((click) => click.at)) - start;
    return linkCount !== null
      ? machine(`every link clicked within ${seconds(took)}: a link scanner`)
      : machine(`${distinctLinks} links clicked within ${seconds(took)}: a link scanner`);
  }
  return null;
}

function machine(reason: string): Trust {
  return { label: 'machine', reason };
}

/** "1.9 s", "2 s", "0 s": tenths are enough for a rep and keep the sub-second boundary cases readable. */
function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
