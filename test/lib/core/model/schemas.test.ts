import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../../lib/core/model/calendar';
import { Contact } from '../../../../lib/core/model/contact';
import { Mutation, MutationBatch } from '../../../../lib/core/model/mutations';
import { CadencePolicy, DEFAULT_CADENCE_POLICY, policyForLeadType } from '../../../../lib/core/model/policy';
import { ScoringModel } from '../../../../lib/core/model/scoring';
import { OutcomeSettings } from '../../../../lib/core/model/outcomes';
import { attributionOf, outcomeSettingsOf, trackingPolicyOf, WorkspaceSettings } from '../../../../lib/core/model/settings';
import { CollectBatch, LookupQuery, TrackedLinkRequest } from '../../../../lib/core/model/api';
import { parseInput } from '../../../../lib/core/model/parse';
import { standardCalendar } from '../../../../lib/core/model/calendar';

const nine = [{ start: '09:00', end: '17:00' }];
const week = { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] };

describe('parseInput names every problem with its path', () => {
  it.each([
    [
      'a contact with a bad email and an unknown stage',
      Contact,
      { id: 'c1', email: 'not-an-email', stage: 'hot', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' },
      'contact is not valid: email: must be an email address; stage: must be one of visitor, lead, mql, sql, opportunity, customer, recycled, disqualified',
    ],
    [
      'a calendar in a zone that does not exist',
      WorkCalendar,
      { timeZone: 'Mars/Olympus', week },
      'contact is not valid: timeZone: must be an IANA time zone such as Europe/London',
    ],
    [
      'a calendar with overlapping ranges',
      WorkCalendar,
      { timeZone: 'UTC', week: { ...week, mon: [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '17:00' }] } },
      'contact is not valid: week.mon: ranges must be in order and must not overlap',
    ],
    [
      'a calendar range that ends before it starts',
      WorkCalendar,
      { timeZone: 'UTC', week: { ...week, tue: [{ start: '17:00', end: '09:00' }] } },
      'contact is not valid: week.tue.0.end: must end after it starts',
    ],
    [
      'a calendar with no working day',
      WorkCalendar,
      { timeZone: 'UTC', week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      'contact is not valid: week: must have working hours on at least one day',
    ],
    [
      'a time of 25:00',
      WorkCalendar,
      { timeZone: 'UTC', week: { ...week, wed: [{ start: '09:00', end: '25:00' }] } },
      'contact is not valid: week.wed.0.end: must be a time as HH:MM, 00:00 to 24:00',
    ],
  ])('%s', (_what, schema, input, message) => {
    const result = parseInput(schema, input, 'contact');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(message);
  });

  it('answers the parsed value when the input is good, with defaults filled in', () => {
    const result = parseInput(
      Contact,
      { id: 'c1', email: '  Dana@Buyer.Example ', stage: 'lead', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' },
      'contact',
    );
    expect(result).toMatchObject({ ok: true, value: { email: 'dana@buyer.example', ownerId: null, pauses: [], optedOut: false, version: 0 } });
  });
});

describe('cadence policies', () => {
  it('the default is the SLA our users wrote: 4 business hours, 5 attempts in 14 days', () => {
    expect(DEFAULT_CADENCE_POLICY).toMatchObject({ firstTouchBusinessHours: 4, attempts: 5, windowDays: 14 });
    expect(DEFAULT_CADENCE_POLICY.followUpBusinessHours).toHaveLength(4);
  });

  it('needs one gap per follow-up', () => {
    const r = parseInput(CadencePolicy, { ...DEFAULT_CADENCE_POLICY, followUpBusinessHours: [8, 8] }, 'policy');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path: 'followUpBusinessHours', message: 'must give one gap for each attempt after the first' }]);
  });

  it('plans a channel for each attempt, or none (the rep picks); a policy saved before channels reads as none', () => {
    const { stepChannels: _, ...saved } = DEFAULT_CADENCE_POLICY;
    expect(CadencePolicy.parse(saved).stepChannels).toEqual([]);
    const planned = ['call', 'email', 'call', 'social', 'email'] as const;
    expect(CadencePolicy.parse({ ...DEFAULT_CADENCE_POLICY, stepChannels: planned }).stepChannels).toEqual(planned);
    const short = parseInput(CadencePolicy, { ...DEFAULT_CADENCE_POLICY, stepChannels: ['call', 'email'] }, 'policy');
    expect(short.ok ? [] : short.issues).toEqual([{ path: 'stepChannels', message: 'must give one channel for each attempt, or none' }]);
    const unknown = parseInput(CadencePolicy, { ...DEFAULT_CADENCE_POLICY, stepChannels: ['call', 'fax', 'call', 'call', 'call'] }, 'policy');
    expect(unknown.ok ? [] : unknown.issues).toEqual([{ path: 'stepChannels.1', message: 'must be one of call, email, voicemail, social' }]);
  });

  const demo = CadencePolicy.parse({ ...DEFAULT_CADENCE_POLICY, id: 'demo', isDefault: false, leadTypes: ['demo_request'], firstTouchBusinessHours: 1 });
  const general = CadencePolicy.parse({ ...DEFAULT_CADENCE_POLICY, id: 'general' });
  it.each([
    [[demo, general], 'demo_request', 'demo'],
    [[demo, general], 'content_download', 'general'],
    [[demo, general], null, 'general'],
    [[demo], 'trial', 'default'],
    [[], 'demo_request', 'default'],
  ] as const)('picks the policy for a lead type (%#)', (policies, leadType, id) => {
    expect(policyForLeadType(policies, leadType).id).toBe(id);
  });
});

