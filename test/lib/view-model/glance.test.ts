import { describe, expect, it } from 'vitest';
import type { CadenceState } from '../../../lib/core/model/derived';
import { cadenceFacts, cadenceHeadline, primaryLogChannel } from '../../../lib/view-model/cadence';
import { keepTogether } from '../../../lib/view-model/format';
import { lastHumanAction } from '../../../lib/view-model/last-action';
import { showsMqlBadge } from '../../../lib/view-model/labels';
import { activityWords, timelineRows } from '../../../lib/view-model/timeline';
import { activity } from '../core/fixtures';

const NOW = new Date('2026-01-19T15:00:00Z');

describe('what the person did last', () => {
  it('the latest human or proxy action, in words, with how long ago', () => {
    const line = lastHumanAction(
      [
        activity('page_view', '2026-01-19T13:00:00Z', { url: 'https://n.example/pricing', title: 'Pricing' }),
        activity('email_open', '2026-01-18T10:00:00Z', { title: 'Q3 pricing', emailId: 'em1' }),
      ],
      NOW,
    );
    expect(line).toBe('Viewed Pricing 2 h ago');
  });

  it('never a machine open or click, nor an automatic out-of-office answer', () => {
    const line = lastHumanAction(
      [
        activity('email_open', '2026-01-18T12:00:00Z', { title: 'Q3 pricing', emailId: 'em1', trust: { label: 'proxy', reason: 'Gmail image proxy' } }),
        activity('email_open', '2026-01-19T14:59:00Z', { title: 'Q3 pricing', emailId: 'em1', trust: { label: 'machine', reason: 'Apple prefetch' } }),
        activity('email_click', '2026-01-19T14:58:00Z', { title: 'Q3 pricing', url: 'https://n.example/x', trust: { label: 'machine', reason: 'scanner' } }),
        activity('email_reply', '2026-01-19T14:00:00Z', { outOfOffice: true, title: 'Automatic reply: Q3 pricing' }),
      ],
      NOW,
    );
    expect(line).toBe('Opened the email “Q3 pricing” yesterday');
  });

  it('nothing when no person did anything yet', () => {
    expect(lastHumanAction([activity('email_open', '2026-01-19T14:59:00Z', { trust: { label: 'machine', reason: 'Apple prefetch' } })], NOW)).toBeNull();
    expect(lastHumanAction([], NOW)).toBeNull();
  });
});

describe('email rows name the email', () => {
  it.each([
    ['email_open', { title: 'Q3 pricing' }, 'Opened the email “Q3 pricing”'],
    ['email_open', {}, 'Opened an email'],
    ['email_click', { title: 'Q3 pricing', url: 'https://n.example/case' }, 'Clicked a link in “Q3 pricing”'],
    ['email_reply', { title: 'Re: Q3 pricing' }, 'Replied to “Q3 pricing”'],
    ['email_reply', { title: 'RE: AW: Q3 pricing' }, 'Replied to “Q3 pricing”'],
    ['unsubscribe', { title: 'Northwind Weekly' }, 'Unsubscribed from “Northwind Weekly”'],
    ['page_view', { title: 'Pricing', url: 'https://n.example/pricing' }, 'Viewed Pricing'],
  ] as const)('%s %o reads %s', (type, extra, words) => {
    expect(activityWords(activity(type, '2026-01-18T10:00:00Z', extra))).toBe(words);
  });

  it('in the timeline, with the link clicked as the detail', () => {
    const rows = timelineRows([activity('email_click', '2026-01-18T10:00:00Z', { title: 'Q3 pricing', url: 'https://n.example/case' })], [], [], []);
    expect(rows.map((r) => [r.text, r.detail])).toEqual([['Clicked a link in “Q3 pricing”', '/case']]);
  });
});

describe('"Qualifies as MQL" only where it means something', () => {
  it.each([
    ['lead', true],
    ['mql', true],
    ['sql', false],
    ['recycled', false],
    ['disqualified', false],
    ['customer', false],
  ] as const)('%s: %s', (stage, shown) => {
    expect(showsMqlBadge(stage)).toBe(shown);
  });
});

function state(over: Partial<CadenceState>): CadenceState {
  return {
    status: 'on_track',
    policyId: 'default',
    nextDueAt: '2026-01-21T15:00:00.000Z',
    slaDeadline: '2026-01-19T17:30:00.000Z',
    windowEndsAt: '2026-01-30T21:30:00.000Z',
    attemptsDone: 1,
    attemptsPlanned: 5,
    attemptsLeft: 4,
    businessMinutesLeft: 900,
    wallMsLeft: 1e8,
    firstAttemptAt: '2026-01-19T15:00:00.000Z',
    firstTouchMet: true,
    exitReason: null,
    pausedUntil: null,
    ...over,
  };
}

