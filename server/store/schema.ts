import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CADENCE_EXIT_ACTIVITY_TYPES } from '../../lib/core/cadence/exits';
import type { Pause } from '../../lib/core/model/contact';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { MutationResult } from '../../lib/core/model/mutations';
import type { AuditAction, AuditActorKind, AuditTargetKind, FieldChanges } from '../../lib/core/model/audit';

/**
 * Every synced row takes its `version` from this one sequence (a trigger sets it on insert and update), so a single
 * number is a cursor over every table. Writers in a workspace hold its advisory lock, so versions commit in order.
 */
export const rowVersion = pgSequence('row_version');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const version = () => bigint('version', { mode: 'number' }).notNull().default(0);

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<WorkspaceSettings>().notNull(),
  /** Public key that t.js sends with website events. */
  siteKey: text('site_key').notNull().unique(),
  createdAt: instant('created_at').notNull().defaultNow(),
  version: version(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['rep', 'manager', 'marketing', 'admin'] }).notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** What this person chose to hear about and where (lib/core/model/alerts.ts `AlertPreferences`); {} is the defaults. */
    alertPreferences: jsonb('alert_preferences').notNull().default({}),
  },
  (t) => [uniqueIndex('users_email').on(t.email), index('users_workspace').on(t.workspaceId)],
);

/**
 * API tokens: only a SHA-256 of the 256-bit secret is kept. Each has a name its user recognises ("Work laptop"), may
 * expire, and is revoked on its own; lastUsedAt is kept to the minute or so (server/auth/last-used.ts).
 */
export const tokens = pgTable('tokens', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  hash: text('hash').notNull().unique(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  lastUsedAt: instant('last_used_at'),
  expiresAt: instant('expires_at'),
  revokedAt: instant('revoked_at'),
});

export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name'),
    title: text('title'),
    company: text('company'),
    seniority: text('seniority'),
    country: text('country'),
    companySize: integer('company_size'),
    industry: text('industry'),
    businessModel: text('business_model'),
    phone: text('phone'),
    stage: text('stage').notNull(),
    stageReason: text('stage_reason'),
    /** The reason's code in the workspace's list (`other` for a free text). */
    stageReasonCode: text('stage_reason_code'),
    /** A customer's won deal value, in the workspace's currency. */
    dealValue: numeric('deal_value', { precision: 15, scale: 2, mode: 'number' }),
    leadType: text('lead_type'),
    source: text('source'),
    ownerId: text('owner_id').references(() => users.id),
    assignedAt: instant('assigned_at'),
    pauses: jsonb('pauses').$type<Pause[]>().notNull().default([]),
    optedOut: boolean('opted_out').notNull().default(false),
    /** The person's answer about individually tracked opens (null: unknown), and when it was recorded. */
    openTrackingConsent: text('open_tracking_consent', { enum: ['granted', 'denied'] }),
    openTrackingConsentAt: instant('open_tracking_consent_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
    version: version(),
  },
  (t) => [
    uniqueIndex('contacts_workspace_email').on(t.workspaceId, t.email),
    index('contacts_owner_version').on(t.ownerId, t.version),
    index('contacts_workspace_version').on(t.workspaceId, t.version),
  ],
);

export const activities = pgTable(
  'activities',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    type: text('type').notNull(),
    at: instant('at').notNull(),
    url: text('url'),
    title: text('title'),
    contentId: text('content_id'),
    emailId: text('email_id'),
    outOfOffice: boolean('out_of_office').notNull().default(false),
    trustLabel: text('trust_label').notNull(),
    trustReason: text('trust_reason').notNull(),
    version: version(),
  },
  (t) => [
    index('activities_contact_at').on(t.contactId, t.at),
    index('activities_contact_version').on(t.contactId, t.version),
    // A click is judged with the other clicks on its email (link scanners click them all at once). An email id is
    // unique within its workspace only (tracked_emails' key), so the workspace leads.
    index('activities_email').on(t.workspaceId, t.emailId, t.type),
    // The SLA report reads every reply and booked meeting of a workspace's open leads among millions of page views:
    // only those rows, and every column the report reads, so an index-only scan answers it (no heap page per row).
    index('activities_cadence_exits')
      .on(t.workspaceId, t.contactId, t.at, t.type, t.outOfOffice)
      .where(sql.raw(`type in (${CADENCE_EXIT_ACTIVITY_TYPES.map((type) => `'${type}'`).join(', ')})`)),
  ],
);

