// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { seedDemo } from '../../server/seed/demo';
import { serverForSuite, STORE_KINDS } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

// The Settings page renders every part (some hundred fields) and each test saves through a real server.
const SLOW = 30_000;

// The same lookups as SettingsPage.test.tsx: by <label> text and heading, not by role (slow over hundreds of fields).
const part = (title: string) => screen.getByText(title, { selector: 'h2' }).closest('section')!;
function control(scope: HTMLElement, label: string): HTMLInputElement {
  const element = within(scope).getByText(label, { selector: 'label' }) as HTMLLabelElement;
  return document.getElementById(element.htmlFor) as HTMLInputElement;
}
const group = (scope: HTMLElement, legend: RegExp) => within(scope).getByText(legend, { selector: 'legend' }).parentElement!;
function button(scope: HTMLElement, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (found.length !== 1) throw new Error(`${found.length} buttons named "${name}"`);
  return found[0]!;
}
const type = (scope: HTMLElement, label: string, value: string) => fireEvent.change(control(scope, label), { target: { value } });
const alertIn = (scope: HTMLElement) => waitFor(() => scope.querySelector<HTMLElement>('[role="alert"]') ?? Promise.reject(new Error('no alert yet')));
const descriptionOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)!.textContent)
    .join(' | ');

describe.each(STORE_KINDS)('Settings → Alerts, on the demo workspace (%s)', (kind) => {
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
    await screen.findByText('Alerts', { selector: 'h2' });
    return part('Alerts');
  };

  it('starts from the defaults: every rule on, /pricing and /demo, no chat', async () => {
    const alerts = await open(manager);
    const rules = group(alerts, /^Rules that alert/);
    expect(within(rules).getAllByRole('checkbox').map((c) => (c as HTMLInputElement).checked)).toEqual(Array(8).fill(true));
    expect(control(alerts, 'Key pages').value).toBe('/pricing\n/demo');
    expect(control(alerts, 'Send alerts to a chat').checked).toBe(false);
    expect(within(alerts).queryByText('Incoming-webhook URL', { selector: 'label' })).toBeNull();
  }, SLOW);

  it('saves the manager’s rules, windows, key pages and chat, and the server stores them', async () => {
    const alerts = await open(manager);
    const rules = group(alerts, /^Rules that alert/);
    fireEvent.click(control(rules, 'A content download'));
    type(alerts, 'Return visit after (days away)', '21');
    type(alerts, 'Key pages', '/pricing\n/demo\n\n/case-studies');
    type(alerts, 'About to breach (business minutes before the due time)', '45');
    type(alerts, 'One alert per lead per rule within (minutes)', '90');
    type(alerts, 'A digest when more than this many fire within a minute', '5');
    fireEvent.click(control(alerts, 'Send alerts to a chat'));
    type(alerts, 'Incoming-webhook URL', 'https://hooks.slack.com/services/T000/B000/XXXX');
    const chatRules = group(alerts, /^Rules the chat hears/);
    fireEvent.click(control(chatRules, 'The lead replied'));
    fireEvent.click(control(chatRules, 'A first touch or follow-up went past due'));
    fireEvent.click(button(alerts, 'Save alerts'));
    await within(alerts).findByText('Saved.');
    expect((await stored()).alerts).toEqual({
      enabled: ['active_now', 'return_visit', 'key_page', 'email_engaged', 'reply', 'sla_due_soon', 'sla_breached'],
      returnVisitDays: 21,
      keyPages: ['/pricing', '/demo', '/case-studies'],
      dueSoonBusinessMinutes: 45,
      dedupeMinutes: 90,
      digestAbove: 5,
      chat: { url: 'https://hooks.slack.com/services/T000/B000/XXXX', rules: ['reply', 'sla_breached'] },
    });
    // The form shows what is stored: the blank line dropped.
    expect(control(alerts, 'Key pages').value).toBe('/pricing\n/demo\n/case-studies');
  }, SLOW);

  it('refuses a key page without "/" at its line with the server’s message, and changes nothing', async () => {
    const before = await stored();
    const direct = await server.api(manager, '/v1/settings', { method: 'PUT', json: { ...before, alerts: { ...before.alerts, keyPages: ['pricing'] } } });
    expect(direct.status).toBe(400);
    const { error } = (await direct.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(['alerts.keyPages.0']);

    const alerts = await open(manager);
    type(alerts, 'Key pages', 'pricing');
    fireEvent.click(button(alerts, 'Save alerts'));
    const refusal = await alertIn(alerts);
    expect(refusal.textContent).toContain(`alerts.keyPages.0: ${error.issues[0]!.message}`);
    const field = control(alerts, 'Key pages');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field).split(' | ').at(-1)).toBe(`line 1: ${error.issues[0]!.message}`);
    expect(await stored()).toEqual(before);
  }, SLOW);

  it('refuses a chat address that is not https, at its field', async () => {
    const before = await stored();
    const alerts = await open(manager);
    if (!control(alerts, 'Send alerts to a chat').checked) fireEvent.click(control(alerts, 'Send alerts to a chat'));
    type(alerts, 'Incoming-webhook URL', 'http://hooks.example.com/x');
    fireEvent.click(button(alerts, 'Save alerts'));
    await alertIn(alerts);
    expect(descriptionOf(control(alerts, 'Incoming-webhook URL'))).toContain('must be an https:// address (http:// only on this machine)');
    expect(await stored()).toEqual(before);
  }, SLOW);

  it('lets marketing save the alerts too', async () => {
    const alerts = await open(marketing);
    expect(within(alerts).queryByText(/^Read-only for your role/)).toBeNull();
    type(alerts, 'One alert per lead per rule within (minutes)', '30');
    fireEvent.click(button(alerts, 'Save alerts'));
    await within(alerts).findByText('Saved.');
    expect((await stored()).alerts.dedupeMinutes).toBe(30);
  }, SLOW);

  it('is not a rep’s to change: the server refuses their PUT and the dashboard has no Settings page for them', async () => {
    const before = await stored();
    const refused = await server.api(rep, '/v1/settings', { method: 'PUT', json: { ...before, alerts: { ...before.alerts, dedupeMinutes: 5 } } });
    expect(refused.status).toBe(403);
    expect(await stored()).toEqual(before);
    renderApp(apiAs(server.url, rep), { path: 'settings', now: server.clock.now });
    await screen.findByText('No such page');
    expect(screen.queryByText('Alerts', { selector: 'h2' })).toBeNull();
  }, SLOW);
});
