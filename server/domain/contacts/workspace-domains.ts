import { emailDomain } from '../../../lib/core/scoring';

/**
 * Whether an address is on one of the workspace's own domains (or a subdomain of one: `eu.acme.com` for `acme.com`).
 * Colleagues are never leads (docs/vocabulary.md § Contact), so lookup neither finds nor offers them.
 */
export function isWorkspaceAddress(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (domain === null) return false;
  return domains.some((own) => domain === own || domain.endsWith(`.${own}`));
}