/** An attempt's id is the client's (the outbox makes it), so it is unique within its workspace only. */
/** Every lifecycle change of a contact, as it happened: the closed loop's record (lib/core/model/stage-history.ts). */
export const stageChanges = pgTable(
  'stage_changes',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: text('id').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    /** Null: the stage the contact started in. */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    at: instant('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').references(() => users.id),
    /** Which rule moved it, when a rule did (`mql_threshold`). */
    rule: text('rule'),
    reason: text('reason'),
    /** The reason's code in the list the move takes (recycle, disqualify, lost; `other` for a free text). */
    reasonCode: text('reason_code'),
    /** `won` or `lost` for an opportunity that closed (lib/core/stage/transitions.ts); null for other moves. */
    outcome: text('outcome', { enum: ['won', 'lost'] }),
    /** A win's deal value, in the workspace's currency. */
    dealValue: numeric('deal_value', { precision: 15, scale: 2, mode: 'number' }),
    /** The outbox mutation that made the change, when one did. */
    mutationId: text('mutation_id'),
    /** On a move that took back an earlier one (an undo): that move's id. */
    undoes: text('undoes'),
    reconstructed: boolean('reconstructed').notNull().default(false),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('stage_changes_contact_at').on(t.contactId, t.at),
    index('stage_changes_workspace_at').on(t.workspaceId, t.at),
    // The reports leave undone moves out by asking whether an undo names them.
    index('stage_changes_undoes').on(t.undoes).where(sql`undoes is not null`),
  ],
);

export const attempts = pgTable(
  'attempts',
  {
    id: text('id').notNull(),
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel').notNull(),
    outcome: text('outcome'),
    note: text('note'),
    contentIds: jsonb('content_ids').$type<string[]>().notNull().default([]),
    at: instant('at').notNull(),
    undoneAt: instant('undone_at'),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('attempts_contact_at').on(t.contactId, t.at),
    index('attempts_contact_version').on(t.contactId, t.version),
  ],
);

export const content = pgTable(
  'content',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    title: text('title').notNull(),
    url: text('url').notNull(),
    kind: text('kind').notNull(),
    journeyStage: text('journey_stage').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    personas: jsonb('personas').$type<string[]>().notNull().default([]),
    assists: integer('assists').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
    version: version(),
  },
  (t) => [index('content_workspace_version').on(t.workspaceId, t.version)],
);

/**
 * Questions prospects asked, as reps noted them (lib/core/model/questions.ts). The id is the client's (the outbox makes
 * it), so it is unique within its workspace only. `group_key` is questionKey(text); `stage` the contact's stage when
 * it was asked. Synced with the contact, like attempts.
 */
export const questions = pgTable(
  'questions',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    id: text('id').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    groupKey: text('group_key').notNull(),
    stage: text('stage').notNull(),
    at: instant('at').notNull(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('questions_contact_version').on(t.contactId, t.version),
    index('questions_workspace_key').on(t.workspaceId, t.groupKey),
  ],
);

/** The content item marketing linked as a question group's answer; `content_id` null once unlinked (synced to everyone). */
export const questionAnswers = pgTable(
  'question_answers',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    groupKey: text('group_key').notNull(),
    contentId: text('content_id').references(() => content.id),
    linkedBy: text('linked_by').references(() => users.id),
    linkedAt: instant('linked_at').notNull(),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.groupKey] }), index('question_answers_workspace_version').on(t.workspaceId, t.version)],
);

/** When a contact entered a user's sync scope (assigned to them, or looked up): its whole history goes down then. */
export const scopeEntries = pgTable(
  'scope_entries',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    /** Last lookup; owned contacts stay in scope whatever this says. */
    lookedUpAt: instant('looked_up_at'),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.contactId] }),
    index('scope_entries_user_version').on(t.userId, t.version),
    // A caught-up pull asks only whether one of the caller's lookups has lapsed (server/domain/sync/caught-up.ts).
    index('scope_entries_user_looked_up').on(t.userId, t.lookedUpAt).where(sql`${t.lookedUpAt} is not null`),
  ],
);

/**
 * The newest version any synced row of a workspace has taken, kept by statement triggers on every synced table
 * (migration 0019): a pull whose cursor is already there has nothing to read (docs/sync.md § Caught up).
 */
