import { z } from 'zod';
import { Id } from './primitives';

/**
 * The leads a person muted (AlertPreferences.mutedContacts), with who they are (GET /v1/me/alerts/leads): the
 * preferences keep bare ids, so the dashboard asks for the names to show beside its "stop muting" buttons. A lead
 * deleted since (or never in this workspace) comes back with its id alone, so it can still be removed.
 */
export const MutedLead = z.object({
  id: Id,
  name: z.string().nullable(),
  email: z.string().nullable(),
});
export type MutedLead = z.infer<typeof MutedLead>;

export const MutedLeadList = z.object({ leads: z.array(MutedLead) });
export type MutedLeadList = z.infer<typeof MutedLeadList>;