describe('the follow-up headline names the promise that broke', () => {
  const extra = { exitReason: null, pausedUntil: null };
  it('a first touch that never came, or a follow-up past due', () => {
    expect(cadenceHeadline('breached', -130, { ...extra, attempts: { done: 0, planned: 5 } }).text).toBe('First touch missed · overdue by 2 h 10 m');
    expect(cadenceHeadline('breached', -98 * 60, { ...extra, dueAt: 'Fri 5:00 PM', attempts: { done: 0, planned: 5 } }).text).toBe(
      'First touch missed · overdue since Fri 5:00 PM',
    );
    expect(cadenceHeadline('overdue', -35, { ...extra, attempts: { done: 1, planned: 5 } }).text).toBe('Follow-up 2 overdue by 35 m');
    expect(cadenceHeadline('breached', 300, { ...extra, attempts: { done: 2, planned: 5 } }).text).toBe('Cadence window closed with 2 of 5 attempts');
  });

  it('"Due soon" does not alarm outside working hours, and seconds tick only while the clock runs', () => {
    const night = cadenceHeadline('due', 40, { ...extra, seconds: true, working: false });
    expect(night).toMatchObject({ tag: 'Off hours', tone: 'ok', text: 'Due in 40 m', label: 'Outside working hours' });
    const day = cadenceHeadline('due', 40, { ...extra, seconds: true, working: true });
    expect(day).toMatchObject({ tag: 'Due soon', tone: 'warn', text: 'Due in 40 m 00 s', label: 'Due soon' });
  });

  it('seconds only in the last hour', () => {
    expect(cadenceHeadline('first_touch_due', 61, { ...extra, seconds: true, working: true }).text).toBe('Due in 1 h 1 m');
    expect(cadenceHeadline('first_touch_due', 59.5, { ...extra, seconds: true, working: true }).text).toBe('Due in 59 m 30 s');
  });
});

describe('the follow-up facts never contradict the headline', () => {
  const words = (facts: ReturnType<typeof cadenceFacts>) => facts.map((f) => (f.at ? `${f.text} ${f.at}` : f.text));
  it('the next step names its channel; a past due time reads as past', () => {
    const next = { step: 3, of: 5, channel: 'call' as const, dueAt: '2026-01-22T22:00:00.000Z', late: false };
    expect(words(cadenceFacts(state({ attemptsDone: 2 }), next, 'mql'))).toEqual([
      '2 of 5 attempts',
      'Step 3 of 5 · Call · by 2026-01-22T22:00:00.000Z',
      'First touch within the SLA, deadline 2026-01-19T17:30:00.000Z',
    ]);
    expect(words(cadenceFacts(state({ attemptsDone: 2, status: 'overdue' }), { ...next, channel: null, late: true }, 'mql'))[1]).toBe(
      'Step 3 of 5 · was due 2026-01-22T22:00:00.000Z',
    );
  });

  it('the first touch: its time is the SLA deadline, said once; missed reads as past', () => {
    const first = { step: 1, of: 5, channel: 'email' as const, dueAt: '2026-01-19T17:30:00.000Z', late: true };
    expect(words(cadenceFacts(state({ attemptsDone: 0, status: 'breached', firstTouchMet: false, firstAttemptAt: null }), first, 'mql'))).toEqual([
      '0 of 5 attempts',
      'Step 1 of 5 · Email',
      'First touch missed: was due 2026-01-19T17:30:00.000Z',
    ]);
  });

  it('a recycled or disqualified lead shows no SLA deadline', () => {
    const exited = state({ status: 'exited', exitReason: 'stage', nextDueAt: null, attemptsDone: 0, firstTouchMet: null });
    expect(words(cadenceFacts(exited, null, 'recycled'))).toEqual(['0 of 5 attempts', 'No SLA deadline: the lead is Recycled']);
    expect(words(cadenceFacts(exited, null, 'disqualified'))).toEqual(['0 of 5 attempts', 'No SLA deadline: the lead is Disqualified']);
  });

  it('the log button to make primary: the next step\'s channel, only while the cadence runs', () => {
    const next = { step: 2, of: 5, channel: 'email' as const, dueAt: '2026-01-21T15:00:00.000Z', late: false };
    expect(primaryLogChannel(state({}), next)).toBe('email');
    expect(primaryLogChannel(state({ status: 'paused', pausedUntil: '2026-01-22T15:00:00.000Z' }), next)).toBeNull();
    expect(primaryLogChannel(state({ status: 'exited', exitReason: 'stage', nextDueAt: null }), null)).toBeNull();
    expect(primaryLogChannel(state({}), { ...next, channel: null })).toBeNull();
  });
});

describe('numbers stay with their units', () => {
  it('splits a line into runs, a duration or a clock time kept whole', () => {
    expect(keepTogether('Follow-up 2 overdue by 25 m')).toEqual([
      { text: 'Follow-up 2 overdue by ', whole: false },
      { text: '25 m', whole: true },
    ]);
    expect(keepTogether('Due in 2 h 30 m').map((r) => r.text)).toEqual(['Due in ', '2 h 30 m']);
    expect(keepTogether('overdue since Fri 5:00 PM').filter((r) => r.whole).map((r) => r.text)).toEqual(['5:00 PM']);
    expect(keepTogether('Complete: recycle or advance')).toEqual([{ text: 'Complete: recycle or advance', whole: false }]);
  });
});