describe('workspace settings', () => {
  const base = {
    calendar: standardCalendar('Europe/London'),
    policies: [DEFAULT_CADENCE_POLICY],
    scoring: { mqlFitThreshold: 30, mqlEngagementThreshold: 20, gradeThresholds: { A: 60, B: 40, C: 20 } },
    sla: { mqlsPerRepPerMonth: 40 },
    tracking: {},
    domains: ['Leadside.app'],
  };
  it('accepts a full set and lower-cases domains', () => {
    const s = WorkspaceSettings.parse(base);
    expect(s.domains).toEqual(['leadside.app']);
    expect(s.tracking).toEqual({ mode: 'legitimate_interest', createLeadsFromForms: true, siteOrigins: [], emailOpens: 'per_person', requireOpenConsent: false });
    expect(s.scoring.halfLifeDays).toBe(30);
  });
  it('reads a tracking part that no longer parses as recording nothing, opens included', () => {
    expect(trackingPolicyOf({ tracking: { emailOpens: 'sometimes' } })).toEqual({
      mode: 'off',
      createLeadsFromForms: false,
      siteOrigins: [],
      emailOpens: 'off',
      requireOpenConsent: false,
    });
    expect(trackingPolicyOf(undefined).emailOpens).toBe('per_person');
  });
  it('gives settings stored before the assist window 180 days, and reads a window that no longer parses as 180', () => {
    expect(WorkspaceSettings.parse(base).attribution).toEqual({ assistWindowDays: 180 });
    expect(WorkspaceSettings.parse({ ...base, attribution: { assistWindowDays: 30 } }).attribution).toEqual({ assistWindowDays: 30 });
    expect(attributionOf({ attribution: { assistWindowDays: 'long' } })).toEqual({ assistWindowDays: 180 });
    expect(attributionOf(undefined)).toEqual({ assistWindowDays: 180 });
  });
  it.each([
    ['two default policies', { policies: [DEFAULT_CADENCE_POLICY, { ...DEFAULT_CADENCE_POLICY, id: 'x' }] }, 'policies: at most one policy may be the default'],
    [
      'a lead type in two policies',
      {
        policies: [
          { ...DEFAULT_CADENCE_POLICY, id: 'a', isDefault: false, leadTypes: ['trial'] },
          { ...DEFAULT_CADENCE_POLICY, id: 'b', isDefault: false, leadTypes: ['trial'] },
        ],
      },
      'policies: a lead type may belong to one policy only',
    ],
    ['an assist window of 0 days', { attribution: { assistWindowDays: 0 } }, 'attribution.assistWindowDays: must be at least 1 day'],
    ['a bad domain', { domains: ['not a domain'] }, 'domains.0: must be a domain name such as acme.com'],
    ['grade thresholds upside down', { scoring: { ...base.scoring, gradeThresholds: { A: 10, B: 40, C: 20 } } }, 'scoring.gradeThresholds: grade thresholds must fall from A to C'],
    ['a currency that is not ISO 4217', { outcomes: { currency: 'euro' } }, 'outcomes.currency: must be an ISO 4217 currency code such as USD'],
    [
      'a reason code twice in a list',
      { outcomes: { lostReasons: [{ code: 'price', label: 'Price' }, { code: 'price', label: 'Too dear' }] } },
      'outcomes.lostReasons: each reason code may appear once',
    ],
    ['other in a list', { outcomes: { recycleReasons: [{ code: 'other', label: 'Other' }] } }, 'outcomes.recycleReasons.0.code: "other" is built in: every list offers it, with a free text'],
    ['a reason code that is no slug', { outcomes: { disqualifyReasons: [{ code: 'Not A Fit', label: 'Not a fit' }] } }, 'outcomes.disqualifyReasons.0.code: must be lower-case letters'],
    ['a reason without a label', { outcomes: { disqualifyReasons: [{ code: 'not_a_fit', label: ' ' }] } }, 'outcomes.disqualifyReasons.0.label: a reason needs a label'],
  ])('refuses %s', (_what, change, message) => {
    const r = parseInput(WorkspaceSettings, { ...base, ...change }, 'settings');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(`settings is not valid: ${message}`)).toBe(true);
  });
  it('gives settings stored before outcomes existed USD and the default reason lists', () => {
    const s = WorkspaceSettings.parse(base);
    expect(s.outcomes.currency).toBe('USD');
    expect(s.outcomes.recycleReasons.map((r) => r.code)).toEqual(['could_not_reach', 'not_ready', 'no_budget', 'not_the_buyer']);
    expect(s.outcomes.disqualifyReasons.map((r) => r.code)).toEqual(['not_a_fit', 'student_or_job_seeker', 'competitor', 'invalid_contact']);
    expect(s.outcomes.lostReasons.map((r) => r.code)).toEqual(['chose_competitor', 'price', 'no_decision', 'timing', 'missing_features']);
    expect(WorkspaceSettings.parse({ ...base, outcomes: { currency: 'EUR', lostReasons: [] } }).outcomes).toMatchObject({ currency: 'EUR', lostReasons: [] });
  });
  it('reads an outcomes part that no longer parses as the defaults, so a reason can still be given', () => {
    expect(outcomeSettingsOf({ outcomes: { currency: 12 } })).toEqual(OutcomeSettings.parse({}));
    expect(outcomeSettingsOf({ outcomes: { currency: 'GBP' } }).currency).toBe('GBP');
    expect(outcomeSettingsOf(null).lostReasons).toHaveLength(5);
  });
});

