import { z } from 'zod';
import { Id, Instant, Version } from './primitives';
import { AttemptChannel, AttemptOutcome } from './vocabulary';

export const Attempt = z.object({
  id: Id,
  contactId: Id,
  userId: Id,
  channel: AttemptChannel,
  /** Null until the rep picks one (an email sent has no outcome yet). */
  outcome: AttemptOutcome.nullable().default(null),
  note: z.string().trim().max(2000, 'a note must be at most 2000 characters').nullable().default(null),
  /** Library items sent with this attempt: suggestions leave them out for 30 days. */
  contentIds: z.array(Id).max(20).default([]),
  at: Instant,
  /** Set when the rep undid it: an undone attempt does not count. */
  undoneAt: Instant.nullable().default(null),
  version: Version.default(0),
});
export type Attempt = z.infer<typeof Attempt>;
export type AttemptInput = z.input<typeof Attempt>;
