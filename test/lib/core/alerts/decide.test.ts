import { describe, expect, it } from 'vitest';
import { activityAlerts, heldAlertOutcome, isKeyPage, slaAlerts, type ActivityAlertInput, type AlertLead, type PriorAlert } from '../../../../lib/core/alerts';
import { cadenceState } from '../../../../lib/core/cadence';
import { AlertPreferences, AlertSettings, type AlertRule } from '../../../../lib/core/model/alerts';
import { standardCalendar } from '../../../../lib/core/model/calendar';
import { DEFAULT_CADENCE_POLICY } from '../../../../lib/core/model/policy';
import type { Activity } from '../../../../lib/core/model/activity';
import { activity, attempt, contact } from '../fixtures';

// New York, Mon–Fri 09:00–17:00. 2026-01-16 is a Friday; in January New York is UTC−5.
const calendar = standardCalendar('America/New_York');
const settings = AlertSettings.parse({});
const preferences = AlertPreferences.parse({});
const lead: AlertLead = { id: 'c1', ownerId: 'rep1', name: 'Dana Reyes', email: 'dana@buyer.example', company: 'Brightwave' };
const NY = (local: string) => new Date(`${local}-05:00`);
const FRI_1030 = '2026-01-16T10:30:00';

function decide(activities: Activity[], over: Partial<ActivityAlertInput> = {}) {
  return activityAlerts({ lead, activities, previousOnSiteAt: null, settings, preferences, prior: [], calendar, now: NY(FRI_1030), ...over });
}
const rules = (out: { rule: AlertRule }[]) => out.map((a) => a.rule).sort();
const at = (local: string) => NY(local).toISOString();
const human = { label: 'human', reason: 'a person' } as const;
const machine = { label: 'machine', reason: 'opened 1 s after sending: an automatic fetch' } as const;
const proxy = { label: 'proxy', reason: 'Apple Mail Privacy Protection' } as const;

