// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScoringPreview } from '../../lib/core/model/scoring-preview';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { seedDemo } from '../../server/seed/demo';
import { serverForSuite, STORE_KINDS } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

// The page renders every part's form (the demo's scoring model alone is some hundred fields), and each test saves
// through a real server: a loaded machine needs more than the default five seconds.
const SLOW = 30_000;
const disabled = (el: HTMLElement) => el.matches(':disabled');

/** A part's section, found by its heading (a role query over the whole page's hundreds of fields is slow in jsdom). */
const part = (title: string) => screen.getByText(title, { selector: 'h2' }).closest('section')!;
// The page holds some hundred fields: testing-library's label and role queries compute every element's accessible
// name and take seconds each here, so these find the <label> (or legend, or button) by its text and follow it.
/** The control a <label> with this text is for (its htmlFor), as getByLabelText would find it. */
function control(scope: HTMLElement, label: string): HTMLElement & { value: string } {
  const element = within(scope).getByText(label, { selector: 'label' }) as HTMLLabelElement;
  return document.getElementById(element.htmlFor) as HTMLInputElement;
}
/** The fieldset whose legend starts with this text. */
const group = (scope: HTMLElement, legend: RegExp) => within(scope).getByText(legend, { selector: 'legend' }).parentElement!;
/** A button by its accessible name: its aria-label, else its text. */
function button(scope: HTMLElement, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (found.length !== 1) throw new Error(`${found.length} buttons named "${name}"`);
  return found[0]!;
}
const alertIn = (scope: HTMLElement) => waitFor(() => scope.querySelector<HTMLElement>('[role="alert"]') ?? Promise.reject(new Error('no alert yet')));
const type = (scope: HTMLElement, label: string, value: string) => fireEvent.change(control(scope, label), { target: { value } });
const saveAndWait = async (scope: HTMLElement, name: string) => {
  fireEvent.click(button(scope, name));
  await within(scope).findByText('Saved.');
};
/** The text a field's aria-describedby points at: its hint and its refusal. */
const descriptionOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)!.textContent)
    .join(' | ');

