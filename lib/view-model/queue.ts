import type { Contact } from '../core/model/contact';
import type { CadenceState, ScoreResult } from '../core/model/derived';

/** One of the rep's leads as the queue sees it: who, how good, and where its cadence stands. */
export interface QueueLead {
  contact: Pick<Contact, 'id' | 'email' | 'name' | 'company' | 'title' | 'stage'>;
  score: Pick<ScoreResult, 'score' | 'grade'>;
  /** Null when the lead has no cadence (not assigned yet). */
  cadence: Pick<CadenceState, 'status' | 'nextDueAt' | 'businessMinutesLeft' | 'attemptsDone' | 'attemptsPlanned' | 'exitReason' | 'pausedUntil'> | null;
  /** The lead's policy's due-soon window, in business minutes (see DUE_SOON below). */
  dueSoonMinutes: number;
}

export type QueueGroupKey = 'urgent' | 'due_soon' | 'new' | 'on_track' | 'resting';

export interface QueueGroup<L extends QueueLead = QueueLead> {
  key: QueueGroupKey;
  title: string;
  /** Shown only when the rep asks (complete, exited, paused and unscheduled leads). */
  hidden: boolean;
  leads: L[];
}

/** In the order a rep starting the day works through them: breached and overdue first, then due soon. */
export const QUEUE_GROUPS: readonly { key: QueueGroupKey; title: string; hidden: boolean }[] = [
  { key: 'urgent', title: 'Breached & overdue', hidden: false },
  { key: 'due_soon', title: 'Due soon', hidden: false },
  { key: 'new', title: 'New leads', hidden: false },
  { key: 'on_track', title: 'On track', hidden: false },
  { key: 'resting', title: 'Complete, exited & paused', hidden: true },
];

/** The queue's due-soon window: the next business hour, or a lead's policy's own window when that is longer. */
export const QUEUE_DUE_SOON_MINUTES = 60;

/**
 * Which group a lead goes in.
 *
 * "Due soon" is one window for every lead, so the group reads as "what I must do within the hour": anything lib/core
 * calls due, plus a first touch or a follow-up with at most QUEUE_DUE_SOON_MINUTES business minutes left (or the
 * policy's `dueSoonBusinessMinutes` when longer). A hot policy with a 30-minute due-soon window and a one-hour first
 * touch therefore shows its new lead as due soon at once, which is what a one-hour SLA means. A first touch further
 * off is a new lead; a follow-up further off is on track.
 */
export function queueGroupOf(lead: QueueLead): QueueGroupKey {
  const c = lead.cadence;
  if (c === null) return 'resting';
  const soon = c.businessMinutesLeft !== null && c.businessMinutesLeft <= Math.max(QUEUE_DUE_SOON_MINUTES, lead.dueSoonMinutes);
  switch (c.status) {
    case 'breached':
    case 'overdue':
      return 'urgent';
    case 'due':
      return 'due_soon';
    case 'first_touch_due':
      return soon ? 'due_soon' : 'new';
    case 'on_track':
      return soon ? 'due_soon' : 'on_track';
    case 'complete':
    case 'exited':
    case 'paused':
      return 'resting';
  }
}

/**
 * Within a group: higher score first; on a tie the one due (or overdue) soonest, then by name or address, then id, so
 * the order never wobbles between renders.
 */
export function compareInGroup(a: QueueLead, b: QueueLead): number {
  return (
    b.score.score - a.score.score ||
    dueMs(a) - dueMs(b) ||
    compareText(displayName(a).toLowerCase(), displayName(b).toLowerCase()) ||
    compareText(a.contact.id, b.contact.id)
  );
}

/** Every group in order, each sorted, empty ones included (the view decides what to show). */
export function groupQueue<L extends QueueLead>(leads: readonly L[]): QueueGroup<L>[] {
  const byKey = new Map<QueueGroupKey, L[]>(QUEUE_GROUPS.map((g) => [g.key, []]));
  for (const lead of leads) byKey.get(queueGroupOf(lead))!.push(lead);
  return QUEUE_GROUPS.map((g) => ({ ...g, leads: byKey.get(g.key)!.sort(compareInGroup) }));
}

/** The number of leads needing the rep now: breached, overdue and due soon. */
export function urgentCount(groups: readonly QueueGroup[]): number {
  return groups.filter((g) => g.key === 'urgent' || g.key === 'due_soon').reduce((n, g) => n + g.leads.length, 0);
}

export function displayName(lead: Pick<QueueLead, 'contact'>): string {
  return lead.contact.name ?? lead.contact.email;
}

function dueMs(lead: QueueLead): number {
  const due = lead.cadence?.nextDueAt;
  return due ? Date.parse(due) : Number.POSITIVE_INFINITY;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
