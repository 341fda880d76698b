export {
  APPLE_MAIL_PROXY_CIDR,
  APPLE_PREFETCH_USER_AGENT,
  SCANNER_MIN_LINKS_WHEN_UNKNOWN,
  TRUST_THRESHOLDS,
  classifyActivityTrust,
  type RecordedClick,
  type TrustInput,
} from './classify';
export { isPersonActivity } from './person';
export { isIpv4InCidr, parseCidr, parseIpv4 } from './ip';
export { AUTOMATED_AGENTS, identifyAutomatedAgent, type AutomatedAgent } from './scanners';