export const syncHeads = pgTable('sync_heads', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/** Rows that left a user's scope (`userId` null: everyone in the workspace), so their caches drop them. */
export const scopeExits = pgTable(
  'scope_exits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: text('workspace_id').notNull(),
    userId: text('user_id'),
    kind: text('kind', { enum: ['contact', 'content'] }).notNull(),
    objectId: text('object_id').notNull(),
    version: version(),
  },
  (t) => [index('scope_exits_workspace_version').on(t.workspaceId, t.version)],
);

/** Each applied mutation's id and first answer, so a replay answers `duplicate` and never applies twice. */
export const appliedMutations = pgTable(
  'applied_mutations',
  {
    userId: text('user_id').notNull(),
    id: text('id').notNull(),
    result: jsonb('result').$type<MutationResult>().notNull(),
    appliedAt: instant('applied_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] }), index('applied_mutations_applied_at').on(t.appliedAt)],
);

/** Addresses reps put forward as leads: they wait for a manager's or marketer's review. */
export const suggestedLeads = pgTable(
  'suggested_leads',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name'),
    company: text('company'),
    title: text('title'),
    note: text('note'),
    seenOn: text('seen_on'),
    suggestedBy: text('suggested_by')
      .notNull()
      .references(() => users.id),
    suggestedAt: instant('suggested_at').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'rejected'] }).notNull().default('pending'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    /** Why a reviewer turned it down, for the rep who suggested it. */
    reviewReason: text('review_reason'),
    contactId: text('contact_id'),
  },
  (t) => [index('suggested_leads_workspace_status').on(t.workspaceId, t.status)],
);

export const VERSIONED_TABLES = [
  'workspaces',
  'contacts',
  'activities',
  'attempts',
  'content',
  'scope_entries',
  'scope_exits',
  'questions',
  'question_answers',
] as const;
export const nextVersionSql = sql`nextval('row_version')`;

/**
 * The secrets that sign a workspace's tracking tokens (pixels, tracked links, identification). One key signs (the one
 * not retired); a key retired by rotation still verifies for TRACKING_KEY_GRACE_DAYS, so links already sent keep working.
 */
export const trackingKeys = pgTable(
  'tracking_keys',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    keyId: text('key_id').notNull(),
    /** 32 random bytes, base64url. */
    secret: text('secret').notNull(),
    createdAt: instant('created_at').notNull(),
    retiredAt: instant('retired_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.keyId] }),
    // At most one signing key a workspace, even when two processes create the first one at once.
    uniqueIndex('tracking_keys_active').on(t.workspaceId).where(sql`${t.retiredAt} is null`),
  ],
);

/**
 * Emails a rep registered before sending: their opens and clicks are judged against when they left and their links.
 * The id may be the client's, so it is unique within its workspace only.
 */
export const trackedEmails = pgTable(
  'tracked_emails',
  {
    id: text('id').notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    subject: text('subject'),
    sentAt: instant('sent_at').notNull(),
    linkCount: integer('link_count').notNull(),
    /**
     * Every recorded open of the email, per person or per email only (tracking.emailOpens): by people (human or proxy)
     * and by machines. The contact's activities say who opened; these only how often, for figures across emails.
     */
    openCount: integer('open_count').notNull().default(0),
    machineOpenCount: integer('machine_open_count').notNull().default(0),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('tracked_emails_workspace_contact').on(t.workspaceId, t.contactId)],
);

/** A browser the website snippet has seen (an anonymous first-party id), and who it turned out to be. */
export const visitors = pgTable(
  'visitors',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    visitorId: text('visitor_id').notNull(),
    contactId: text('contact_id').references(() => contacts.id),
    firstSeen: instant('first_seen').notNull(),
    lastSeen: instant('last_seen').notNull(),
    identifiedAt: instant('identified_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.visitorId] }), index('visitors_contact').on(t.contactId)],
);

/**
 * Every website event received, keyed by the snippet's event id: a replayed batch finds its events here and stores
 * nothing twice. An anonymous visitor's history waits here until they identify; it then becomes the contact's activities.
 */
export const visitorEvents = pgTable(
  'visitor_events',
  {
    workspaceId: text('workspace_id').notNull(),
    eventId: text('event_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    type: text('type').notNull(),
    at: instant('at').notNull(),
    url: text('url').notNull(),
    title: text('title'),
    contentId: text('content_id'),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.eventId] }),
    index('visitor_events_visitor').on(t.workspaceId, t.visitorId, t.at),
    index('visitor_events_received').on(t.receivedAt),
  ],
);

