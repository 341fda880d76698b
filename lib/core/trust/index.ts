export {
  APPLE_MAIL_PROXY_CIDR,
  APPLE_PREFETCH_USER_AGENT,
  SCANNER_MIN_LINKS_WHEN_UNKNOWN,
  TRUST_THRESHOLDS,
  classifyActivityTrust,
  linkScanBurst,
  type RecordedClick,
  type TrustInput,
} from './classify';
export { isPersonActivity } from './person';
export { compileRangeTable, isIpv4InCidr, parseCidr, parseIpAddress, parseIpRange, parseIpv4, parseIpv6, type IpRange, type RangeTable } from './ip';
export { AUTOMATED_AGENTS, identifyAutomatedAgent, type AutomatedAgent } from './scanners';
export { KNOWN_NETWORK_BLOCKS, identifyNetwork, type KnownNetwork } from './networks';
export { AGENT_DATA, AUTOMATED_TRAFFIC_CHECKED, NETWORK_DATA, type AgentData, type AgentKind, type NetworkData, type NetworkKind } from './automated-traffic.data';
