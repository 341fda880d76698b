import { z } from 'zod';
import { Id, Instant } from './primitives';
import { Role } from './vocabulary';

// Bodies and answers of browser sign-in: /v1/signin-links, /v1/session, /v1/dashboard-code, /v1/shared-screens.

/** `POST /v1/signin-links`: for `userId` (an admin), or `{}` for the caller themself. */
export const NewSignInLinkRequest = z.strictObject({ userId: Id.optional() });
export type NewSignInLinkRequest = z.infer<typeof NewSignInLinkRequest>;

/** A one-time sign-in URL (a link, or the extension's dashboard code) and when it stops working. */
export const SignInUrl = z.object({ url: z.url(), expiresAt: Instant });
export type SignInUrl = z.infer<typeof SignInUrl>;

/** `POST /v1/extension-code`: the one-time code `npm start` put in the extension's sign-in link. */
export const ExtensionCodeRequest = z.strictObject({
  code: z.string().regex(/^lse_[A-Za-z0-9_-]{43}$/, 'must be a one-time extension code: it starts with lse_'),
});
export type ExtensionCodeRequest = z.infer<typeof ExtensionCodeRequest>;

/** Its answer: a new API token of the code's user, and whom it signs in. */
export const ExtensionCodeToken = z.strictObject({
  token: z.string(),
  user: z.strictObject({ name: z.string(), email: z.string() }),
});
export type ExtensionCodeToken = z.infer<typeof ExtensionCodeToken>;

/** `GET /v1/session`: who is signed in, the token every write must carry as X-CSRF-Token, and when it ends if idle. */
export const SessionInfo = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string(), role: Role }),
  workspace: z.object({ id: Id, name: z.string(), timeZone: z.string() }),
  csrfToken: z.string(),
  expiresAt: Instant,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const MAX_SHARED_SCREEN_DAYS = 366;
export const SharedScreenName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

const SHARED_SCREEN_DAYS_MESSAGE = `must be a whole number of days from 1 to ${MAX_SHARED_SCREEN_DAYS}`;

/** `POST /v1/shared-screens`: a name people recognise ("Weekly SLA meeting"), and optionally how many days it lasts. */
export const NewSharedScreenRequest = z.strictObject({
  name: SharedScreenName,
  // One message for every miss (a fraction, 0, 400, text): the dashboard shows it as the server words it.
  expiresInDays: z
    .number({ error: SHARED_SCREEN_DAYS_MESSAGE })
    .int(SHARED_SCREEN_DAYS_MESSAGE)
    .min(1, SHARED_SCREEN_DAYS_MESSAGE)
    .max(MAX_SHARED_SCREEN_DAYS, SHARED_SCREEN_DAYS_MESSAGE)
    .optional(),
});
export type NewSharedScreenRequest = z.infer<typeof NewSharedScreenRequest>;

/** A shared screen as listed: its URL is only in the answer that made it (only the secret's hash is kept). */
export const SharedScreen = z.object({
  id: Id,
  name: z.string(),
  createdAt: Instant,
  createdBy: Id.nullable(),
  expiresAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type SharedScreen = z.infer<typeof SharedScreen>;

/** `POST /v1/shared-screens` answers the screen with its URL, this once. */
export const NewSharedScreen = SharedScreen.extend({ url: z.url() });
export type NewSharedScreen = z.infer<typeof NewSharedScreen>;

/** `GET /v1/sign-in-options` (public): the ways into the dashboard besides a link; `sso` null when it is not configured. */
export const SignInOptions = z
  .object({
    sso: z.object({ name: z.string(), startUrl: z.string() }).strict().nullable(),
  })
  .strict();
export type SignInOptions = z.infer<typeof SignInOptions>;
