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

const RANK: Record<DetectedContact['role'], number> = { sender: 0, recipient: 1, record: 2, link: 3 };

/**
 * The page's contacts as the panel shows them: the rep and the workspace's own people dropped, each address once (its
 * strongest role, its first name shown), the external sender first, then recipients, then CRM records, then links;
 * page order within each.
 */
export function leadsOf(contacts: readonly DetectedContact[], exclusions: Exclusions): DetectedContact[] {
  const byEmail = new Map<string, DetectedContact>();
  for (const contact of contacts) {
    if (isExcluded(contact.email, exclusions)) continue;
    const seen = byEmail.get(contact.email);
    if (!seen) byEmail.set(contact.email, { ...contact });
    else {
      if (RANK[contact.role] < RANK[seen.role]) seen.role = contact.role;
      seen.name ??= contact.name;
    }
  }
  return [...byEmail.values()]
    .map((contact, index) => ({ contact, index }))
    .sort((a, b) => RANK[a.contact.role] - RANK[b.contact.role] || a.index - b.index)
    .map(({ contact }) => contact);
}
