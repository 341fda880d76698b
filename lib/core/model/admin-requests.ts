import { z } from 'zod';
import { ContentItem } from './content';
import { Email, Id, Instant, Version } from './primitives';
import { WorkspaceSettings } from './settings';
import { Role } from './vocabulary';

// Bodies and answers of the admin routes: /v1/settings, /v1/content, /v1/users and their tokens, /v1/tracking-key.
// Every body refuses unknown fields, so a typo is a 400 naming it instead of a change that silently never happens.

/**
 * `schema` with every object in it, however deep, refusing unknown keys (zod's `.strict()` only reaches the top
 * level). Refinements and defaults are kept: only the objects' catch-all changes.
 */
export function strictDeep<S extends z.ZodType>(schema: S): S {
  return strictened(schema) as S;
}

function strictened(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.def.shape).map(([key, field]) => [key, strictened(field)]));
    return schema.clone({ ...schema.def, shape, catchall: z.never() });
  }
  if (schema instanceof z.ZodArray) return schema.clone({ ...schema.def, element: strictened(schema.def.element) });
  if (schema instanceof z.ZodUnion) return schema.clone({ ...schema.def, options: schema.def.options.map(strictened) });
  if (schema instanceof z.ZodOptional) return schema.clone({ ...schema.def, innerType: strictened(schema.def.innerType) });
  if (schema instanceof z.ZodNullable) return schema.clone({ ...schema.def, innerType: strictened(schema.def.innerType) });
  if (schema instanceof z.ZodDefault) return schema.clone({ ...schema.def, innerType: strictened(schema.def.innerType) });
  if (schema instanceof z.ZodPipe) return schema.clone({ ...schema.def, in: strictened(schema.def.in), out: strictened(schema.def.out) });
  return schema;
}

/** PUT /v1/settings: the whole settings document, strict at every level. */
export const SettingsUpdate = strictDeep(WorkspaceSettings);

export type SettingsSection = keyof WorkspaceSettings;

/**
 * Who may change each part of the settings (everyone here may read them all). Managers run the sales side (cadence
 * policies, the work calendar, which domains are the team's own); marketing runs scoring and website tracking; the SLA
 * is the agreement between them, so both may change it; marketing sets how the closed loop attributes (the assist
 * window). Admins may change everything.
 */
export const SETTINGS_SECTION_OWNERS: Readonly<Record<SettingsSection, readonly Role[]>> = {
  calendar: ['manager', 'admin'],
  policies: ['manager', 'admin'],
  domains: ['manager', 'admin'],
  scoring: ['marketing', 'admin'],
  tracking: ['marketing', 'admin'],
  sla: ['manager', 'marketing', 'admin'],
  // The reasons sales gives marketing: both sides of the closed loop agree them, like the SLA.
  outcomes: ['manager', 'marketing', 'admin'],
  attribution: ['marketing', 'admin'],
  // Hot-lead alerts serve both sides: the manager owns the SLA alerts, marketing the buyer-behaviour ones.
  alerts: ['manager', 'marketing', 'admin'],
  // Single sign-on's sign-up domains create accounts: only those who may add users.
  sso: ['admin'],
};

/** What a client that sends `assists` is told: the server counts them, from customers' history. */
export const ASSISTS_NOT_WRITABLE = 'assists are counted by the server from what customers read before they were won; leave this field out';

/**
 * POST /v1/content: an item without the fields the server owns (id, updatedAt, version, and `assists`, which the
 * closed loop counts: sending it is refused with a message saying so, not a bare "unknown key").
 */
export const ContentDraft = ContentItem.omit({ id: true, assists: true, updatedAt: true, version: true })
  .extend({ assists: z.never({ error: ASSISTS_NOT_WRITABLE }).optional() })
  .strict();
export type ContentDraft = z.infer<typeof ContentDraft>;

/**
 * PUT /v1/content/:id: every writable field (a replacement, not a patch). `version`, when sent, is the version the
 * editor started from: if someone changed the item since, the server answers 409 instead of overwriting their edit.
 */