describe('scoring model', () => {
  const thresholds = { mqlFitThreshold: 30, mqlEngagementThreshold: 20, gradeThresholds: { A: 60, B: 40, C: 20 } };
  it.each([
    [{ fitRules: [{ id: 'r', field: 'companySize', op: 'range', points: 10, label: 'Size' }] }, 'fitRules.0.min: a range needs a min or a max'],
    [{ fitRules: [{ id: 'r', field: 'companySize', op: 'range', min: 500, max: 50, points: 10, label: 'Size' }] }, 'fitRules.0.max: min must not exceed max'],
    [{ fitRules: [{ id: 'r', field: 'shoeSize', op: 'equals', value: 9, points: 10, label: 'Shoes' }] }, 'fitRules.0.field: must be one of'],
    [{ engagementRules: [{ id: 'r', activity: 'page_view', points: 1.5, label: 'View' }] }, 'engagementRules.0.points: points must be whole numbers'],
    [
      {
        fitRules: [{ id: 'dup', field: 'country', op: 'equals', value: 'US', points: 5, label: 'US' }],
        engagementRules: [{ id: 'dup', activity: 'page_view', points: 1, label: 'View' }],
      },
      'fitRules: rule ids must be unique',
    ],
  ])('refuses a bad rule (%#)', (rules, message) => {
    const r = parseInput(ScoringModel, { ...thresholds, ...rules }, 'model');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('mutations', () => {
  const at = '2026-01-19T15:00:00Z';
  it('parses an attempt with defaults', () => {
    const m = Mutation.parse({ id: 'm1', type: 'attempt.log', at, attempt: { id: 'a1', contactId: 'c1', channel: 'voicemail', at } });
    expect(m).toMatchObject({ type: 'attempt.log', attempt: { outcome: null, note: null, contentIds: [] } });
  });
  it.each([
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'mql', to: 'mql' }, 'to: the new stage must differ from the old one'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'mql', to: 'disqualified' }, 'reason: disqualifying needs a reason'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'mql', to: 'recycled', reason: 'not now' }, 'to: recycling goes through contact.recycle, with a reason'],
    [{ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', reason: ' ' }, 'reason: a reason of at least 3 characters is required'],
    [{ id: 'm1', type: 'contact.recycle', at, contactId: 'c1' }, 'reason: recycling needs a reason'],
    [{ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', reasonCode: 'other' }, 'reason: the reason "other" needs a text saying why'],
    [{ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', reasonCode: 'No Budget' }, 'reasonCode: must be lower-case letters'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'disqualified', reasonCode: 'other' }, 'reason: the reason "other" needs a text saying why'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'customer', dealValue: -1 }, 'dealValue: a deal value cannot be negative'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'customer', dealValue: 10.005 }, 'dealValue: a deal value has at most two decimals'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'customer', dealValue: 2e12 }, 'dealValue: a deal value must be at most 1,000,000,000,000'],
    [{ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'sql', to: 'opportunity', dealValue: 500 }, 'dealValue: a deal value goes only with a win (to customer)'],
    [{ id: 'm 1', type: 'attempt.undo', at, attemptId: 'a1' }, 'id: may hold only letters, digits, "_" and "-"'],
    [{ id: 'm1', type: 'attempt.log', at: 'yesterday', attempt: { id: 'a1', contactId: 'c1', channel: 'fax', at } }, 'at: must be an ISO 8601 date-time'],
    [{ id: 'm1', type: 'contact.delete', at }, 'type: must be one of attempt.log, attempt.undo, attempt.amend, contact.stage, contact.recycle, contact.stage_undo, contact.suggest, question.note'],
  ])('refuses a bad mutation (%#)', (input, message) => {
    const r = parseInput(Mutation, input, 'mutation');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
  it('takes a reason code, a deal value with cents, and a recycle with the stage the client saw; older shapes still parse', () => {
    expect(Mutation.parse({ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'customer', dealValue: 48_000.5 })).toMatchObject({
      dealValue: 48_000.5,
      reasonCode: null,
      reason: null,
    });
    expect(Mutation.parse({ id: 'm1', type: 'contact.stage', at, contactId: 'c1', from: 'opportunity', to: 'disqualified', reasonCode: 'price' })).toMatchObject({
      reasonCode: 'price',
      reason: null,
    });
    expect(Mutation.parse({ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', reason: 'not before Q3' })).toEqual({
      id: 'm1',
      type: 'contact.recycle',
      at,
      contactId: 'c1',
      from: null,
      reasonCode: null,
      reason: 'not before Q3',
    });
    expect(Mutation.parse({ id: 'm1', type: 'contact.recycle', at, contactId: 'c1', from: 'sql', reasonCode: 'could_not_reach' })).toMatchObject({ from: 'sql' });
  });
  it('caps a batch at 500', () => {
    const r = parseInput(MutationBatch, { mutations: Array.from({ length: 501 }, () => ({})) }, 'request');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('request is not valid: mutations: at most 500 mutations a request');
  });
});

describe('API payloads', () => {
  it.each([
    [{ email: 'A@x.com' }, ['a@x.com']],
    [{ email: 'a@x.com, b@y.org' }, ['a@x.com', 'b@y.org']],
    [{ email: ['a@x.com', 'b@y.org,c@z.net'] }, ['a@x.com', 'b@y.org', 'c@z.net']],
  ])('lookup takes one or more emails (%#)', (query, emails) => {
    expect(LookupQuery.parse(query).email).toEqual(emails);
  });
  it('lookup refuses a bad address by its position', () => {
    const r = parseInput(LookupQuery, { email: 'a@x.com,nope' }, 'query');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('query is not valid: email.1: must be an email address');
  });
  it('a tracked link takes a url or a content id, not both', () => {
    expect(TrackedLinkRequest.safeParse({ contactId: 'c1', url: 'https://a.example/x', contentId: 'k1' }).success).toBe(false);
    expect(TrackedLinkRequest.safeParse({ contactId: 'c1' }).success).toBe(false);
    expect(TrackedLinkRequest.safeParse({ contactId: 'c1', contentId: 'k1' }).success).toBe(true);
  });
  it('a website batch holds at most 100 events', () => {
    const event = { id: 'e1', type: 'page_view', url: 'https://acme.example/', at: '2026-01-19T15:00:00Z' };
    const batch = (n: number) => ({ siteKey: 'site_key_123', visitorId: 'visitor_abc', events: Array.from({ length: n }, () => event) });
    expect(CollectBatch.safeParse(batch(100)).success).toBe(true);
    const r = parseInput(CollectBatch, batch(101), 'batch');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('batch is not valid: events: at most 100 events a batch');
  });
  it('a tracked link refuses a javascript: URL', () => {
    const r = parseInput(TrackedLinkRequest, { contactId: 'c1', url: 'javascript:alert(1)' }, 'link');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('link is not valid: url: must be an http(s) URL');
  });
});