describe('activityAlerts: what a lead’s new activity raises for its owner', () => {
  const cases: { name: string; activities: Activity[]; over?: Partial<ActivityAlertInput>; expected: AlertRule[] }[] = [
    { name: 'a machine open: nothing', activities: [activity('email_open', at(FRI_1030), { trust: machine })], expected: [] },
    { name: 'a machine click: nothing', activities: [activity('email_click', at(FRI_1030), { url: 'https://site.example/x', trust: machine })], expected: [] },
    { name: 'a machine page view of pricing: nothing', activities: [activity('page_view', at(FRI_1030), { url: 'https://site.example/pricing', trust: machine })], expected: [] },
    { name: 'a person opens an email', activities: [activity('email_open', at(FRI_1030), { trust: human })], expected: ['email_engaged'] },
    { name: 'a proxy open counts as the person', activities: [activity('email_open', at(FRI_1030), { trust: proxy })], expected: ['email_engaged'] },
    { name: 'an open and a click are one email_engaged', activities: [activity('email_open', at(FRI_1030)), activity('email_click', at('2026-01-16T10:31:00'), { url: 'https://site.example/x' })], expected: ['email_engaged'] },
    { name: 'a reply', activities: [activity('email_reply', at(FRI_1030))], expected: ['reply'] },
    { name: 'an out-of-office reply: nothing', activities: [activity('email_reply', at(FRI_1030), { outOfOffice: true })], expected: [] },
    { name: 'a page view now: active_now', activities: [activity('page_view', at(FRI_1030), { url: 'https://site.example/blog' })], expected: ['active_now'] },
    { name: 'a view of pricing: active_now and key_page', activities: [activity('page_view', at(FRI_1030), { url: 'https://site.example/pricing/teams' })], expected: ['active_now', 'key_page'] },
    { name: '/pricingfaq is not under /pricing', activities: [activity('page_view', at(FRI_1030), { url: 'https://site.example/pricingfaq' })], expected: ['active_now'] },
    { name: 'a download: active_now and content_download', activities: [activity('content_download', at(FRI_1030), { url: 'https://site.example/guide.pdf', title: 'Buyer guide' })], expected: ['active_now', 'content_download'] },
    {
      name: 'a page view recorded 10 minutes late is not "on the site now"',
      activities: [activity('page_view', at('2026-01-16T10:20:00'), { url: 'https://site.example/blog' })],
      expected: [],
    },
    {
      name: 'back after 20 days: return_visit',
      activities: [activity('page_view', at(FRI_1030), { url: 'https://site.example/blog' })],
      over: { previousOnSiteAt: at('2025-12-27T10:00:00') },
      expected: ['active_now', 'return_visit'],
    },
    {
      name: 'back after 3 days: no return_visit',
      activities: [activity('page_view', at(FRI_1030), { url: 'https://site.example/blog' })],
      over: { previousOnSiteAt: at('2026-01-13T10:00:00') },
      expected: ['active_now'],
    },
    { name: 'the owner muted the rule', activities: [activity('email_reply', at(FRI_1030))], over: { preferences: AlertPreferences.parse({ mutedRules: ['reply'] }) }, expected: [] },
    { name: 'the owner muted the lead', activities: [activity('email_reply', at(FRI_1030))], over: { preferences: AlertPreferences.parse({ mutedContacts: ['c1'] }) }, expected: [] },
    { name: 'the workspace turned the rule off', activities: [activity('email_reply', at(FRI_1030))], over: { settings: AlertSettings.parse({ enabled: ['active_now'] }) }, expected: [] },
    { name: 'nobody owns the lead', activities: [activity('email_reply', at(FRI_1030))], over: { lead: { ...lead, ownerId: null } }, expected: [] },
    {
      name: 'an alert for the rule 30 minutes before: inside the window',
      activities: [activity('email_reply', at(FRI_1030))],
      over: { prior: [{ rule: 'reply', windowStart: at('2026-01-16T10:00:00') }] },
      expected: [],
    },
    {
      name: 'an alert for the rule 61 minutes before: a new window',
      activities: [activity('email_reply', at(FRI_1030))],
      over: { prior: [{ rule: 'reply', windowStart: at('2026-01-16T09:29:00') }] },
      expected: ['reply'],
    },
    {
      name: 'another rule’s alert does not close this one’s window',
      activities: [activity('email_reply', at(FRI_1030))],
      over: { prior: [{ rule: 'email_engaged', windowStart: at('2026-01-16T10:20:00') }] },
      expected: ['reply'],
    },
  ];
  it.each(cases)('$name', ({ activities, over, expected }) => {
    expect(rules(decide(activities, over))).toEqual(expected);
  });

  it('a burst of 30 page views of pricing is one active_now and one key_page', () => {
    const views = Array.from({ length: 30 }, (_, i) =>
      activity('page_view', new Date(NY('2026-01-16T10:26:00').getTime() + i * 8_000).toISOString(), { url: 'https://site.example/pricing' }),
    );
    const out = decide(views);
    expect(rules(out)).toEqual(['active_now', 'key_page']);
    // The window opens at the first view of the burst.
    expect(out.every((a) => a.windowStart === at('2026-01-16T10:26:00'))).toBe(true);
  });

  it('says who and what in plain words', () => {
    const [active, key] = decide([activity('page_view', at(FRI_1030), { url: 'https://site.example/pricing', title: 'Pricing' })]);
    expect(active).toMatchObject({ userId: 'rep1', contactId: 'c1', rule: 'active_now', title: 'Dana Reyes is on the site now', body: 'Viewed Pricing · Brightwave' });
    expect(key).toMatchObject({ rule: 'key_page', title: 'Dana Reyes viewed Pricing', body: 'Viewed Pricing · Brightwave' });
    const [noName] = decide([activity('email_reply', at(FRI_1030))], { lead: { ...lead, name: null, company: null } });
    expect(noName).toMatchObject({ title: 'dana@buyer.example replied', body: 'Replied to your email' });
  });

  it('a lead reassigned between the event and the alert: the owner at alert time hears it, never the old one', () => {
    // Rep 1 owned the lead when Dana replied; by the time the alert is decided rep 2 does.
    const out = decide([activity('email_reply', at('2026-01-16T10:29:00'))], { lead: { ...lead, ownerId: 'rep2' } });
    expect(out.map((a) => a.userId)).toEqual(['rep2']);
    // And an alert held in quiet hours for rep 1 goes to rep 2 when it comes due.
    const check = { rule: 'key_page' as const, userId: 'rep1', at: at('2026-01-16T17:03:00'), lastOnSiteAt: null, lastAttemptAt: null, now: NY('2026-01-19T09:00:00') };
    expect(heldAlertOutcome({ ...check, lead: { ownerId: 'rep2', deleted: false } })).toEqual({ kind: 'readdress', userId: 'rep2' });
    expect(heldAlertOutcome({ ...check, lead: { ownerId: null, deleted: false } }).kind).toBe('drop');
  });
});

