export type { SyncContext } from './context';
export { syncOnce, SYNC_LOCK, type SyncOutcome } from './sync-once';
export { joinRunningSync } from './join-running';
export { pushOutbox } from './push-outbox';
export { pullChanges } from './pull-changes';
export { applyServerChanges } from './apply-server-changes';
export { resolveEmails, type ResolvedEmail } from './lookup-contacts';
export { backoffDelay } from './backoff';
export { readSyncState, readMeta, writeMeta } from '../db/meta';