/**
 * Who changed what in a workspace, and when (`server/domain/audit/`): written in the transaction of the change it
 * records, so a change that rolls back leaves no event. `actor_id` is null for the CLI and the system. `changes` holds
 * each field before and after, never a secret. Kept AUDIT_RETENTION_DAYS, then pruned.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    at: instant('at').notNull(),
    actorKind: text('actor_kind').$type<AuditActorKind>().notNull(),
    actorId: text('actor_id'),
    action: text('action').$type<AuditAction>().notNull(),
    targetKind: text('target_kind').$type<AuditTargetKind>().notNull(),
    targetId: text('target_id').notNull(),
    changes: jsonb('changes').$type<FieldChanges>().notNull(),
  },
  (t) => [
    // Pages newest first by (at, id) within a workspace; the prune reads `at` through it too.
    index('audit_events_workspace_at').on(t.workspaceId, t.at.desc(), t.id),
    index('audit_events_at').on(t.at),
  ],
);

/**
 * Workspaces whose content assists must be counted once from the record because they predate the count (migration
 * 0010 lists every workspace then); the server drains it as it starts (server/domain/closed-loop/pending-recounts.ts).
 */
export const assistRecountsPending = pgTable('assist_recounts_pending', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
});

/**
 * One-time ways into a browser session (server/auth/sign-in.ts): a sign-in link (`link`, 15 minutes, made by an admin,
 * the CLI or `npm start`) or the extension's dashboard code (`code`, 60 seconds). Only a SHA-256 of the secret is kept;
 * `used_at` is set by the one POST that consumes it, so a second use finds nothing.
 */
export const signInGrants = pgTable(
  'sign_in_grants',
  {
    id: text('id').primaryKey(),
    // `extension`: the extension's sign-in code, exchanged for a token (no migration: the column is plain text).
    kind: text('kind', { enum: ['link', 'code', 'extension'] }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    hash: text('hash').notNull().unique(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('sign_in_grants_expires').on(t.expiresAt)],
);

/**
 * Browser sessions of the dashboard: the cookie carries the secret, only its SHA-256 is kept. A session ends when it is
 * idle too long (last_seen_at, noted to within a few minutes), at its absolute expiry, or when it is signed out.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    hash: text('hash').notNull().unique(),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    endedAt: instant('ended_at'),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/**
 * Read-only links to a workspace's SLA page for a team screen: no sign-in, nothing personal beyond names and counts.
 * The link's secret is kept as a SHA-256 like a token (shown once, when made); revoking or expiring ends it.
 */
export const sharedScreens = pgTable(
  'shared_screens',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    hash: text('hash').notNull().unique(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('shared_screens_workspace').on(t.workspaceId, t.createdAt)],
);

/**
 * Hot-lead alerts (lib/core/alerts decides them; server/alerts/engine.ts stores and delivers them). The unique window
 * key makes "exactly one" hold however many API processes decide the same event: each inserts with `on conflict do
 * nothing`. A row takes a new version when it is delivered, which is what the recipient's sync pages follow.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    rule: text('rule').notNull(),
    at: instant('at').notNull(),
    deliverAt: instant('deliver_at').notNull(),
    /** The pacing window the alert opened (an activity rule's first event, an SLA rule's due time). */
    windowStart: instant('window_start').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A digest: how many alerts it stands for and about whom (the parts are kept with state `digested`). */
    digestOf: jsonb('digest_of').$type<{ count: number; contactIds: string[] }>(),
    /** held (waiting for deliverAt), delivered, dropped (no longer held when due), digested (delivered in a digest). */
    state: text('state', { enum: ['held', 'delivered', 'dropped', 'digested'] }).notNull(),
    deliveredAt: instant('delivered_at'),
    createdAt: instant('created_at').notNull(),
    version: version(),
  },
  (t) => [
    uniqueIndex('alerts_window')
      .on(t.workspaceId, t.userId, t.contactId, t.rule, t.windowStart)
      .where(sql`${t.digestOf} is null`),
    index('alerts_user_version').on(t.userId, t.version),
    index('alerts_held').on(t.workspaceId, t.deliverAt).where(sql`${t.state} = 'held'`),
    index('alerts_user_delivered').on(t.userId, t.deliveredAt),
  ],
);

