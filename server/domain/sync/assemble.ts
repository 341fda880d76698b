import { groupByContact } from '../../../lib/core/lead/by-contact';
import type { Activity } from '../../../lib/core/model/activity';
import type { Alert } from '../../../lib/core/model/alerts';
import type { Attempt } from '../../../lib/core/model/attempt';
import type { Contact } from '../../../lib/core/model/contact';
import type { ContentItem } from '../../../lib/core/model/content';
import type { Question, QuestionAnswer } from '../../../lib/core/model/questions';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { StageChange } from '../../../lib/core/model/stage-history';
import type { SyncPage } from '../../../lib/core/model/sync';
import type { Change, History } from './changes';

/**
 * The first `limit` changes (merged oldest first), and whether any remain after them. Each stream was read up to
 * limit + 1 rows, so the first `limit` of the merge are exact and one more tells that the page is not the last.
 */
export function firstChanges(merged: readonly Change[], limit: number): { taken: Change[]; more: boolean } {
  return { taken: merged.slice(0, limit), more: merged.length > limit };
}

/**
 * The version a page ends at: its last change's, or the cursor it started from when nothing changed. The last page
 * (nothing more) ends at the workspace's head when that is newer: every version up to the head that the snapshot
 * holds has been read, and the caller's share of it is in the page, so changes outside the scope do not keep the
 * next pull off the caught-up path (caught-up.ts). Writers hold the workspace lock, so no version below the head
 * commits later.
 */
export function lastVersion(taken: readonly Change[], after: number, ending?: { more: boolean; head: number }): number {
  const last = taken.at(-1)?.version ?? after;
  return ending && !ending.more ? Math.max(last, ending.head) : last;
}

/**
 * Builds the page by applying its changes in version order, so the client may apply the arrays in any order and
 * still end where the server is:
 * - an exit drops the contact (or content item) and whatever the page held for it, and lists its id in `removed`;
 * - a later entry or contact row brings the contact back and takes its id out of `removed`, so a contact reassigned
 *   away and back within one page ends up present;
 * - an entry brings the contact's history with it (`history` holds every entering contact's).
 */
export function assemblePage(
  taken: readonly Change[],
  history: History,
  page: { cursor: string; more: boolean },
): Omit<SyncPage, 'people'> {
  const activitiesOf = groupByContact(history.activities);
  const attemptsOf = groupByContact(history.attempts);
  const stageChangesOf = groupByContact(history.stageChanges);
  const questionsOf = groupByContact(history.questions);
  const contacts = new Map<string, Contact>();
  const activities = new Map<string, Activity>();
  const attempts = new Map<string, Attempt>();
  const questions = new Map<string, Question>();
  const stageChanges = new Map<string, StageChange>();
  const content = new Map<string, ContentItem>();
  const answers = new Map<string, QuestionAnswer>();
  const alerts: Alert[] = [];
  const removedContacts = new Set<string>();
  const removedContent = new Set<string>();
  let settings: WorkspaceSettings | null = null;

  for (const change of taken) {
    switch (change.kind) {
      case 'entry': {
        for (const a of activitiesOf.get(change.contact.id) ?? []) activities.set(a.id, a);
        for (const a of attemptsOf.get(change.contact.id) ?? []) attempts.set(a.id, a);
        for (const q of questionsOf.get(change.contact.id) ?? []) questions.set(q.id, q);
        for (const s of stageChangesOf.get(change.contact.id) ?? []) stageChanges.set(s.id, s);
        contacts.set(change.contact.id, change.contact);
        removedContacts.delete(change.contact.id);
        break;
      }
      case 'contact':
        contacts.set(change.contact.id, change.contact);
        removedContacts.delete(change.contact.id);
        break;
      case 'activity':
        activities.set(change.activity.id, change.activity);
        break;
      case 'attempt':
        attempts.set(change.attempt.id, change.attempt);
        break;
      case 'stage':
        stageChanges.set(change.stageChange.id, change.stageChange);
        break;
      case 'question':
        questions.set(change.question.id, change.question);
        break;
      case 'answer':
        answers.set(change.answer.key, change.answer);
        break;
      case 'content':
        content.set(change.item.id, change.item);
        removedContent.delete(change.item.id);
        break;
      case 'settings':
        settings = change.settings;
        break;
      case 'alert':
        alerts.push(change.alert);
        break;
      case 'exit':
        if (change.of === 'contact') {
          contacts.delete(change.id);
          removedContacts.add(change.id);
        } else {
          content.delete(change.id);
          removedContent.add(change.id);
        }
        break;
    }
  }

  // History, activity and stage changes of a contact the page ends up removing would only be dropped again by the client.
  const kept = <T extends { contactId: string; version: number }>(rows: Map<string, T>) =>
    byVersion([...rows.values()].filter((r) => !removedContacts.has(r.contactId)));
  return {
    contacts: byVersion([...contacts.values()]),
    activities: kept(activities),
    attempts: kept(attempts),
    questions: kept(questions),
    stageChanges: kept(stageChanges),
    content: byVersion([...content.values()]),
    answers: byVersion([...answers.values()]),
    settings,
    // Only when there are some: most pages carry none, and a page with nothing new stays as small as before.
    ...(alerts.length > 0 ? { alerts } : {}),
    removed: { contacts: [...removedContacts], content: [...removedContent] },
    cursor: page.cursor,
    more: page.more,
  };
}

function byVersion<T extends { version: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.version - b.version);
}
