import type { Activity } from '../core/model/activity';
import type { Attempt } from '../core/model/attempt';
import type { Contact } from '../core/model/contact';
import { leadCadence } from '../core/lead';
import { scoreContact } from '../core/scoring';
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
 * Each of the rep's leads as the queue sees it at `now`, scored and placed in its cadence by lib/core's functions (the
 * lead picture's and the server's own). One place for it: the panel's queue (components/hooks/useQueue.ts) reads its
 * leads here and the toolbar badge (lib/alerts/badge.ts) their cadences (queueCadencesOf, the same leadCadence), so
 * the badge counts exactly what the queue's "Breached & overdue" group lists.
 */
export function queueLeadsOf(rows: QueueRows, now: Date): QueueLead[] {
  return rows.contacts.map((contact) => {
    const attempts = rows.attempts.get(contact.id) ?? [];
    const activities = rows.activities.get(contact.id) ?? [];
    // The score and the cadence, as the lead picture computes them; not the intelligence summary, which no row shows.
    const score = scoreContact(rows.settings.scoring, contact, activities, now);
    const c = leadCadence(contact, activities, attempts, rows.settings, now);
    const { id, email, name, company, title, stage } = contact;
    // Only what a queue row reads (QueueLead's fields): the queue keeps 5,000 of these between refreshes, not the
    // full contact, the score's explanation and the whole cadence state (bench `memory`).
    return {
      contact: { id, email, name, company, title, stage },
      score: { score: score.score, grade: score.grade },
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
