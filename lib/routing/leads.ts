import { inPanelOrder } from '../messages/contact-order';
import type { DetectedContact } from '../messages/protocol';

/** Who is never a lead: the signed-in rep's own addresses and the workspace's domains (with their subdomains). */
export interface Exclusions {
  emails: readonly string[];
  domains: readonly string[];
}

export const NO_EXCLUSIONS: Exclusions = { emails: [], domains: [] };

/** From the cached `me` (`user.email`, `workspace.domains`) and `settings` (`domains`); either may be missing. */
export function exclusionsFrom(
  me: { user: { email: string }; workspace?: { domains?: readonly string[] } } | null | undefined,
  settings: { domains?: readonly string[] } | null | undefined,
): Exclusions {
  const domains = [...(me?.workspace?.domains ?? []), ...(settings?.domains ?? [])].map((d) => d.toLowerCase());
  return { emails: me ? [me.user.email.toLowerCase()] : [], domains: [...new Set(domains)] };
}

export function isExcluded(email: string, exclusions: Exclusions): boolean {
  const address = email.toLowerCase();
  if (exclusions.emails.includes(address)) return true;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return exclusions.domains.some((own) => domain === own || domain.endsWith(`.${own}`));
}

/** The page's contacts as the panel shows them: the rep and the workspace's own people dropped, in panel order. */
export function leadsOf(contacts: readonly DetectedContact[], exclusions: Exclusions): DetectedContact[] {
  return inPanelOrder(contacts.filter((contact) => !isExcluded(contact.email, exclusions)));
}