export const ContentReplacement = ContentDraft.extend({ version: Version.optional() }).strict();
export type ContentReplacement = z.infer<typeof ContentReplacement>;

/** GET /v1/content?archived=true also lists archived items (deleted ones never). */
export const ContentListQuery = z.strictObject({
  archived: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

const PersonName = z.string().trim().min(1, 'a name is required').max(100, 'must be at most 100 characters');

/** A member of the workspace as user admin sees them. */
export const WorkspaceUser = z.object({ id: Id, email: Email, name: z.string(), role: Role, disabled: z.boolean() });
export type WorkspaceUser = z.infer<typeof WorkspaceUser>;

/** POST /v1/users. */
export const NewUserRequest = z.strictObject({ email: Email, name: PersonName, role: Role });
export type NewUserRequest = z.infer<typeof NewUserRequest>;

/** PATCH /v1/users/:id: only the fields sent change. */
export const UserPatch = z
  .strictObject({ name: PersonName.optional(), role: Role.optional(), disabled: z.boolean().optional() })
  .refine((p) => p.name !== undefined || p.role !== undefined || p.disabled !== undefined, {
    message: 'give at least one of name, role, disabled',
  });
export type UserPatch = z.infer<typeof UserPatch>;

/** The longest a token may be made to last, in days (ten years); a token may also never expire. */
export const MAX_TOKEN_DAYS = 3650;
const TOKEN_DAYS_MESSAGE = `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}`;

/** How many days a new token lasts (the CLI's --expires-days too). */
export const TokenLifetimeDays = z
  .number({ error: TOKEN_DAYS_MESSAGE })
  .int(TOKEN_DAYS_MESSAGE)
  .min(1, TOKEN_DAYS_MESSAGE)
  .max(MAX_TOKEN_DAYS, TOKEN_DAYS_MESSAGE);

/** What a token's user calls it, to tell their tokens apart ("Work laptop", "CRM export job"). */
export const TokenName = z
  .string({ error: (issue) => (issue.input === undefined ? 'a name is required' : 'must be text') })
  .trim()
  .min(1, 'a name is required')
  .max(100, 'must be at most 100 characters');

/**
 * POST /v1/users/:id/tokens and /v1/me/tokens: a name, and when it expires, either in days from now or at an instant
 * (the server refuses one not in the future). Neither: it lasts until revoked.
 */
export const NewTokenRequest = z
  .strictObject({ name: TokenName, expiresInDays: TokenLifetimeDays.optional(), expiresAt: Instant.optional() })
  .refine((r) => r.expiresInDays === undefined || r.expiresAt === undefined, { message: 'give expiresInDays or expiresAt, not both' });
export type NewTokenRequest = z.infer<typeof NewTokenRequest>;

/** A token as its user and admins see it: never its secret or hash. */
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: Instant,
  /** Kept to within a few minutes (the server writes it at most every five). */
  lastUsedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** GET /v1/users/:id/tokens and /v1/me/tokens: newest first, revoked and expired ones included. */
export const TokenList = z.object({ tokens: z.array(ApiToken) });
export type TokenList = z.infer<typeof TokenList>;

/** POST /v1/users/:id/tokens: the new token with its plain secret in `token`, shown this once (the server keeps only its hash). */
export const IssuedToken = ApiToken.extend({ token: z.string() });
export type IssuedToken = z.infer<typeof IssuedToken>;

/** POST /v1/tracking-key/rotate: the key that signs from now on, and the one it replaced with when it stops verifying. */
export const TrackingKeyRotation = z.object({
  keyId: z.string(),
  rotatedAt: Instant,
  /** Null when the workspace had no key yet (it had never signed a pixel or link). */
  retired: z.object({ keyId: z.string(), verifiesUntil: Instant }).nullable(),
});
export type TrackingKeyRotation = z.infer<typeof TrackingKeyRotation>;

/**
 * GET /v1/settings/site: the workspace's site key (public: it is in every page the snippet runs on) and the snippet to
 * paste into the company site, pointing at this server.
 */
export const SiteSnippet = z.object({ siteKey: z.string(), snippet: z.string() });
export type SiteSnippet = z.infer<typeof SiteSnippet>;
