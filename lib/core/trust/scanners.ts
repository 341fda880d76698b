import { AGENT_DATA, type AgentKind } from './automated-traffic.data';

/** A user agent that is never a person reading or clicking; the list itself lives in automated-traffic.data.ts. */
export interface AutomatedAgent {
  /** Shown to the rep: "security scanner (Proofpoint)", "link preview (Slackbot)". */
  name: string;
  kind: AgentKind;
  pattern: RegExp;
  /** Why it is on the list, in a rep's words. */
  why: string;
  /** The public list it comes from. */
  source: string;
}

const WHY: Record<AgentKind, string> = {
  security_scanner: 'A mail security product opening the email or following its links to check them.',
  link_preview: 'A chat or social app fetching the link to draw its preview card.',
  uptime_monitor: 'A monitor checking that the page answers.',
  automated_client: 'A program, crawler or screenless browser, not a mail client.',
};

export const AUTOMATED_AGENTS: readonly AutomatedAgent[] = AGENT_DATA.map((agent) => ({ ...agent, why: WHY[agent.kind] }));

/** The first listed agent the user agent names, or null (also for a missing user agent). */
export function identifyAutomatedAgent(userAgent: string | null): AutomatedAgent | null {
  if (userAgent === null) return null;
  return AUTOMATED_AGENTS.find((agent) => agent.pattern.test(userAgent)) ?? null;
}
