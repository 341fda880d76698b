/**
 * User agents that are never a person reading or clicking. Kept short and distinctive on purpose: a
 * false match hides a real person's interest from the rep, which is worse than letting one scanner through
 * (the timing and every-link rules catch most scanners that pass as browsers).
 */
export interface AutomatedAgent {
  /** Shown to the rep: "security scanner (Proofpoint)". */
  name: string;
  kind: 'security_scanner' | 'automated_client';
  pattern: RegExp;
  /** Why it is on the list. */
  why: string;
}

export const AUTOMATED_AGENTS: readonly AutomatedAgent[] = [
  {
    name: 'Barracuda',
    kind: 'security_scanner',
    pattern: /barracuda/i,
    why: 'Barracuda Email Protection fetches links and images to check them before delivery.',
  },
  {
    name: 'Proofpoint',
    kind: 'security_scanner',
    pattern: /proofpoint/i,
    why: 'Proofpoint URL Defense and its sandbox open rewritten links to test them.',
  },
  {
    name: 'Mimecast',
    kind: 'security_scanner',
    pattern: /mimecast/i,
    why: 'Mimecast URL Protect follows links on delivery or on click to scan the target.',
  },
  {
    name: 'Symantec',
    kind: 'security_scanner',
    pattern: /symantec|broadcom/i,
    why: 'Symantec (now Broadcom) Messaging Gateway and Email Security.cloud fetch links to scan them.',
  },
  {
    name: 'Trend Micro',
    kind: 'security_scanner',
    pattern: /trend ?micro/i,
    why: 'Trend Micro email security follows links to rate them.',
  },
  {
    name: 'Microsoft Defender',
    kind: 'security_scanner',
    pattern: /microsoft defender|safe ?links/i,
    why: 'Microsoft Defender for Office 365 Safe Links detonates links when it names itself.',
  },
  {
    name: 'Microsoft Office link check',
    kind: 'security_scanner',
    pattern: /microsoft office (protocol|existence) discovery/i,
    why: 'Office apps probe a link before opening it; the person, if any, arrives next from their browser.',
  },
  {
    // "Googlebot", "bingbot", "AhrefsBot"... but not the phone maker CUBOT, whose models say "CUBOT X30".
    name: 'bot',
    kind: 'automated_client',
    pattern: /(?<!cu)bot\b/i,
    why: 'Crawlers and bots call themselves so.',
  },
  { name: 'crawler', kind: 'automated_client', pattern: /crawler/i, why: 'Crawlers call themselves so.' },
  { name: 'spider', kind: 'automated_client', pattern: /spider/i, why: 'Crawlers call themselves so.' },
  { name: 'python-requests', kind: 'automated_client', pattern: /python-requests/i, why: 'A script, not a mail client.' },
  { name: 'curl', kind: 'automated_client', pattern: /\bcurl\//i, why: 'A script, not a mail client.' },
  { name: 'Go-http-client', kind: 'automated_client', pattern: /go-http-client/i, why: 'A program, not a mail client.' },
  {
    name: 'HeadlessChrome',
    kind: 'automated_client',
    pattern: /headlesschrome/i,
    why: 'A browser with no screen: automation and sandboxes, never a reader.',
  },
];

/** The first listed agent the user agent names, or null (also for a missing user agent). */
export function identifyAutomatedAgent(userAgent: string | null): AutomatedAgent | null {
  if (userAgent === null) return null;
  return AUTOMATED_AGENTS.find((agent) => agent.pattern.test(userAgent)) ?? null;
}
