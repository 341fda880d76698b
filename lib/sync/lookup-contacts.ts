import type { ApiClient } from '../api/client';
import type { LookupEntry } from '../core/model/api';
import type { LeadsideDatabase } from '../db/database';

/** An unknown address is asked about again after this long (someone may have added it meanwhile). */
export const UNKNOWN_RECHECK_MS = 10 * 60_000;

export type ResolvedEmail =
  | { email: string; state: 'cached'; contactId: string }
  | { email: string; state: 'looked_up'; entry: LookupEntry }
  | { email: string; state: 'unknown' };

/**
 * Answers from the cache first; only addresses the cache does not know go to /v1/contacts/lookup, and the answer is
 * cached (the server also adds the contacts to the rep's scope, so the next pull brings their history).
 */
export async function resolveEmails(db: LeadsideDatabase, api: ApiClient | null, emails: readonly string[], now: Date): Promise<ResolvedEmail[]> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
  const answers = new Map<string, ResolvedEmail>();
  const missing: string[] = [];
  for (const email of wanted) {
    const contact = await db.contacts.where('email').equals(email).first();
    if (contact) {
      answers.set(email, { email, state: 'cached', contactId: contact.id });
      continue;
    }
    const cached = await db.lookups.get(email);
    if (cached?.entry) answers.set(email, { email, state: 'looked_up', entry: cached.entry });
    else if (cached && now.getTime() - Date.parse(cached.at) < UNKNOWN_RECHECK_MS) answers.set(email, { email, state: 'unknown' });
    else missing.push(email);
  }
  if (missing.length > 0 && api) {
    const response = await api.lookup(missing);
    const at = now.toISOString();
    const found = new Map(response.contacts.map((entry) => [entry.contact.email, entry]));
    await db.lookups.bulkPut(missing.map((email) => ({ email, entry: found.get(email) ?? null, at })));
    for (const email of missing) {
      const entry = found.get(email);
      answers.set(email, entry ? { email, state: 'looked_up', entry } : { email, state: 'unknown' });
    }
  }
  return wanted.flatMap((email) => {
    const a = answers.get(email);
    return a ? [a] : [];
  });
}
