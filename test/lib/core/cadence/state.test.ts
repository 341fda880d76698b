import { describe, expect, it } from 'vitest';
import { cadenceState } from '../../../../lib/core/cadence';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { DEFAULT_CADENCE_POLICY } from '../../../../lib/core/model/policy';
import type { Activity } from '../../../../lib/core/model/activity';
import type { Attempt } from '../../../../lib/core/model/attempt';
import type { ContactInput } from '../../../../lib/core/model/contact';
import { activity, attempt, contact } from '../fixtures';

// Mon–Fri 09:00–17:00 in New York (EST = UTC−5 in January). Default policy: first touch in 4 business hours,
// 5 attempts in 14 days, follow-ups 16, 16, 24, 24 business hours after the attempt before, "due" 60 minutes ahead.
const newYork = standardCalendar('America/New_York');

function stateAt(now: string, opts: { attempts?: Attempt[]; activities?: Activity[]; contact?: Partial<ContactInput> } = {}) {
  return cadenceState({
    contact: contact(opts.contact),
    policy: DEFAULT_CADENCE_POLICY,
    calendar: newYork,
    attempts: opts.attempts ?? [],
    activities: opts.activities ?? [],
    now: new Date(now),
  });
}

describe('cadence state: first touch (assigned Friday 2026-01-16 16:30 EST = 21:30Z)', () => {
  it('a lead assigned Friday 16:30 is due Monday 12:30 (30 min Friday + 3 h 30 Monday)', () => {
    const s = stateAt('2026-01-16T21:45:00Z');
    expect(s).toMatchObject({
      status: 'first_touch_due',
      nextDueAt: '2026-01-19T17:30:00.000Z',
      slaDeadline: '2026-01-19T17:30:00.000Z',
      attemptsDone: 0,
      attemptsPlanned: 5,
      attemptsLeft: 5,
      firstTouchMet: null,
      // Friday 16:45–17:00 = 15, Monday 09:00–12:30 = 210.
      businessMinutesLeft: 225,
      // Fri 21:45Z → Mon 17:30Z = 2 days 19 h 45 min = 67.75 h.
      wallMsLeft: 67.75 * 3_600_000,
      // Assigned + 14 days, wall clock.
      windowEndsAt: '2026-01-30T21:30:00.000Z',
    });
  });

  it.each([
    // [now, status, business minutes left, first touch met]
    ['2026-01-19T16:45:00Z', 'first_touch_due', 45, null], // Mon 11:45: still first-touch due, 45 min left
    ['2026-01-19T17:30:00Z', 'first_touch_due', 0, null], // exactly on the deadline
    ['2026-01-19T17:31:00Z', 'breached', -1, false], // a minute late
    // Tue 09:00 EST: Mon 12:30–17:00 is 270 business minutes late; the night does not count.
    ['2026-01-20T14:00:00Z', 'breached', -270, false],
  ] as const)('at %s it is %s with %d business minutes left', (now, status, left, met) => {
    const s = stateAt(now)!;
    expect(s.status).toBe(status);
    expect(s.businessMinutesLeft).toBe(left);
    expect(s.firstTouchMet).toBe(met);
  });

  it('has no cadence for a contact nobody owns', () => {
    expect(stateAt('2026-01-19T15:00:00Z', { contact: { ownerId: null } })).toBeNull();
    expect(stateAt('2026-01-19T15:00:00Z', { contact: { assignedAt: null } })).toBeNull();
  });

  it('reads the same in another zone: Sydney Friday 16:30 AEDT is due Monday 12:30 AEDT', () => {
    const s = cadenceState({
      contact: contact({ assignedAt: '2026-01-16T05:30:00Z' }), // Fri 16:30 +11:00
      policy: DEFAULT_CADENCE_POLICY,
      calendar: standardCalendar('Australia/Sydney'),
      attempts: [],
      activities: [],
      now: new Date('2026-01-16T05:31:00Z'),
    })!;
    expect(s.nextDueAt).toBe('2026-01-19T01:30:00.000Z'); // Mon 12:30 +11:00
  });
});

