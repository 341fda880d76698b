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
  /** Since when the lead has waited without a touch: its latest counted attempt, else its assignment (see waitingSince). */
  waitingSince: string | null;
}

/** What decides a lead's group (queueGroupOf): its cadence and its policy's due-soon window, no score. */
export type QueueCadence = Pick<QueueLead, 'cadence' | 'dueSoonMinutes'>;

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
export function queueGroupOf(lead: QueueCadence): QueueGroupKey {
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
 * Since when a lead has waited for a touch: the latest attempt that still counts (an undone one does not), else when it
 * was assigned (or created, for a lead assigned before assignments were recorded).
 */
export function waitingSince(
  contact: { assignedAt: string | null; createdAt: string },
  attempts: readonly { at: string; undoneAt: string | null }[],
): string {
  let latest: string | null = null;
  for (const a of attempts) if (a.undoneAt === null && (latest === null || Date.parse(a.at) > Date.parse(latest))) latest = a.at;
  return latest ?? contact.assignedAt ?? contact.createdAt;
}

/**
 * Within a group: higher score first; on a tie the one due (or overdue) soonest, then by name or address, then id, so
 * the order never wobbles between renders. Breached and overdue leads are a debt, not a ranking: the one that has waited
 * longest without a touch comes first, then the latest, then by score.
 */
export function compareInGroup(a: QueueLead, b: QueueLead): number {
  const urgent = queueGroupOf(a) === 'urgent' && queueGroupOf(b) === 'urgent';
  return (
    (urgent ? waitedMs(a) - waitedMs(b) || dueMs(a) - dueMs(b) : 0) ||
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

/** The wait's start as a number, unknown waits last. */
function waitedMs(lead: QueueLead): number {
  return lead.waitingSince ? Date.parse(lead.waitingSince) : Number.POSITIVE_INFINITY;
}

/**
 * How late a breached or overdue lead is, one way for every row of the group: "overdue 2 d 4 h" in wall time since the
 * missed due time (the wait as the buyer lives it; the SLA's business clock is the lead view's). Null when nothing is
 * past due (a cadence breached by its window closing, with the next step still ahead).
 */
export function overdueText(nextDueAt: string | null, now: Date): string | null {
  if (nextDueAt === null) return null;
  const ms = now.getTime() - Date.parse(nextDueAt);
  if (!(ms >= MINUTE_MS)) return null;
  return `overdue ${formatWallDuration(ms)}`;
}

const MINUTE_MS = 60_000;

/**
 * The queue line of a breached or overdue lead, which promise broke and how long ago: "First touch overdue 4 d 1 h",
 * "Follow-up overdue 2 d 17 h"; a cadence whose window closed says so. Null for any other status.
 */
export function urgentLine(cadence: Pick<CadenceState, 'status' | 'nextDueAt' | 'attemptsDone'>, now: Date): string | null {
  if (cadence.status !== 'breached' && cadence.status !== 'overdue') return null;
  const late = overdueText(cadence.nextDueAt, now);
  const promise = cadence.attemptsDone === 0 ? 'First touch' : 'Follow-up';
  if (cadence.status === 'breached' && cadence.attemptsDone > 0) return late ? `Cadence window closed · follow-up ${late}` : 'Cadence window closed';
  return late ? `${promise} ${late}` : `${promise} overdue`;
}

/** A wall duration by its two largest units: "2 d 4 h", "3 h 5 m", "12 m" (whole units, rounded down). */
export function formatWallDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} m` : `${hours} h`;
  return `${mins} m`;
}

function dueMs(lead: QueueLead): number {
  const due = lead.cadence?.nextDueAt;
  return due ? Date.parse(due) : Number.POSITIVE_INFINITY;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