describe('a visit that starts at 16:58 on a Friday', () => {
  const view = (local: string, path: string) => activity('page_view', at(local), { url: `https://site.example${path}`, title: path === '/pricing' ? 'Pricing' : 'Blog' });
  const visit = [view('2026-01-16T16:58:00', '/blog'), view('2026-01-16T16:59:30', '/blog'), view('2026-01-16T17:03:00', '/pricing'), view('2026-01-16T17:06:00', '/blog')];

  it('alerts "on the site now" at once, holds the pricing view to Monday 09:00, and drops nothing that still holds', () => {
    const prior: PriorAlert[] = [];
    const decided = [];
    // Each view is decided as it is ingested (now = its time), with what was stored before it.
    for (const v of visit) {
      const out = decide([v], { now: new Date(v.at), prior: [...prior] });
      prior.push(...out.map((a) => ({ rule: a.rule, windowStart: a.windowStart })));
      decided.push(...out);
    }
    expect(decided.map((a) => [a.rule, a.deliverAt])).toEqual([
      ['active_now', at('2026-01-16T16:58:00')],
      ['key_page', at('2026-01-19T09:00:00')],
    ]);
    // Monday 09:00: the pricing view still happened, so it is delivered.
    const monday = NY('2026-01-19T09:00:00');
    const lastOnSiteAt = at('2026-01-16T17:06:00');
    expect(heldAlertOutcome({ rule: 'key_page', userId: 'rep1', at: decided[1]!.at, lead: { ownerId: 'rep1', deleted: false }, lastOnSiteAt, lastAttemptAt: null, now: monday })).toEqual({ kind: 'deliver' });
  });

  it('a visit that starts at 17:01 holds "on the site now", which no longer holds on Monday and is dropped', () => {
    const [held] = decide([view('2026-01-16T17:01:00', '/blog')], { now: NY('2026-01-16T17:01:00') });
    expect(held).toMatchObject({ rule: 'active_now', deliverAt: at('2026-01-19T09:00:00') });
    const outcome = heldAlertOutcome({ rule: 'active_now', userId: 'rep1', at: held!.at, lead: { ownerId: 'rep1', deleted: false }, lastOnSiteAt: held!.at, lastAttemptAt: null, now: NY('2026-01-19T09:00:00') });
    expect(outcome).toEqual({ kind: 'drop', reason: 'the visit is over' });
    // The same visitor back on the site at 09:00 Monday: then it holds.
    expect(
      heldAlertOutcome({ rule: 'active_now', userId: 'rep1', at: held!.at, lead: { ownerId: 'rep1', deleted: false }, lastOnSiteAt: at('2026-01-19T08:58:00'), lastAttemptAt: null, now: NY('2026-01-19T09:00:00') }),
    ).toEqual({ kind: 'deliver' });
  });
});