describe('cadence state: follow-ups (first attempt Monday 2026-01-19 10:00 EST = 15:00Z)', () => {
  const first = attempt('2026-01-19T15:00:00Z');
  // Follow-up 2 is 16 business hours later: Mon 10–17 (7 h) + Tue 9–17 (8 h) + Wed 9–10 (1 h) = Wed 10:00 = 15:00Z.
  it.each([
    ['2026-01-19T15:05:00Z', 'on_track', 955], // 16 h − 5 min
    ['2026-01-21T14:00:00Z', 'due', 60], // Wed 09:00: exactly the 60-minute due-soon line
    ['2026-01-21T14:30:00Z', 'due', 30],
    ['2026-01-21T15:01:00Z', 'overdue', -1],
  ] as const)('at %s it is %s (%d business minutes left)', (now, status, left) => {
    const s = stateAt(now, { attempts: [first] })!;
    expect(s).toMatchObject({
      status,
      businessMinutesLeft: left,
      nextDueAt: '2026-01-21T15:00:00.000Z',
      attemptsDone: 1,
      attemptsLeft: 4,
      firstAttemptAt: '2026-01-19T15:00:00Z',
      firstTouchMet: true,
    });
  });

  it('a late first attempt is recorded as a missed SLA, and the plan moves on from it', () => {
    // Tue 2026-01-20 11:00 EST: after the Mon 12:30 deadline. Next due 16 h later: Tue 11–17 (6) + Wed (8) + Thu 9–11 (2).
    const s = stateAt('2026-01-20T16:05:00Z', { attempts: [attempt('2026-01-20T16:00:00Z')] })!;
    expect(s.firstTouchMet).toBe(false);
    expect(s.status).toBe('on_track');
    expect(s.nextDueAt).toBe('2026-01-22T16:00:00.000Z');
  });

  it('an undone attempt does not count', () => {
    const undone = attempt('2026-01-19T15:00:00Z', { undoneAt: '2026-01-19T15:00:05Z' });
    const s = stateAt('2026-01-19T15:05:00Z', { attempts: [undone] })!;
    expect(s).toMatchObject({ status: 'first_touch_due', attemptsDone: 0, nextDueAt: '2026-01-19T17:30:00.000Z' });
  });

  it("attempts from before this assignment were the previous owner's and do not count", () => {
    const s = stateAt('2026-01-16T21:45:00Z', { attempts: [attempt('2026-01-15T15:00:00Z')] })!;
    expect(s.attemptsDone).toBe(0);
  });

  it("another contact's attempts do not count", () => {
    const s = stateAt('2026-01-19T15:05:00Z', { attempts: [attempt('2026-01-19T15:00:00Z', { contactId: 'c2' })] })!;
    expect(s.attemptsDone).toBe(0);
  });

  it('attempts arriving out of order use the latest as the base of the next step', () => {
    // Second attempt Wed 10:00; the third is 16 h later: Wed 10–17 (7) + Thu (8) + Fri 9–10 (1) = Fri 10:00 = 15:00Z.
    const s = stateAt('2026-01-21T15:10:00Z', { attempts: [attempt('2026-01-21T15:00:00Z'), first] })!;
    expect(s.attemptsDone).toBe(2);
    expect(s.nextDueAt).toBe('2026-01-23T15:00:00.000Z');
  });

  it('all planned attempts made: complete, nothing due', () => {
    const five = ['2026-01-19T15:00:00Z', '2026-01-21T15:00:00Z', '2026-01-23T15:00:00Z', '2026-01-27T15:00:00Z', '2026-01-29T15:00:00Z'];
    const s = stateAt('2026-01-29T16:00:00Z', { attempts: five.map((at) => attempt(at)) })!;
    expect(s).toMatchObject({ status: 'complete', attemptsDone: 5, attemptsLeft: 0, nextDueAt: null, businessMinutesLeft: null });
  });

  it('the window closing with attempts left is a breach', () => {
    // Window: Fri 2026-01-16 21:30Z + 14 days = Fri 2026-01-30 21:30Z.
    const s = stateAt('2026-01-30T21:31:00Z', { attempts: [first, attempt('2026-01-30T15:00:00Z')] })!;
    expect(s.status).toBe('breached');
    expect(s.attemptsLeft).toBe(3);
  });
});

