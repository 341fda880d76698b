import type { Alert } from '../core/model/alerts';
import type { LookupEntry, Me } from '../core/model/api';
import type { ErrorBody, Mutation } from '../core/model/mutations';
import type { WorkspaceSettings } from '../core/model/settings';
import type { AttemptOutcome, LifecycleStage } from '../core/model/vocabulary';

/** A contact's stage and what goes with it; the last two are absent in outbox entries queued before they existed. */
export interface StageFields {
  stage: LifecycleStage;
  stageReason: string | null;
  stageReasonCode?: string | null;
  dealValue?: number | null;
}

/**
 * A change made here that the server has not acknowledged yet. `pending` ones are pushed in `seq` order; a `rejected`
 * one stays, with the server's reason, until the rep dismisses it: nothing a rep logged disappears silently.
 */
export interface OutboxEntry {
  seq?: number;
  /** The mutation's id: the server applies each id once. */
  id: string;
  mutation: Mutation;
  status: 'pending' | 'rejected';
  createdAt: string;
  /** What the change replaced, so a rejection can be undone locally. */
  previous?: StageFields;
  /** What an attempt amend replaced (its outcome and note), so a refusal puts the attempt back. */
  previousAttempt?: { outcome: AttemptOutcome | null; note: string | null };
  /** What a stage change wrote to the cache, kept on top of pulled rows until the server has it (absent in older entries). */
  wrote?: StageFields;
  error?: ErrorBody;
  /** Set when the server refuses it: who the change was about, so the rep can tell even after the contact left the cache. */
  contactName?: string;
  /** Pushes tried without an answer for this entry (shown when something is stuck). */
  tries: number;
}

/** A lead the rep put forward from a page; it waits for review on the server. */
export interface LocalSuggestion {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
  title: string | null;
  suggestedAt: string;
}

/** What the server answered for an address, kept so the panel does not ask again on every glance. */
export interface LookupCacheRow {
  email: string;
  /** The contact's picture as the server computed it; null when the address is not in Leadside. */
  entry: LookupEntry | null;
  at: string;
}

export interface ServerConnection {
  url: string;
  token: string;
}

export type SyncStatus = 'signed_out' | 'idle' | 'syncing' | 'offline' | 'error';

/** Why the server stopped accepting the sign-in: the token passed its expiry, or it was refused (revoked, unknown, user disabled). */
export type SignedOutBecause = 'token_expired' | 'token_refused';

export interface SyncState {
  status: SyncStatus;
  /** Set while the first sync runs: rows applied so far. */
  progress: { pages: number; rows: number } | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Consecutive failures, for the backoff. */
  failures: number;
  /** Do not try again before this instant (backoff, Retry-After). */
  nextTryAt: string | null;
  /** Set with `signed_out` when a 401 caused it; absent in states saved before it existed. */
  signedOutBecause?: SignedOutBecause | null;
}

/** One row per key; typed by key. */
export interface MetaValues {
  connection: ServerConnection;
  me: Me;
  settings: WorkspaceSettings;
  cursor: string;
  syncState: SyncState;
}
export type MetaKey = keyof MetaValues;
export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K;
  value: MetaValues[K];
}

/** One of the workspace's people, as a pulled page named them: for "Maya Chen's lead". */
export interface Person {
  id: string;
  name: string;
}

/**
 * An alert as this browser keeps it (lib/alerts/deliver.ts): `waiting` until its deliverAt, then `shown` as a
 * notification, or `skipped` (alerts were off on this computer, or it came too late to be news). Kept by id so a second
 * sight of it (stream, then sync) changes nothing; pruned some days after `seenAt`.
 */
export interface SeenAlert {
  id: string;
  alert: Alert;
  status: 'waiting' | 'shown' | 'skipped';
  /** When this browser first saw it. */
  seenAt: string;
}
