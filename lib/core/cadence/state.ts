import { addBusinessMinutes, businessMinutesBetween, nextBusinessMoment } from '../calendar';
import type { Attempt } from '../model/attempt';
import type { WorkCalendar } from '../model/calendar';
import type { Contact } from '../model/contact';
import type { CadenceState, CadenceStatus } from '../model/derived';
import type { CadencePolicy } from '../model/policy';
import { findExit, type ExitActivity } from './exits';
import { currentPause, pauseExclusions, pausedWallMs, type Interval } from './pauses';
import { DAY_MS } from '../time-units';


export interface CadenceInput {
  contact: Pick<Contact, 'id' | 'stage' | 'ownerId' | 'assignedAt' | 'pauses'>;
  policy: CadencePolicy;
  calendar: WorkCalendar;
  /** The contact's attempts (others are ignored); undone ones do not count. */
  attempts: readonly Attempt[];
  /** The contact's activities: a reply or a booked meeting ends the cadence. */
  activities: readonly ExitActivity[];
  now: Date;
}

/**
 * Where a lead stands in its follow-up cadence (docs/vocabulary.md § Cadence states), or null when nobody owns it yet.
 *
 * Follow-up k is due a set number of business hours after the attempt before it, so a late attempt moves the rest of
 * the plan with it and overdue steps never pile up. Paused time is not business time; a step that was already overdue
 * when a pause began comes back due at the first business moment after the pause.
 */
export function cadenceState(input: CadenceInput): CadenceState | null {
  const { contact, policy, calendar } = input;
  if (contact.ownerId === null || contact.assignedAt === null) return null;
  const now = input.now.getTime();
  const assignedAt = Date.parse(contact.assignedAt);

  // Attempts from before this assignment were someone else's cadence.
  // Each instant parsed once: a report runs this for every open lead of a workspace.
  const timed: { a: Attempt; t: number }[] = [];
  for (const a of input.attempts) {
    const t = Date.parse(a.at);
    if (a.contactId === contact.id && a.undoneAt === null && t >= assignedAt && t <= now) timed.push({ a, t });
  }
  const attempts = timed.sort((x, y) => x.t - y.t).map(({ a }) => a);
  const activities = input.activities.filter((a) => a.contactId === contact.id);

  const exclude = pauseExclusions(contact.pauses);
  const clock = { exclude };
  const slaDeadline = addBusinessMinutes(calendar, new Date(assignedAt), policy.firstTouchBusinessHours * 60, clock);
  const windowEnd = assignedAt + policy.windowDays * DAY_MS;
  const windowEndsAt = windowEnd + pausedWallMs(contact.pauses, assignedAt, windowEnd, now);

  const first = attempts[0];
  const firstAttemptAt = first ? first.at : null;
  const firstTouchMet = first ? Date.parse(first.at) <= slaDeadline.getTime() : now > slaDeadline.getTime() ? false : null;
  const attemptsDone = attempts.length;
  const attemptsLeft = Math.max(0, policy.attempts - attemptsDone);
  const pause = currentPause(contact.pauses, now);

  const base = {
    policyId: policy.id,
    slaDeadline: slaDeadline.toISOString(),
    windowEndsAt: new Date(windowEndsAt).toISOString(),
    attemptsDone,
    attemptsPlanned: policy.attempts,
    attemptsLeft,
    firstAttemptAt,
    firstTouchMet,
    pausedUntil: pause?.to ?? null,
  };
  const nothingDue = (status: CadenceStatus, exitReason: CadenceState['exitReason'] = null): CadenceState => ({
    ...base,
    status,
    exitReason,
    nextDueAt: null,
    businessMinutesLeft: null,
    wallMsLeft: null,
  });

  const exit = findExit({ stage: contact.stage, assignedAt, now, activities, attempts });
  if (exit) return nothingDue('exited', exit);
  if (attemptsLeft === 0) return nothingDue('complete');
  if (pause && pause.to === null) return nothingDue('paused');

  const last = attempts[attempts.length - 1];
  const due = last
    ? nextFollowUpDue(calendar, new Date(last.at), policy.followUpBusinessHours[attemptsDone - 1] ?? 0, exclude, now)
    : slaDeadline;
  const businessMinutesLeft = businessMinutesBetween(calendar, new Date(now), due, clock);
  const status: CadenceStatus = pause
    ? 'paused'
    : attemptsDone === 0
      ? now <= due.getTime()
        ? 'first_touch_due'
        : 'breached'
      : now > windowEndsAt
        ? 'breached'
        : now > due.getTime()
          ? 'overdue'
          : businessMinutesLeft <= policy.dueSoonBusinessMinutes
            ? 'due'
            : 'on_track';

  return {
    ...base,
    status,
    exitReason: null,
    nextDueAt: due.toISOString(),
    businessMinutesLeft,
    wallMsLeft: due.getTime() - now,
  };
}

/** The follow-up's due time, moved to the end of any pause that began after it fell due. */
function nextFollowUpDue(calendar: WorkCalendar, lastAttempt: Date, gapHours: number, exclude: readonly Interval[], now: number): Date {
  let due = addBusinessMinutes(calendar, lastAttempt, gapHours * 60, { exclude });
  for (const pause of exclude) {
    const began = pause.from.getTime();
    if (began >= due.getTime() && began <= now) {
      // Overdue when the pause began: do not hand the rep a pile of missed steps, make it due when work resumes.
      due = nextBusinessMoment(calendar, pause.to, { exclude });
    }
  }
  return due;
}
