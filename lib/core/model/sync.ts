import { z } from 'zod';
import { Alert } from './alerts';
import { Activity } from './activity';
import { Attempt } from './attempt';
import { Contact } from './contact';
import { ContentItem } from './content';
import { Question, QuestionAnswer } from './questions';
import { WorkspaceSettings } from './settings';
import { Id } from './primitives';
import { StageChange } from './stage-history';

export const SYNC_PAGE_MAX = 1000;
export const SYNC_PAGE_DEFAULT = 200;

export const SyncQuery = z.object({
  /** Opaque: the client stores it and hands it back; absent on the first pull. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_PAGE_MAX, `limit must be at most ${SYNC_PAGE_MAX}`).default(SYNC_PAGE_DEFAULT),
});

/** One page of changes in the caller's scope, oldest first (docs/sync.md). */
export const SyncPage = z.object({
  contacts: z.array(Contact),
  activities: z.array(Activity),
  attempts: z.array(Attempt),
  /** Questions the contacts in scope asked (a contact entering the scope brings all of its own). */
  questions: z.array(Question).default([]),
  content: z.array(ContentItem),
  /** Question groups' answers linked or unlinked since the cursor (`contentId` null: unlinked); everyone's, like content. */
  answers: z.array(QuestionAnswer).default([]),
  /** Lifecycle changes of the contacts in scope; a server from before stage history sends none. */
  stageChanges: z.array(StageChange).default([]),
  /**
   * The workspace's settings, whole, when they changed since the cursor (else null): the work calendar, the cadence
   * policies, the scoring model, the SLA goals and the workspace's domains. The client replaces its copy.
   */
  settings: WorkspaceSettings.nullable(),
  /**
   * The people the page's contacts and attempts name (owners, who logged), with their display names as the server
   * knows them now: the panel says "Maya Chen's lead" instead of "Another rep". Sent with the rows that name them,
   * so a reassigned contact brings its new owner's name; a server from before it sends none.
   */
  people: z.array(z.object({ id: Id, name: z.string() })).default([]),
  /** Alerts for the caller since the cursor (the same ones the live stream sends as `event: alert`); shown once by id. */
  alerts: z.array(Alert).optional(),
  /** Rows that left the caller's scope (reassigned, deleted): the client drops them. */
  removed: z.object({
    contacts: z.array(Id),
    content: z.array(Id),
  }),
  cursor: z.string(),
  more: z.boolean(),
});
export type SyncPage = z.infer<typeof SyncPage>;
