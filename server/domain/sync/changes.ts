import type { Activity } from '../../../lib/core/model/activity';
import type { Alert } from '../../../lib/core/model/alerts';
import type { Attempt } from '../../../lib/core/model/attempt';
import type { Contact } from '../../../lib/core/model/contact';
import type { ContentItem } from '../../../lib/core/model/content';
import type { Question, QuestionAnswer } from '../../../lib/core/model/questions';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { StageChange } from '../../../lib/core/model/stage-history';

/**
 * One row changed after the cursor, in the caller's scope, with the version that orders it among all the others.
 * Every kind counts toward a page's limit; the history sent with an `entry` does not.
 */
export type Change =
  | { kind: 'contact'; version: number; contact: Contact }
  /** The contact entered the caller's scope (assigned to them, or looked up): it goes down with its history. */
  | { kind: 'entry'; version: number; contact: Contact }
  | { kind: 'activity'; version: number; activity: Activity }
  | { kind: 'attempt'; version: number; attempt: Attempt }
  | { kind: 'stage'; version: number; stageChange: StageChange }
  | { kind: 'content'; version: number; item: ContentItem }
  /** A question a contact in scope asked. */
  | { kind: 'question'; version: number; question: Question }
  /** A question group's answer was linked or unlinked (everyone's, like the library). */
  | { kind: 'answer'; version: number; answer: QuestionAnswer }
  | { kind: 'settings'; version: number; settings: WorkspaceSettings }
  /** An alert for the caller was delivered (the same one the live stream sent as `event: alert`). */
  | { kind: 'alert'; version: number; alert: Alert }
  /** A contact or a content item left the caller's scope. */
  | { kind: 'exit'; version: number; of: 'contact' | 'content'; id: string };

/** What a contact entering the scope brings besides its own row. */
export interface History {
  activities: Activity[];
  attempts: Attempt[];
  questions: Question[];
  stageChanges: StageChange[];
}