// ── Alerts by email and chat (server/alerts/delivery/) ──────────────────────────────────────────────────────────────

/**
 * What the alert channels still have to send (an instant email, a morning digest, a chat post), written by
 * `AlertChannels.delivered` and the digest planner and sent by the delivery worker, so a mail server or a chat that is
 * down never makes ingestion wait and nothing queued is lost on a restart. `key` makes each send happen once: the same
 * alert handed over twice, or a digest planned by two processes for one day, is one row.
 */
export const alertOutbox = pgTable(
  'alert_outbox',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** "email:<alert id>", "chat:<alert id>", "digest:<user id>:<YYYY-MM-DD>". */
    key: text('key').notNull(),
    channel: text('channel', { enum: ['email', 'chat'] }).notNull(),
    /** What to send, already composed (server/alerts/delivery/outbox.ts `OutboxPayload`). */
    payload: jsonb('payload').notNull(),
    createdAt: instant('created_at').notNull(),
    /** When the worker may next try; pushed back by the backoff after a failure, and by a lease while one sends. */
    nextAttemptAt: instant('next_attempt_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    /** Gave up after the last retry (the error is kept). */
    failedAt: instant('failed_at'),
  },
  (t) => [
    uniqueIndex('alert_outbox_key').on(t.workspaceId, t.key),
    index('alert_outbox_due').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);

/**
 * Each workspace's secrets for alerts: the key that signs one-click unsubscribe links in alert emails, and the
 * Standard Webhooks secret ("whsec_" + base64) that signs its chat posts, which an admin reads and rotates
 * (GET /v1/alerts/webhook-secret, POST …/rotate). Made on first use.
 */
export const alertSecrets = pgTable('alert_secrets', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  /** 32 random bytes, base64url. */
  unsubscribeKey: text('unsubscribe_key').notNull(),
  webhookSecret: text('webhook_secret').notNull(),
  webhookSecretAt: instant('webhook_secret_at').notNull(),
  /** The secret before the last rotation: posts carry its signature too until WEBHOOK_SECRET_GRACE_HOURS after it. */
  previousWebhookSecret: text('previous_webhook_secret'),
});

// ─── Webhooks out (issue 18): server/webhooks/ ───────────────────────────────────────────────────────────────────────

/**
 * A workspace's webhook endpoints (admins: /v1/webhooks). Each has its own Standard Webhooks secret; the previous one
 * keeps signing too for WEBHOOK_SECRET_GRACE_HOURS after a rotation. `failingSince` is the first failure after the last
 * success: an endpoint failing for WEBHOOK_DISABLE_AFTER_MS is turned off, with `disabledReason` saying why.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: jsonb('events').$type<string[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    secret: text('secret').notNull(),
    secretAt: instant('secret_at').notNull(),
    previousSecret: text('previous_secret'),
    failingSince: instant('failing_since'),
    disabledReason: text('disabled_reason'),
    disabledAt: instant('disabled_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_workspace').on(t.workspaceId)],
);

/**
 * The durable queue and log of webhook deliveries: one row per event per endpoint, written in the transaction of the
 * change that caused it (the outbox pattern). Its id is the `webhook-id`, the same on every retry; `event_key` is unique
 * per endpoint, so an event seen twice (an SLA breach on every minute's check) is queued once. `contact_id` lets a
 * privacy erasure delete a contact's deliveries.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventKey: text('event_key').notNull(),
    type: text('type').notNull(),
    contactId: text('contact_id'),
    /** The JSON body, exactly as signed and sent ({type, timestamp, data}). */
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    failedAt: instant('failed_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event').on(t.endpointId, t.eventKey),
    index('webhook_deliveries_due').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null and ${t.failedAt} is null`),
    index('webhook_deliveries_log').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_contact').on(t.workspaceId, t.contactId),
  ],
);

/**
 * Single sign-on attempts begun in a browser (server/auth/oidc.ts): the state travels in the browser's own cookie and
 * the provider's redirect, only its SHA-256 is kept, with the nonce and the PKCE verifier it was begun with. The one
 * callback that uses it sets `used_at`, so a replayed or a second callback finds nothing; ten minutes to finish.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    id: text('id').primaryKey(),
    stateHash: text('state_hash').notNull().unique(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('oidc_logins_expires').on(t.expiresAt)],
);
