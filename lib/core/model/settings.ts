import { z } from 'zod';
import { AlertSettings } from './alerts';
import { WorkCalendar } from './calendar';
import { OutcomeSettings } from './outcomes';
import { CadencePolicy } from './policy';
import { ScoringModel } from './scoring';
import { EmailOpenMode, SiteOrigin, TrackingMode } from './tracking';
import { Role } from './vocabulary';

/** A domain name such as "acme.com": addresses on the workspace's own domains are never leads. */
export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as acme.com');

/** Marketing's side of the SLA, and how compliance is judged. */
export const SlaGoals = z.object({
  mqlsPerRepPerMonth: z.number().int().min(0).max(10_000),
  /** Share of leads that must get their first attempt within the policy's hours (0..1). */
  firstTouchTarget: z.number().min(0).max(1).default(0.9),
});
export type SlaGoals = z.infer<typeof SlaGoals>;

/**
 * Single sign-on (OpenID Connect, configured on the server): who may become a user by signing in. A verified address
 * on one of `signUpDomains` with no Leadside user yet becomes a user with `signUpRole`; any other unknown address is
 * refused. Owned by admins alone, since it creates accounts.
 */
export const SsoSettings = z.object({
  signUpDomains: z.array(Domain).max(50).default([]),
  signUpRole: Role.default('rep'),
});
export type SsoSettings = z.infer<typeof SsoSettings>;

/** The closed loop's measures (docs/vocabulary.md § Stage history and closed loop). */
export const AttributionSettings = z.object({
  /** How long before a win a piece of content read still counts as an assist. */
  assistWindowDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1 day').max(730, 'must be at most 730 days').default(180),
});
export type AttributionSettings = z.infer<typeof AttributionSettings>;

/** The attribution settings with defaults filled in: settings stored before they existed count with 180 days. */
export function attributionOf(settings: { attribution?: unknown } | null | undefined): AttributionSettings {
  const parsed = AttributionSettings.safeParse(settings?.attribution ?? {});
  return parsed.success ? parsed.data : AttributionSettings.parse({});
}

export const TrackingPolicy = z.preprocess(
  legacyTrackingSwitch,
  z.object({
    /** `off`, `consent` or `legitimate_interest`: see TrackingMode. */
    mode: TrackingMode.default('legitimate_interest'),
    /** A form submit with an unknown email creates a lead (source `website`). */
    createLeadsFromForms: z.boolean().default(true),
    /** Origins allowed to send website events ("https://www.acme.com"). */
    siteOrigins: z.array(SiteOrigin).max(50).default([]),
    /** How the open pixel records: see EmailOpenMode. Absent in settings stored before it existed: today's `per_person`. */
    emailOpens: EmailOpenMode.default('per_person'),
    /** Under `per_person`, only a contact who granted `openTrackingConsent` gets per-person opens; the others count per email. */
    requireOpenConsent: z.boolean().default(false),
  }),
);
export type TrackingPolicy = z.infer<typeof TrackingPolicy>;

/** What a policy that cannot be read (stored settings that no longer parse) means: when in doubt, record nothing. */
const NOTHING_RECORDED: TrackingPolicy = { mode: 'off', createLeadsFromForms: false, siteOrigins: [], emailOpens: 'off', requireOpenConsent: false };

/**
 * The workspace's tracking policy with today's defaults filled in. Settings are stored (and cached in the extension)
 * as they were saved, so an older copy may lack a part added since, or still say `enabled`; one that no longer parses
 * reads as recording nothing.
 */
export function trackingPolicyOf(settings: { tracking?: unknown } | null | undefined): TrackingPolicy {
  const parsed = TrackingPolicy.safeParse(settings?.tracking ?? {});
  return parsed.success ? parsed.data : NOTHING_RECORDED;
}

/**
 * The workspace's currency and reason lists with today's defaults filled in (stored settings may predate them); a part
 * that no longer parses reads as the defaults, so a rep can still give a reason.
 */
export function outcomeSettingsOf(settings: { outcomes?: unknown } | null | undefined): OutcomeSettings {
  const parsed = OutcomeSettings.safeParse(settings?.outcomes ?? {});
  return parsed.success ? parsed.data : OutcomeSettings.parse({});
}

/**
 * The workspace's scoring model read through its schema, so a model saved before a field existed gets the field's
 * default (`autoPromoteMql`: on). Null when the stored model no longer parses: nothing is scored by it.
 */
export function scoringModelOf(settings: { scoring?: unknown } | null | undefined): ScoringModel | null {
  const parsed = ScoringModel.safeParse(settings?.scoring);
  return parsed.success ? parsed.data : null;
}

/** Everything a manager, a marketer or an admin agrees once on the server and every rep's panel uses. */
export const WorkspaceSettings = z
  .object({
    calendar: WorkCalendar,
    policies: z.array(CadencePolicy).max(50),
    scoring: ScoringModel,
    sla: SlaGoals,
    tracking: TrackingPolicy,
    domains: z.array(Domain).max(50).default([]),
    /** Deal currency and the reason lists for recycling, disqualifying and losing; absent in settings stored before it. */
    outcomes: OutcomeSettings.default(() => OutcomeSettings.parse({})),
    attribution: AttributionSettings.default({ assistWindowDays: 180 }),
    /** What alerts the owner of a lead, and the chat that hears it; absent in settings stored before alerts. */
    alerts: AlertSettings.default(() => AlertSettings.parse({})),
    /** Who may sign up through single sign-on; absent in settings stored before it: nobody. */
    sso: SsoSettings.default(() => SsoSettings.parse({})),
  })
  .refine((s) => s.policies.filter((p) => p.isDefault).length <= 1, {
    message: 'at most one policy may be the default',
    path: ['policies'],
  })
  .refine(
    (s) => {
      const named = s.policies.flatMap((p) => p.leadTypes);
      return new Set(named).size === named.length;
    },
    { message: 'a lead type may belong to one policy only', path: ['policies'] },
  );
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
export type WorkspaceSettingsInput = z.input<typeof WorkspaceSettings>;

/**
 * Settings stored before the tracking modes said `enabled: true|false`: false reads as `off`, true as the default
 * mode. A `mode` given wins; `enabled` itself is dropped, so there is one switch.
 */
function legacyTrackingSwitch(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('enabled' in raw)) return raw;
  const { enabled, ...rest } = raw as Record<string, unknown>;
  if ('mode' in rest || typeof enabled !== 'boolean') return 'mode' in rest ? rest : raw;
  return { ...rest, mode: enabled ? 'legitimate_interest' : 'off' };
}
