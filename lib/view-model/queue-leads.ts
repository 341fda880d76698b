import type { Activity } from '../core/model/activity';
import type { Attempt } from '../core/model/attempt';
import type { Contact } from '../core/model/contact';
import { leadCadence, leadPicture } from '../core/lead';
import { policyForLeadType } from '../core/model/policy';
import type { WorkspaceSettings } from '../core/model/settings';
import { waitingSince, type QueueCadence, type QueueLead } from './queue';

/** The cached rows the queue is computed from: the rep's contacts with their history, and the workspace settings. */
export interface QueueRows {
  contacts: Contact[];
  activities: Map<string, Activity[]>;
  attempts: Map<string, Attempt[]>;
  settings: WorkspaceSettings;
}

/**
 * Each of the rep's leads as the queue sees it at `now`, with lib/core's lead picture (the server's own function). One
 * place for it: the panel's queue (components/hooks/useQueue.ts) and the toolbar badge (lib/alerts/badge.ts) both
 * read their leads from here, so the badge counts exactly what the queue's "Breached & overdue" group lists.
 */
export function queueLeadsOf(rows: QueueRows, now: Date): QueueLead[] {
  return rows.contacts.map((contact) => {
    const attempts = rows.attempts.get(contact.id) ?? [];
    const picture = leadPicture(contact, rows.activities.get(contact.id) ?? [], attempts, rows.settings, now);
    const { id, email, name, company, title, stage } = contact;
    const c = picture.cadence;
    // Only what a queue row reads (QueueLead's fields): the queue keeps 5,000 of these between refreshes, not the
    // full contact, the score's explanation and the whole cadence state (bench `memory`).
    return {
      contact: { id, email, name, company, title, stage },
      score: { score: picture.score.score, grade: picture.score.grade },
      cadence: c && {
        status: c.status,
        nextDueAt: c.nextDueAt,
        businessMinutesLeft: c.businessMinutesLeft,
        attemptsDone: c.attemptsDone,
        attemptsPlanned: c.attemptsPlanned,
        exitReason: c.exitReason,
        pausedUntil: c.pausedUntil,
      },
      dueSoonMinutes: policyForLeadType(rows.settings.policies, contact.leadType).dueSoonBusinessMinutes,
      waitingSince: waitingSince(contact, attempts),
    };
  });
}

/**
 * Only what decides each lead's queue group (its cadence, the same lib/core function the lead picture uses), no score:
 * the toolbar badge's count, computed in the background, which then carries no scoring or intelligence code.
 */
export function queueCadencesOf(rows: QueueRows, now: Date): QueueCadence[] {
  return rows.contacts.map((contact) => ({
    cadence: leadCadence(contact, rows.activities.get(contact.id) ?? [], rows.attempts.get(contact.id) ?? [], rows.settings, now),
    dueSoonMinutes: policyForLeadType(rows.settings.policies, contact.leadType).dueSoonBusinessMinutes,
  }));
}
