import { z } from 'zod';
import { HttpUrl, Id, Instant, Version } from './primitives';
import { ActivityType, TrustLabel } from './vocabulary';

/** Whether a person did it, with the reason a rep can read ("opened 1 s after sending: an automatic fetch"). */
export const Trust = z.object({
  label: TrustLabel,
  reason: z.string().min(1).max(200),
});
export type Trust = z.infer<typeof Trust>;

export const Activity = z.object({
  id: Id,
  contactId: Id,
  type: ActivityType,
  at: Instant,
  /** The page viewed, the file downloaded, the link clicked. */
  url: HttpUrl.nullable().default(null),
  title: z.string().max(300).nullable().default(null),
  /** The library item it touched, when known. */
  contentId: Id.nullable().default(null),
  /** The tracked email an open, click or reply belongs to. */
  emailId: Id.nullable().default(null),
  /** An `email_reply` that is an automatic out-of-office answer: it does not end the cadence. */
  outOfOffice: z.boolean().default(false),
  trust: Trust,
  version: Version.default(0),
});
export type Activity = z.infer<typeof Activity>;
export type ActivityInput = z.input<typeof Activity>;