describe('isKeyPage', () => {
  it.each([
    ['https://s.example/pricing', ['/pricing'], true],
    ['https://s.example/pricing/', ['/pricing'], true],
    ['https://s.example/pricing/teams?x=1', ['/pricing'], true],
    ['https://s.example/pricingfaq', ['/pricing'], false],
    ['https://s.example/demo', ['/pricing', '/demo/'], true],
    ['https://s.example/', ['/pricing'], false],
    [null, ['/pricing'], false],
  ] as const)('%s under %j: %s', (url, prefixes, expected) => {
    expect(isKeyPage(url, prefixes)).toBe(expected);
  });
});

describe('slaAlerts: from the cadence state', () => {
  // Assigned Friday 10:00 New York; the default policy wants a first touch in 4 business hours: due 14:00.
  const assigned = contact({ assignedAt: at('2026-01-16T10:00:00'), name: 'Dana Reyes', company: 'Brightwave' });
  const state = (now: Date, attempts = [] as ReturnType<typeof attempt>[]) =>
    cadenceState({ contact: assigned, policy: DEFAULT_CADENCE_POLICY, calendar, attempts, activities: [], now });
  const sla = (now: Date, over: { prior?: PriorAlert[]; attempts?: ReturnType<typeof attempt>[] } = {}) =>
    slaAlerts({ lead, cadence: state(now, over.attempts), settings, preferences, prior: over.prior ?? [], calendar, now });

  const cases: { name: string; now: string; expected: [AlertRule, string][] }[] = [
    { name: 'an hour before: nothing yet', now: '2026-01-16T13:00:00', expected: [] },
    { name: '30 business minutes before: due soon', now: '2026-01-16T13:30:00', expected: [['sla_due_soon', 'First touch for Dana Reyes is due in 30 min']] },
    { name: 'a minute past: breached', now: '2026-01-16T14:01:00', expected: [['sla_breached', 'First touch for Dana Reyes is overdue']] },
    { name: 'two days past: old news, no alert', now: '2026-01-18T14:01:00', expected: [] },
  ];
  it.each(cases)('$name', ({ now, expected }) => {
    expect(sla(NY(now)).map((a) => [a.rule, a.title])).toEqual(expected);
  });

  it('one alert per due time: the next minute’s check finds the one stored', () => {
    const [first] = sla(NY('2026-01-16T13:31:00'));
    expect(first).toMatchObject({ rule: 'sla_due_soon', windowStart: at('2026-01-16T14:00:00'), body: 'Due at 14:00 · Brightwave' });
    expect(sla(NY('2026-01-16T13:40:00'), { prior: [{ rule: 'sla_due_soon', windowStart: first!.windowStart }] })).toEqual([]);
  });

  it('a touched lead has nothing due now, and a held SLA alert on it is dropped', () => {
    const touched = [attempt(at('2026-01-16T13:35:00'), { contactId: 'c1' })];
    expect(sla(NY('2026-01-16T13:40:00'), { attempts: touched })).toEqual([]);
    expect(
      heldAlertOutcome({ rule: 'sla_due_soon', userId: 'rep1', at: at('2026-01-16T13:30:00'), lead: { ownerId: 'rep1', deleted: false }, lastOnSiteAt: null, lastAttemptAt: touched[0]!.at, now: NY('2026-01-16T13:40:00') }),
    ).toEqual({ kind: 'drop', reason: 'the lead was touched since' });
  });

  it('muted, turned off, or nobody owns it: nothing', () => {
    const now = NY('2026-01-16T14:01:00');
    const cadence = state(now);
    const base = { lead, cadence, settings, preferences, prior: [], calendar, now };
    expect(slaAlerts({ ...base, preferences: AlertPreferences.parse({ mutedRules: ['sla_breached'] }) })).toEqual([]);
    expect(slaAlerts({ ...base, settings: AlertSettings.parse({ enabled: ['sla_due_soon'] }) })).toEqual([]);
    expect(slaAlerts({ ...base, cadence: null })).toEqual([]);
  });
});
