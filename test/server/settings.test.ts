import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { AttemptChannel } from '../../lib/core/model/vocabulary';
import { workspaces } from '../../server/store/schema';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const nineToFive = [{ start: '09:00', end: '17:00' }];

describe.each(STORE_KINDS)('/v1/settings on %s', (kind) => {
  let made = 0;

  const server = serverForSuite(kind, { now: '2026-03-10T15:00:00Z' });

  /** A workspace of its own per test, so each starts from the defaults. */
  const freshWorkspace = (timeZone?: string) => makeWorkspace(server, `Settings${++made}`, timeZone);

  async function getSettings(token: string): Promise<WorkspaceSettings> {
    const res = await server.api(token, '/v1/settings');
    expect(res.status).toBe(200);
    return (await res.json()) as WorkspaceSettings;
  }
  const put = (token: string, json: unknown) => server.api(token, '/v1/settings', { method: 'PUT', json });
  const storedVersion = async (ws: TestWorkspace) => {
    const [row] = await server.store.db.select({ version: workspaces.version }).from(workspaces).where(eq(workspaces.id, ws.id));
    return row!.version;
  };

  it('gives a new workspace the SLA our users wrote down', async () => {
    const ws = await freshWorkspace();
    const settings = await getSettings(ws.users.manager!.token);
    expect(settings.calendar).toEqual({
      timeZone: 'America/New_York',
      week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
      holidays: [],
    });
    expect(settings.policies).toHaveLength(1);
    expect(settings.policies[0]).toMatchObject({ isDefault: true, firstTouchBusinessHours: 4, attempts: 5, windowDays: 14, followUpBusinessHours: [16, 16, 24, 24] });
    expect(settings.sla).toEqual({ mqlsPerRepPerMonth: 100, firstTouchTarget: 0.9 });
    expect(settings.tracking).toEqual({
      mode: 'legitimate_interest',
      createLeadsFromForms: true,
      siteOrigins: [],
      emailOpens: 'per_person',
      requireOpenConsent: false,
    });
    expect(settings.domains).toEqual([`settings${made}.example`]);
    expect(settings.scoring).toMatchObject({ mqlFitThreshold: 30, mqlEngagementThreshold: 25, halfLifeDays: 30 });
  });

  it('lets managers, marketers and admins read the settings, and sends reps to sync', async () => {
    const ws = await freshWorkspace();
    const byManager = await getSettings(ws.users.manager!.token);
    expect(await getSettings(ws.users.marketing!.token)).toEqual(byManager);
    expect(await getSettings(ws.users.admin!.token)).toEqual(byManager);

    const res = await server.api(ws.users.rep!.token, '/v1/settings');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'only manager, marketing, admin may do this; you are rep' } });
    const write = await put(ws.users.rep!.token, byManager);
    expect(write.status).toBe(403);
  });

  it('stores a whole new settings document and answers it back', async () => {
    const ws = await freshWorkspace();
    const settings = await getSettings(ws.users.admin!.token);
    const demoPolicy = {
      id: 'demo',
      name: 'Demo requests: first touch in 1 business hour, 6 attempts in 10 days',
      leadTypes: ['demo_request'],
      isDefault: false,
      firstTouchBusinessHours: 1,
      attempts: 6,
      windowDays: 10,
      followUpBusinessHours: [4, 8, 8, 16, 16],
      stepChannels: ['call', 'email', 'call', 'voicemail', 'email', 'social'] as AttemptChannel[],
      dueSoonBusinessMinutes: 30,
      version: 0,
    };
    const changed: WorkspaceSettings = {
      ...settings,
      calendar: { ...settings.calendar, week: { ...settings.calendar.week, fri: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '15:30' }] } },
      policies: [...settings.policies, demoPolicy],
      sla: { mqlsPerRepPerMonth: 120, firstTouchTarget: 0.95 },
      tracking: { mode: 'consent', createLeadsFromForms: false, siteOrigins: ['https://www.settings.example'], emailOpens: 'aggregate', requireOpenConsent: false },
      domains: ['settings.example', 'settings-corp.example'],
    };
    const res = await put(ws.users.admin!.token, changed);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(changed);
    expect(await getSettings(ws.users.manager!.token)).toEqual(changed);
    // The calendar every rep's panel runs on comes with their /v1/me too.
    const me = await (await server.api(ws.users.rep!.token, '/v1/me')).json();
    expect(me.calendar.week.fri).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '15:30' }]);
    expect(me.workspace.domains).toEqual(['settings.example', 'settings-corp.example']);
  });

  it('answers the workspace’s own site key and the snippet that loads t.js with it, to the settings’ readers only', async () => {
    const ws = await freshWorkspace();
    const other = await freshWorkspace();
    const keyOf = async (id: string) => (await server.store.db.select({ siteKey: workspaces.siteKey }).from(workspaces).where(eq(workspaces.id, id)))[0]!.siteKey;
    const key = await keyOf(ws.id);
    for (const role of ['manager', 'marketing', 'admin'] as const) {
      const res = await server.api(ws.users[role]!.token, '/v1/settings/site');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { siteKey: string; snippet: string };
      expect(body.siteKey).toBe(key);
      expect(body.snippet).toBe(`<script async src="${server.url}/t.js?k=${key}"></script>`);
    }
    const theirs = (await (await server.api(other.users.manager!.token, '/v1/settings/site')).json()) as { siteKey: string };
    expect(theirs.siteKey).toBe(await keyOf(other.id));
    expect(theirs.siteKey).not.toBe(key);
    expect((await server.api(ws.users.rep!.token, '/v1/settings/site')).status).toBe(403);
    expect((await server.api(null, '/v1/settings/site')).status).toBe(401);
  });

  it('bumps the workspace version on a change, so reps sync the settings, and not on a save that changes nothing', async () => {
    const ws = await freshWorkspace();
    const settings = await getSettings(ws.users.manager!.token);
    const before = await storedVersion(ws);

    expect((await put(ws.users.manager!.token, { ...settings, sla: { ...settings.sla, mqlsPerRepPerMonth: 80 } })).status).toBe(200);
    const afterChange = await storedVersion(ws);
    expect(afterChange).toBeGreaterThan(before);

    expect((await put(ws.users.manager!.token, { ...settings, sla: { ...settings.sla, mqlsPerRepPerMonth: 80 } })).status).toBe(200);
    expect(await storedVersion(ws)).toBe(afterChange);
  });

  it("expands holidayCountry into this year's and next year's public holidays, keeping the team's own dates", async () => {
    const ws = await freshWorkspace();
    const settings = await getSettings(ws.users.manager!.token);
    const res = await put(ws.users.manager!.token, {
      ...settings,
      calendar: { ...settings.calendar, holidayCountry: 'US', holidays: ['2026-08-14'] },
    });
    expect(res.status).toBe(200);
    const stored = ((await res.json()) as WorkspaceSettings).calendar;
    expect(stored.holidayCountry).toBe('US');
    // Thanksgiving 2026 and 2027, Juneteenth, and the company's own summer day off; 12 US dates in 2026, 15 in 2027.
    expect(stored.holidays).toEqual(expect.arrayContaining(['2026-11-26', '2027-11-25', '2026-06-19', '2026-08-14']));
    expect(stored.holidays).toHaveLength(12 + 15 + 1);
    expect(stored.holidays.filter((d) => d.startsWith('2025') || d.startsWith('2028'))).toEqual([]);
    expect(stored.holidays).toEqual([...stored.holidays].sort());
    expect((await getSettings(ws.users.admin!.token)).calendar).toEqual(stored);
  });

  it("drops the old country's holidays when the country changes, but not the team's own dates", async () => {
    const ws = await freshWorkspace();
    const settings = await getSettings(ws.users.manager!.token);
    const us = (await (await put(ws.users.manager!.token, { ...settings, calendar: { ...settings.calendar, holidayCountry: 'US', holidays: ['2026-08-14'] } })).json()) as WorkspaceSettings;

    // The options page sends back what it got, with only the country changed.
    const res = await put(ws.users.manager!.token, { ...us, calendar: { ...us.calendar, holidayCountry: 'GB' } });
    expect(res.status).toBe(200);
    const gb = ((await res.json()) as WorkspaceSettings).calendar;
    expect(gb.holidays).not.toContain('2026-11-26');
    expect(gb.holidays).not.toContain('2026-07-04');
    expect(gb.holidays).toEqual(expect.arrayContaining(['2026-04-06', '2026-12-25', '2026-12-26', '2026-08-14']));
  });

  it.each([
    ['ZZ', 'Unknown holiday country "ZZ": expected an ISO 3166 code that date-holidays knows, such as US or GB-SCT'],
    ['US-XX', 'Unknown holiday region "US-XX": United States of America has no state or region "XX"'],
  ])('refuses the unknown holiday country %s with 400 naming calendar.holidayCountry', async (country, message) => {
    const ws = await freshWorkspace();
    const settings = await getSettings(ws.users.manager!.token);
    const res = await put(ws.users.manager!.token, { ...settings, calendar: { ...settings.calendar, holidayCountry: country } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues).toEqual([{ path: 'calendar.holidayCountry', message }]);
    expect(await getSettings(ws.users.manager!.token)).toEqual(settings);
  });

  it('refuses bad settings with 400 and the path of every problem, and changes nothing', async () => {
    const ws = await freshWorkspace();
    const token = ws.users.admin!.token;
    const settings = await getSettings(token);
    const { scoring: _scoring, ...withoutScoring } = settings;
    const cases: [unknown, { path: string; message: string }[]][] = [
      [
        { ...settings, sla: { ...settings.sla, mqlsPerRepPerMonth: 'lots' } },
        [{ path: 'sla.mqlsPerRepPerMonth', message: 'Invalid input: expected number, received string' }],
      ],
      [withoutScoring, [{ path: 'scoring', message: 'Invalid input: expected object, received undefined' }]],
      [{ ...settings, colour: 'blue' }, [{ path: '', message: 'Unrecognized key: "colour"' }]],
      [
        { ...settings, policies: [{ ...settings.policies[0], firstTouchHours: 2 }] },
        [{ path: 'policies.0', message: 'Unrecognized key: "firstTouchHours"' }],
      ],
      [
        { ...settings, calendar: { ...settings.calendar, week: { ...settings.calendar.week, mon: [{ start: '17:00', end: '09:00' }] } } },
        [{ path: 'calendar.week.mon.0.end', message: 'must end after it starts' }],
      ],
    ];
    for (const [body, issues] of cases) {
      const res = await put(token, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues).toEqual(issues);
    }
    const notJson = await server.api(token, '/v1/settings', { method: 'PUT', body: '{"sla":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: { code: 'bad_request', message: 'settings must be JSON' } });
    expect(await getSettings(token)).toEqual(settings);
  });

  it('holds settings to their own limits: over 2000 holidays is 400, over 256 KB is 413, over the 1 MB app limit is 413', async () => {
    const ws = await freshWorkspace();
    const token = ws.users.admin!.token;
    const settings = await getSettings(token);
    const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));

    // 15,000 dates are about 200 KB: under the byte limit, over the schema's.
    const manyHolidays = { ...settings, calendar: { ...settings.calendar, holidays: days(15_000) } };
    expect(JSON.stringify(manyHolidays).length).toBeLessThan(256 * 1024);
    const tooMany = await put(token, manyHolidays);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.issues).toEqual([{ path: 'calendar.holidays', message: 'at most 2000 holidays' }]);

    // The server answers before reading such a body and then closes the connection: keep it out of the client's pool.
    const putOversized = (bytes: number) =>
      server.api(token, '/v1/settings', { method: 'PUT', json: { ...settings, padding: 'x'.repeat(bytes) }, headers: { connection: 'close' } });
    const big = await putOversized(300 * 1024);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: { code: 'payload_too_large', message: 'the request body must be at most 256 KB' } });
    const huge = await putOversized(1100 * 1024);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ error: { code: 'payload_too_large', message: 'the request body must be at most 1024 KB' } });
    expect(await getSettings(token)).toEqual(settings);
  });

  describe('who owns which part', () => {
    it('lets marketing tune scoring, tracking and the SLA', async () => {
      const ws = await freshWorkspace();
      const settings = await getSettings(ws.users.marketing!.token);
      const changed = {
        ...settings,
        scoring: { ...settings.scoring, mqlFitThreshold: 40 },
        tracking: { ...settings.tracking, siteOrigins: ['https://www.example.com'] },
        sla: { ...settings.sla, mqlsPerRepPerMonth: 90 },
      };
      const res = await put(ws.users.marketing!.token, changed);
      expect(res.status).toBe(200);
      expect(await getSettings(ws.users.manager!.token)).toEqual(changed);
    });

    it('lets marketing choose how email opens are tracked, and refuses a manager or a mode it does not know', async () => {
      const ws = await freshWorkspace();
      const settings = await getSettings(ws.users.marketing!.token);
      const aggregate = { ...settings, tracking: { ...settings.tracking, emailOpens: 'aggregate', requireOpenConsent: true } };
      expect((await put(ws.users.marketing!.token, aggregate)).status).toBe(200);
      expect((await getSettings(ws.users.admin!.token)).tracking).toMatchObject({ emailOpens: 'aggregate', requireOpenConsent: true });

      const byManager = await put(ws.users.manager!.token, { ...aggregate, tracking: { ...aggregate.tracking, emailOpens: 'off' } });
      expect(byManager.status).toBe(403);
      expect((await byManager.json()).error.message).toBe('as manager you may not change tracking (marketing, admin); send those parts as they are');
      const unknown = await put(ws.users.marketing!.token, { ...aggregate, tracking: { ...aggregate.tracking, emailOpens: 'per_email' } });
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error.issues).toEqual([{ path: 'tracking.emailOpens', message: 'must be one of per_person, aggregate, off' }]);
      expect((await getSettings(ws.users.admin!.token)).tracking).toMatchObject({ emailOpens: 'aggregate', requireOpenConsent: true });
    });

    it('refuses marketing a change to cadence policies or the calendar with 403 naming them, and stores nothing', async () => {
      const ws = await freshWorkspace();
      const settings = await getSettings(ws.users.marketing!.token);
      const res = await put(ws.users.marketing!.token, {
        ...settings,
        sla: { ...settings.sla, mqlsPerRepPerMonth: 90 },
        policies: [{ ...settings.policies[0]!, firstTouchBusinessHours: 8 }],
        calendar: { ...settings.calendar, holidays: ['2026-12-24'] },
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: {
          code: 'forbidden',
          message: 'as marketing you may not change calendar (manager, admin); policies (manager, admin); send those parts as they are',
        },
      });
      expect(await getSettings(ws.users.manager!.token)).toEqual(settings);
    });

    it('lets a manager change policies, the calendar and the SLA but not the scoring model', async () => {
      const ws = await freshWorkspace();
      const settings = await getSettings(ws.users.manager!.token);
      const salesSide = {
        ...settings,
        policies: [{ ...settings.policies[0]!, firstTouchBusinessHours: 2 }],
        calendar: { ...settings.calendar, holidays: ['2026-12-24'] },
        sla: { ...settings.sla, firstTouchTarget: 0.8 },
      };
      expect((await put(ws.users.manager!.token, salesSide)).status).toBe(200);

      const res = await put(ws.users.manager!.token, { ...salesSide, scoring: { ...salesSide.scoring, halfLifeDays: null } });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toBe('as manager you may not change scoring (marketing, admin); send those parts as they are');
      expect(await getSettings(ws.users.admin!.token)).toEqual(salesSide);
    });
  });

  it("keeps each workspace's settings to itself", async () => {
    const acme = await freshWorkspace();
    const globex = await freshWorkspace('Europe/London');
    const settings = await getSettings(acme.users.admin!.token);
    expect((await put(acme.users.admin!.token, { ...settings, sla: { ...settings.sla, mqlsPerRepPerMonth: 7 } })).status).toBe(200);
    const other = await getSettings(globex.users.admin!.token);
    expect(other.sla.mqlsPerRepPerMonth).toBe(100);
    expect(other.calendar.timeZone).toBe('Europe/London');
  });
});
