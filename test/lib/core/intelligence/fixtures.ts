import type { Activity, ActivityInput } from '../../../../lib/core/model/activity';
import { Activity as ActivitySchema } from '../../../../lib/core/model/activity';
import type { TrustLabel } from '../../../../lib/core/model/vocabulary';

/** Friday 6 March 2026, 16:30 UTC: "now" in every test here. */
export const NOW = new Date('2026-03-06T16:30:00Z');

/** An instant `seconds` before NOW (negative: after it), as stored. */
export function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString();
}

let counter = 0;

/** A valid stored activity (parsed through the schema, so defaults apply and bad fixtures fail loudly). */
export function activity(
  type: Activity['type'],
  at: string,
  trust: TrustLabel = 'human',
  extra: Partial<Omit<ActivityInput, 'type' | 'at' | 'trust'>> = {},
): Activity {
  counter += 1;
  return ActivitySchema.parse({
    id: `a${String(counter).padStart(4, '0')}`,
    contactId: 'c1',
    type,
    at,
    trust: { label: trust, reason: `${trust} fixture` },
    ...extra,
  });
}