describe.each(STORE_KINDS)('the Settings page, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let manager: string;
  let marketing: string;
  let rep: string;
  const stored = async () => WorkspaceSettings.parse(await (await server.api(manager, '/v1/settings')).json());
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    marketing = demo.credentials.find((c) => c.role === 'marketing')!.token;
    rep = demo.credentials.find((c) => c.role === 'rep')!.token;
  }, 60_000);

  const open = async (token: string) => {
    renderApp(apiAs(server.url, token), { path: 'settings', now: server.clock.now });
    await screen.findByText('Work calendar', { selector: 'h2' });
  };

  it('saves the SLA goals, and the server has them', async () => {
    await open(manager);
    const sla = part('SLA goals');
    expect((control(sla, 'MQLs per rep per month') as HTMLInputElement).value).toBe('40');
    type(sla, 'MQLs per rep per month', '42');
    type(sla, 'Share of leads touched within the policy’s hours', '0.85');
    await saveAndWait(sla, 'Save sla goals');
    expect((await stored()).sla).toEqual({ mqlsPerRepPerMonth: 42, firstTouchTarget: 0.85 });
  }, SLOW);

  it('saves a cadence policy’s attempts and spacing, and a calendar with two ranges a day, a country and an own date', async () => {
    await open(manager);
    const policies = part('Cadence policies');
    const hot = group(policies, /^Policy 2: Hot inbound/);
    type(hot, 'Attempts', '4');
    type(hot, 'Spacing: business hours before each follow-up', '2, 8, 16');
    type(hot, 'First touch within (business hours)', '0.5');
    // The demo plans a channel per step already: four attempts keep the first four of its plan.
    expect((control(hot, 'Plan the channel of each attempt') as HTMLInputElement).checked).toBe(true);
    expect(within(hot).getAllByText(/^Attempt \d channel$/, { selector: 'label' })).toHaveLength(4);
    type(hot, 'Attempt 1 channel', 'call');
    type(hot, 'Attempt 3 channel', 'voicemail');
    await saveAndWait(policies, 'Save cadence policies');
    const hotStored = (await stored()).policies.find((p) => p.id === 'hot_inbound')!;
    expect([hotStored.attempts, hotStored.followUpBusinessHours, hotStored.firstTouchBusinessHours]).toEqual([4, [2, 8, 16], 0.5]);
    // The attempts not picked keep the plan's channel: call, email, (voicemail), social.
    expect(hotStored.stepChannels).toEqual(['call', 'email', 'voicemail', 'social']);

    const calendar = part('Work calendar');
    type(calendar, 'Monday range 1 to', '12:00');
    fireEvent.click(button(calendar, 'Add a range on Monday'));
    type(calendar, 'Monday range 2 from', '13:00');
    type(calendar, 'Monday range 2 to', '17:30');
    type(calendar, 'Public holidays of', 'gb');
    type(calendar, 'Days off', '2026-08-14');
    await saveAndWait(calendar, 'Save work calendar');
    const saved = (await stored()).calendar;
    expect(saved.week.mon).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    expect(saved.holidayCountry).toBe('GB');
    // The own date, and the server's expansion of England's holidays this year and next (Christmas, Boxing Day).
    expect(saved.holidays).toEqual(expect.arrayContaining(['2026-08-14', '2026-12-25', '2026-12-28', '2027-12-27']));
    // The form now shows what the server stored, the country's dates included.
    expect((control(calendar, 'Days off') as HTMLTextAreaElement).value.split('\n')).toEqual(saved.holidays);
  }, SLOW);

  it('refuses a bad value before sending, at its field with the schema’s message, and changes nothing', async () => {
    const before = await stored();
    await open(manager);
    const policies = part('Cadence policies');
    const first = group(policies, /^Policy 1:/);
    type(first, 'Attempts', '0');
    fireEvent.click(button(policies, 'Save cadence policies'));
    const alert = await alertIn(policies);
    const attempts = control(first, 'Attempts');
    expect(attempts.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(attempts)).toBe('at least 1 attempt');
    expect(alert.textContent).toContain('policies.0.attempts: at least 1 attempt');
    // 0 attempts with the four gaps still there: the gaps' rule is named at the spacing field too.
    expect(descriptionOf(control(first, 'Spacing: business hours before each follow-up'))).toContain('must give one gap for each attempt after the first');
    expect(await stored()).toEqual(before);
  }, SLOW);

  it('shows the server’s refusal at its field: a country whose holidays it does not know', async () => {
    const before = await stored();
    const direct = await server.api(manager, '/v1/settings', { method: 'PUT', json: { ...before, calendar: { ...before.calendar, holidayCountry: 'ZZ' } } });
    expect(direct.status).toBe(400);
    const { error } = (await direct.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(error.issues[0]!.path).toBe('calendar.holidayCountry');

    await open(manager);
    const calendar = part('Work calendar');
    type(calendar, 'Public holidays of', 'ZZ');
    fireEvent.click(button(calendar, 'Save work calendar'));
    await alertIn(calendar);
    const country = control(calendar, 'Public holidays of');
    expect(country.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(country).split(' | ').at(-1)).toBe(error.issues[0]!.message);
    expect(await stored()).toEqual(before);
  }, SLOW);

  it('shows a manager the scoring, tracking and attribution read-only, and a marketer the calendar and policies', async () => {
    await open(manager);
    for (const title of ['Scoring model', 'Tracking', 'Attribution']) {
      const region = part(title);
      expect(within(region).getByText('Read-only for your role: marketing, admin may change it.')).toBeTruthy();
      expect([...region.querySelectorAll('button')].filter((b) => b.textContent?.startsWith('Save'))).toEqual([]);
    }
    // A disabled fieldset disables every control in it (the property stays false; the state is :disabled).
    expect(disabled(control(part('Scoring model'), 'MQL fit threshold'))).toBe(true);
    expect(disabled(control(part('Tracking'), 'Email opens'))).toBe(true);
    expect(disabled(control(part('SLA goals'), 'MQLs per rep per month'))).toBe(false);
    // The SLA and outcomes are both sides' to agree: a manager may change them.
    expect(button(part('SLA goals'), 'Save sla goals')).toBeTruthy();
    cleanup();

    await open(marketing);
    for (const title of ['Work calendar', 'Cadence policies', 'Domains']) {
      expect(within(part(title)).getByText('Read-only for your role: manager, admin may change it.')).toBeTruthy();
    }
    expect(disabled(control(part('Work calendar'), 'Time zone'))).toBe(true);
    expect(button(part('Scoring model'), 'Save scoring model')).toBeTruthy();
  }, SLOW);

  it('previews a scoring change with the API’s own counts, then saves it', async () => {
    const current = (await stored()).scoring;
    const proposed = { ...current, mqlFitThreshold: 10, gradeThresholds: { A: 40, B: 25, C: 10 } };
    const api = ScoringPreview.parse(await (await server.api(marketing, '/v1/settings/scoring/preview', { method: 'POST', json: { scoring: proposed } })).json());
    // The change must change something for the comparison to mean anything.
    expect(api.changed).toBeGreaterThan(0);
    expect(api.mql.starting).toBeGreaterThan(0);

    await open(marketing);
    const scoring = part('Scoring model');
    type(scoring, 'MQL fit threshold', '10');
    type(scoring, 'Fit for grade A', '40');
    type(scoring, 'Fit for grade B', '25');
    type(scoring, 'Fit for grade C', '10');
    fireEvent.click(button(scoring, 'Preview the change'));
    await within(scoring).findByText('Preview: what saving this model would change', { selector: 'h3' }, { timeout: SLOW });
    const cell = (id: string) => within(scoring).getByTestId(id).textContent;
    expect(cell('preview-changed')).toBe(api.changed.toLocaleString('en-US'));
    expect(cell('preview-scored')).toBe(api.scored.toLocaleString('en-US'));
    expect(cell('preview-mql-starting')).toBe(String(api.mql.starting));
    expect(cell('preview-mql-stopping')).toBe(String(api.mql.stopping));
    expect(cell('preview-mql-total')).toBe(`${api.mql.current} → ${api.mql.proposed}`);
    for (const g of ['A', 'B', 'C', 'D'] as const) {
      expect(cell(`preview-grade-${g}-current`)).toBe(String(api.grades.current[g]));
      expect(cell(`preview-grade-${g}-proposed`)).toBe(String(api.grades.proposed[g]));
    }
    expect(within(scoring).getByTestId('preview-items').querySelectorAll('tr')).toHaveLength(1 + api.items.length);
    // Nothing was saved by previewing.
    expect((await stored()).scoring.mqlFitThreshold).toBe(current.mqlFitThreshold);

    await saveAndWait(scoring, 'Save scoring model');
    const saved = (await stored()).scoring;
    expect([saved.mqlFitThreshold, saved.gradeThresholds]).toEqual([10, { A: 40, B: 25, C: 10 }]);
    expect(saved.fitRules).toEqual(current.fitRules);
    expect(saved.engagementRules).toEqual(current.engagementRules);
  }, SLOW);

  it('refuses a preview of a model the schema refuses, at the field, without asking the server', async () => {
    await open(marketing);
    const scoring = part('Scoring model');
    type(scoring, 'Fit for grade C', '90');
    fireEvent.click(button(scoring, 'Preview the change'));
    await within(scoring).findByText(/^No preview/);
    expect([...scoring.querySelectorAll('[role="alert"]')].at(-1)!.textContent).toBe('No preview: scoring.gradeThresholds: grade thresholds must fall from A to C');
  }, SLOW);

  it('saves tracking and attribution as a marketer', async () => {
    const site = (await (await server.api(marketing, '/v1/settings/site')).json()) as { siteKey: string; snippet: string };
    await open(marketing);
    const tracking = part('Tracking');
    expect((await within(tracking).findByTestId('site-key')).textContent).toBe(site.siteKey);
    expect(control(tracking, 'Snippet for the company site').value).toBe(site.snippet);
    const origins = control(tracking, 'Site origins') as HTMLTextAreaElement;
    type(tracking, 'Site origins', `${origins.value}\nhttps://docs.example.com/guide`);
    fireEvent.change(control(tracking, 'Email opens'), { target: { value: 'aggregate' } });
    fireEvent.click(control(tracking, 'Per-person opens only for contacts who consented'));
    await saveAndWait(tracking, 'Save tracking');
    const t = (await stored()).tracking;
    expect(t.siteOrigins.at(-1)).toBe('https://docs.example.com');
    expect([t.emailOpens, t.requireOpenConsent, t.mode]).toEqual(['aggregate', true, 'legitimate_interest']);

    const attribution = part('Attribution');
    type(attribution, 'Assist window (days before a win)', '731');
    fireEvent.click(button(attribution, 'Save attribution'));
    await alertIn(attribution);
    expect(descriptionOf(control(attribution, 'Assist window (days before a win)'))).toBe('1 to 730 days | must be at most 730 days');
    type(attribution, 'Assist window (days before a win)', '90');
    await saveAndWait(attribution, 'Save attribution');
    expect((await stored()).attribution).toEqual({ assistWindowDays: 90 });
  }, SLOW);

  it('saves domains and a new lost reason as a manager, and refuses a bad line at its line', async () => {
    await open(manager);
    const domains = part('Domains');
    const field = control(domains, 'The team’s own domains') as HTMLTextAreaElement;
    const before = field.value;
    type(domains, 'The team’s own domains', `${before}\nnot a domain`);
    fireEvent.click(button(domains, 'Save domains'));
    await alertIn(domains);
    expect(descriptionOf(field)).toContain(`line ${before.split('\n').length + 1}: must be a domain name such as acme.com`);
    type(domains, 'The team’s own domains', `${before}\nNorthwind-Sales.com`);
    await saveAndWait(domains, 'Save domains');
    expect((await stored()).domains.at(-1)).toBe('northwind-sales.com');

    const outcomes = part('Outcomes');
    const lost = group(outcomes, /^Lost reasons$/);
    fireEvent.click(button(lost, 'Add a reason'));
    const n = within(lost).getAllByText(/^Code /, { selector: 'label' }).length;
    type(lost, `Code ${n}`, 'budget_cut');
    type(lost, `Label ${n}`, 'Budget was cut');
    await saveAndWait(outcomes, 'Save outcomes');
    expect((await stored()).outcomes.lostReasons.at(-1)).toEqual({ code: 'budget_cut', label: 'Budget was cut' });
  }, SLOW);

  it('is not a rep’s page: GET /v1/settings refuses them, and the dashboard has nothing for them there', async () => {
    expect((await server.api(rep, '/v1/settings')).status).toBe(403);
    renderApp(apiAs(server.url, rep), { path: 'settings', now: server.clock.now });
    // A rep's dashboard has their own SLA page and questions; Settings is not among its pages.
    await screen.findByText('No such page');
    expect(screen.queryByText('Work calendar')).toBeNull();
  }, SLOW);

  it('saves one part over the others as they are on the server now, not as the page loaded them', async () => {
    await open(marketing);
    // The manager changes the calendar after the marketer opened the page.
    const before = await stored();
    const calendar = { ...before.calendar, timeZone: 'Europe/Paris' };
    expect((await server.api(manager, '/v1/settings', { method: 'PUT', json: { ...before, calendar } })).status).toBe(200);
    const attribution = part('Attribution');
    type(attribution, 'Assist window (days before a win)', '120');
    await saveAndWait(attribution, 'Save attribution');
    const after = await stored();
    expect(after.attribution.assistWindowDays).toBe(120);
    expect(after.calendar.timeZone).toBe('Europe/Paris');
  }, SLOW);
});
