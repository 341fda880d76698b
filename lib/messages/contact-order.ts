import type { DetectedContact } from './protocol';
import { CONTACT_ROLES, type ContactRole } from './page-protocol';

// The one rule for "the people on a page": the page readers, the routing and the panel all use it. No zod here
// (content scripts import it).

const RANK = Object.fromEntries(CONTACT_ROLES.map((role, rank) => [role, rank])) as Record<ContactRole, number>;

/** The stronger of two roles (sender > recipient > record > link). */
export function strongerRole(a: ContactRole, b: ContactRole): ContactRole {
  return RANK[b] < RANK[a] ? b : a;
}

/**
 * Each address once (compared lower-cased), where it first showed: a repeat keeps the stronger role and fills in a
 * missing name (the first name seen stays).
 */
export function onePerAddress(contacts: Iterable<DetectedContact>): DetectedContact[] {
  const byEmail = new Map<string, DetectedContact>();
  for (const contact of contacts) {
    const email = contact.email.toLowerCase();
    const seen = byEmail.get(email);
    if (!seen) byEmail.set(email, { ...contact, email });
    else {
      seen.role = strongerRole(seen.role, contact.role);
      seen.name ??= contact.name;
    }
  }
  return [...byEmail.values()];
}

/**
 * A page's people in the order the panel lists them: each address once (as `onePerAddress`), the external sender
 * first, then recipients, then CRM records, then links; page order within each.
 */
export function inPanelOrder(contacts: Iterable<DetectedContact>): DetectedContact[] {
  // Array sort is stable: page order stays within a role.
  return onePerAddress(contacts).sort((a, b) => RANK[a.role] - RANK[b.role]);
}
