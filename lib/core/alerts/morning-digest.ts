import { workingIntervals } from '../calendar/intervals';
import { isoDateOf, localDayNumber, wallClockOfDay } from '../calendar/wall-clock';
import type { WorkCalendar } from '../model/calendar';
import type { CadenceState } from '../model/derived';

/**
 * The morning digest (AlertPreferences.morningDigest): once per working day, at the start of the person's working day,
 * an email with their queue. Pure: the calendar, the clock and the leads come in; the server decides whom to send it
 * to and keeps it to once a day (server/alerts/delivery/digest.ts).
 */

/** Today's working day in the calendar's zone, when its first working range has begun and its last has not ended. */
export interface DigestDay {
  /** The local date, "2026-01-19": what makes the digest once per day. */
  day: string;
  /** When the working day started (the first range's start). */
  startsAt: Date;
}

/**
 * The working day whose digest is due at `now`, or null: before the day's first range, on a day off (weekend,
 * holiday), and after the day's last range has ended (a digest for a day that is over is noise; tomorrow's comes).
 */
export function morningDigestDay(calendar: WorkCalendar, now: Date): DigestDay | null {
  const zone = calendar.timeZone;
  const today = localDayNumber(zone, now.getTime());
  const clock = wallClockOfDay(zone, today);
  const ranges = [...workingIntervals(calendar, new Date(clock(0)), new Date(clock(24 * 60)))];
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return null;
  if (now.getTime() < first.from.getTime() || now.getTime() >= last.to.getTime()) return null;
  return { day: isoDateOf(today), startsAt: first.from };
}

export interface DigestLead<C = unknown> {
  contact: C;
  cadence: Pick<CadenceState, 'status' | 'nextDueAt' | 'businessMinutesLeft'> | null;
}

/** The digest's three lists, in the order a rep works them; each longest-waiting (earliest due) first. */
export interface DigestQueue<C = unknown> {
  breached: DigestLead<C>[];
  overdue: DigestLead<C>[];
  dueToday: DigestLead<C>[];
}

/**
 * Sorts the person's leads into the digest: breached (a first touch past its SLA), overdue (a follow-up past due), and
 * due today (a first touch or follow-up due before the end of today's local date). Complete, exited, paused and
 * unassigned leads are not in it; neither is a lead due on a later day.
 */
export function digestQueue<C>(leads: readonly DigestLead<C>[], calendar: WorkCalendar, now: Date): DigestQueue<C> {
  const zone = calendar.timeZone;
  const today = localDayNumber(zone, now.getTime());
  const endOfToday = wallClockOfDay(zone, today)(24 * 60);
  const queue: DigestQueue<C> = { breached: [], overdue: [], dueToday: [] };
  for (const lead of leads) {
    const c = lead.cadence;
    if (c === null) continue;
    if (c.status === 'breached') queue.breached.push(lead);
    else if (c.status === 'overdue') queue.overdue.push(lead);
    else if ((c.status === 'due' || c.status === 'first_touch_due' || c.status === 'on_track') && c.nextDueAt !== null && Date.parse(c.nextDueAt) < endOfToday) {
      queue.dueToday.push(lead);
    }
  }
  const byDue = (a: DigestLead<C>, b: DigestLead<C>) => dueMs(a) - dueMs(b);
  queue.breached.sort(byDue);
  queue.overdue.sort(byDue);
  queue.dueToday.sort(byDue);
  return queue;
}

/** Whether the digest has anything to say: an empty queue sends no email. */
export function digestIsEmpty(queue: DigestQueue): boolean {
  return queue.breached.length + queue.overdue.length + queue.dueToday.length === 0;
}

function dueMs(lead: DigestLead): number {
  return lead.cadence?.nextDueAt ? Date.parse(lead.cadence.nextDueAt) : Number.POSITIVE_INFINITY;
}