describe('cadence state: exits', () => {
  const first = attempt('2026-01-19T15:00:00Z');
  it.each([
    ['a reply', [activity('email_reply', '2026-01-19T18:00:00Z')], [first], 'replied'],
    ['a booked meeting', [activity('meeting_booked', '2026-01-19T18:00:00Z')], [first], 'meeting_booked'],
    ['an attempt that booked a meeting', [], [attempt('2026-01-19T15:00:00Z', { outcome: 'meeting_booked' })], 'meeting_booked'],
    ['an attempt that got a reply', [], [attempt('2026-01-19T15:00:00Z', { channel: 'email', outcome: 'replied' })], 'replied'],
  ] as const)('%s ends the cadence', (_what, activities, attempts, reason) => {
    const s = stateAt('2026-01-19T19:00:00Z', { activities: [...activities], attempts: [...attempts] })!;
    expect(s).toMatchObject({ status: 'exited', exitReason: reason, nextDueAt: null });
  });

  it('an out-of-office reply does not end the cadence', () => {
    const ooo = activity('email_reply', '2026-01-19T18:00:00Z', { outOfOffice: true });
    const s = stateAt('2026-01-19T19:00:00Z', { activities: [ooo], attempts: [first] })!;
    expect(s.status).toBe('on_track');
  });

  it('a reply from before the assignment does not end this cadence', () => {
    const old = activity('email_reply', '2026-01-10T18:00:00Z');
    expect(stateAt('2026-01-19T15:05:00Z', { activities: [old] })!.status).toBe('first_touch_due');
  });

  it.each(['opportunity', 'customer', 'recycled', 'disqualified'] as const)('moving to %s ends the cadence', (stage) => {
    expect(stateAt('2026-01-19T15:05:00Z', { contact: { stage } })!).toMatchObject({ status: 'exited', exitReason: 'stage' });
  });
});

describe('cadence state: pauses', () => {
  // Assigned Mon 2026-01-12 09:00 EST (14:00Z); paused Mon 10:00 to Wed 10:00 EST.
  const assigned = { assignedAt: '2026-01-12T14:00:00Z' };
  const pauses = [{ from: '2026-01-12T15:00:00Z', to: '2026-01-14T15:00:00Z', reason: 'at a trade show' }];

  it('paused time is not business time: the first-touch deadline moves past the pause', () => {
    // 1 h before the pause (09–10), then 3 h after it: Wed 10:00 → 13:00 EST = 18:00Z.
    const s = stateAt('2026-01-12T14:30:00Z', { contact: { ...assigned, pauses } })!;
    expect(s).toMatchObject({ status: 'first_touch_due', slaDeadline: '2026-01-14T18:00:00.000Z' });
  });

  it('inside the pause the status is paused, with when it ends', () => {
    const s = stateAt('2026-01-13T17:00:00Z', { contact: { ...assigned, pauses } })!;
    expect(s).toMatchObject({ status: 'paused', pausedUntil: '2026-01-14T15:00:00Z', nextDueAt: '2026-01-14T18:00:00.000Z' });
  });

  it('an open-ended pause shows paused with nothing due', () => {
    const open = [{ from: '2026-01-12T15:00:00Z', reason: 'on leave' }];
    const s = stateAt('2026-01-20T15:00:00Z', { contact: { ...assigned, pauses: open } })!;
    expect(s).toMatchObject({ status: 'paused', pausedUntil: null, nextDueAt: null, businessMinutesLeft: null });
  });

  describe('a step already overdue when a pause begins comes back due once, not as a pile', () => {
    // First attempt Mon 2026-01-12 10:00 EST; follow-up due 16 h later = Wed 2026-01-14 10:00 EST (15:00Z).
    // The rep misses it; the lead is paused Thu 09:00 → Mon 2026-01-19 09:00 EST (14:00Z).
    const first = attempt('2026-01-12T15:00:00Z');
    const late = [{ from: '2026-01-15T14:00:00Z', to: '2026-01-19T14:00:00Z', reason: 'asked to talk next week' }];

    it.each([
      ['2026-01-19T14:00:00Z', 'due', 0], // the moment work resumes
      ['2026-01-19T14:10:00Z', 'overdue', -10],
    ] as const)('at %s it is %s', (now, status, left) => {
      const s = stateAt(now, { contact: { ...assigned, pauses: late }, attempts: [first] })!;
      expect(s).toMatchObject({ status, businessMinutesLeft: left, nextDueAt: '2026-01-19T14:00:00.000Z', attemptsLeft: 4 });
    });

    it('without the pause it would still be due last Wednesday', () => {
      const s = stateAt('2026-01-19T14:10:00Z', { contact: assigned, attempts: [first] })!;
      expect(s.nextDueAt).toBe('2026-01-14T15:00:00.000Z');
    });

    it('the cadence window grows by the paused time', () => {
      // 2026-01-12 14:00Z + 14 days = 2026-01-26 14:00Z, + 96 h paused = 2026-01-30 14:00Z.
      const s = stateAt('2026-01-19T14:10:00Z', { contact: { ...assigned, pauses: late }, attempts: [first] })!;
      expect(s.windowEndsAt).toBe('2026-01-30T14:00:00.000Z');
    });

    it('a pause still to come does not move a step due before it', () => {
      const s = stateAt('2026-01-12T15:05:00Z', { contact: { ...assigned, pauses: late }, attempts: [first] })!;
      expect(s.nextDueAt).toBe('2026-01-14T15:00:00.000Z');
    });
  });
});
