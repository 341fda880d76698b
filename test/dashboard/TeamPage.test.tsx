// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DashboardApi } from '../../dashboard/api/client';
import { bearerCredentials } from '../../dashboard/api/credentials';
import type { WorkspaceUser } from '../../lib/core/model/admin-requests';
import { AuditPage } from '../../lib/core/model/audit';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { TestBrowser } from '../server/support/browser';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
const SLOW = 30_000;

describe.each(STORE_KINDS)('the Team page (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await makeWorkspace(server, 'Teamco');
  }, 60_000);

  const usersOf = async (): Promise<WorkspaceUser[]> => ((await (await server.api(ws.users.admin!.token, '/v1/users')).json()) as { users: WorkspaceUser[] }).users;
  const auditOf = async (action: string) => AuditPage.parse(await (await server.api(ws.users.admin!.token, `/v1/audit?action=${action}&limit=200`)).json()).events;
  const open = async (key: string) => {
    renderApp(apiAs(server.url, ws.users[key]!.token), { path: 'team', now: server.clock.now });
    await screen.findByRole('heading', { level: 1, name: 'Team' });
    await screen.findByRole('rowheader', { name: 'Teamco admin' });
  };

  it('a manager reads the team and shares screens, and changes nothing else', async () => {
    await open('manager');
    const row = screen.getByRole('rowheader', { name: 'Teamco rep' }).closest('tr')!;
    expect(cells(row)).toEqual(['rep@teamco.example', 'rep', 'active']);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual((await usersOf()).map((u) => u.name));
    expect(screen.queryByRole('combobox', { name: 'Role of Teamco rep' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Disable Teamco rep' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Shared screens' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Audit log' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Tracking key' })).toBeNull();
  });

  it('a marketer has no Team page, neither in the nav nor at its address', async () => {
    renderApp(apiAs(server.url, ws.users.marketing!.token), { path: 'team', now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'No such page' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Team' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Team' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Content library' })).toBeTruthy();
  });

  it('an admin changes a role and disables a user; the last admin cannot be disabled, in the server’s words', async () => {
    await open('admin');
    fireEvent.change(screen.getByRole('combobox', { name: 'Role of Teamco rep2' }), { target: { value: 'marketing' } });
    // Choosing is not saving: the role changes with its button only.
    expect((await usersOf()).find((u) => u.email === 'rep2@teamco.example')!.role).toBe('rep');
    fireEvent.click(screen.getByRole('button', { name: 'Save the role of Teamco rep2' }));
    await waitFor(async () => expect((await usersOf()).find((u) => u.email === 'rep2@teamco.example')!.role).toBe('marketing'));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Role of Teamco rep2' }) as HTMLSelectElement).value).toBe('marketing'));
    expect(screen.queryByRole('button', { name: 'Save the role of Teamco rep2' })).toBeNull();

    const disable = screen.getByRole('button', { name: 'Disable Teamco rep2' });
    disable.focus();
    fireEvent.click(disable);
    const enable = await screen.findByRole('button', { name: 'Enable Teamco rep2' });
    // Changed in place: the same button, still focused, for the keyboard.
    expect(enable).toBe(disable);
    expect(document.activeElement).toBe(enable);
    expect(cells(enable.closest('tr')!)[2]).toBe('disabled');
    expect((await usersOf()).find((u) => u.email === 'rep2@teamco.example')!.disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Disable Teamco admin' }));
    const adminRow = screen.getByRole('rowheader', { name: 'Teamco admin' }).closest('tr')!;
    expect((await within(adminRow).findByRole('alert')).textContent).toBe('Admin@teamco.example is the last active admin of this workspace: make someone else admin first.');
    expect((await usersOf()).find((u) => u.email === 'admin@teamco.example')!.disabled).toBe(false);
  }, SLOW);

  it('an admin makes a token for a user (the secret shown once, and it works), then revokes it', async () => {
    await open('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Tokens of Teamco rep' }));
    const panel = (await screen.findByRole('heading', { name: 'Tokens of Teamco rep' })).closest('section')!;
    expect(cells((await within(panel).findByRole('rowheader', { name: 'test' })).closest('tr')!)[3]).toBe('active');

    fireEvent.change(within(panel).getByLabelText('Expires in days (empty: until revoked)'), { target: { value: '0' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Make a token' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('New token is not valid: name: a name is required; expiresInDays: must be a whole number of days from 1 to 3650.');

    fireEvent.change(within(panel).getByLabelText('Token name'), { target: { value: 'CRM export' } });
    fireEvent.change(within(panel).getByLabelText('Expires in days (empty: until revoked)'), { target: { value: '30' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Make a token' }));
    const secret = (within(await within(panel).findByRole('group', { name: 'Token “CRM export”' })).getByRole('textbox') as HTMLInputElement).value;
    const row = (await within(panel).findByRole('rowheader', { name: 'CRM export' })).closest('tr')!;
    // 30 days from 2026-01-21 15:00 UTC, read in New York; listed before anyone used it.
    expect(cells(row)).toEqual(['Jan 21, 2026, 10:00 AM', 'never', 'Feb 20, 2026', 'active', 'Revoke']);
    expect((await server.api(secret, '/v1/me')).status).toBe(200);

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke CRM export' }));
    await waitFor(() => expect(cells(within(panel).getByRole('rowheader', { name: 'CRM export' }).closest('tr')!)[3]).toBe('revoked'));
    expect((await server.api(secret, '/v1/me')).status).toBe(401);
  }, SLOW);

  it('an admin makes a sign-in link for a user: shown once, and it opens the sign-in page', async () => {
    await open('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Sign-in link for Teamco manager' }));
    const url = (within(await screen.findByRole('group', { name: 'Sign-in link for Teamco manager' })).getByRole('textbox') as HTMLInputElement).value;
    expect(url.startsWith(`${server.publicUrl}/signin/`)).toBe(true);
    const page = await fetch(`${server.url}${new URL(url).pathname}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign in as Teamco manager');
  }, SLOW);

  it('a manager makes a shared screen (its URL once, and it shows the SLA report), then revokes it', async () => {
    await open('manager');
    const section = screen.getByRole('heading', { name: 'Shared screens' }).closest('section')!;
    expect(await within(section).findByRole('heading', { name: 'No shared screens yet' })).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Lasts for days (empty: until revoked)'), { target: { value: '400' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Make a link' }));
    expect((await within(section).findByRole('alert')).textContent).toBe('Shared screen is not valid: name: must not be empty; expiresInDays: must be a whole number of days from 1 to 366.');
    fireEvent.change(within(section).getByLabelText('Lasts for days (empty: until revoked)'), { target: { value: '' } });

    fireEvent.change(within(section).getByLabelText('Screen name'), { target: { value: 'Weekly SLA meeting' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Make a link' }));
    const url = (within(await within(section).findByRole('group', { name: 'Link to “Weekly SLA meeting”' })).getByRole('textbox') as HTMLInputElement).value;
    const secret = url.slice(`${server.publicUrl}/shared/`.length);
    expect((await fetch(`${server.url}/v1/shared/${secret}/sla`)).status).toBe(200);
    const row = (await within(section).findByRole('rowheader', { name: 'Weekly SLA meeting' })).closest('tr')!;
    expect(cells(row)).toEqual(['Jan 21, 2026, 10:00 AM', 'never', 'live', 'Revoke']);

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke Weekly SLA meeting' }));
    await waitFor(() => expect(cells(within(section).getByRole('rowheader', { name: 'Weekly SLA meeting' }).closest('tr')!)[2]).toBe('revoked'));
    expect((await fetch(`${server.url}/v1/shared/${secret}/sla`)).status).toBe(410);
  }, SLOW);

  it('an admin rotates the tracking key only after confirming', async () => {
    await open('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Rotate the tracking key…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Keep the key' }));
    expect(await auditOf('tracking_key')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Rotate the tracking key…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Rotate it' }));
    const status = await screen.findByText(/^Now signing with key/);
    const [rotation] = await auditOf('tracking_key.rotate');
    const { after } = rotation!.changes.signingKeyId!;
    expect(status.textContent).toContain(`Now signing with key ${String(after)}.`);
  }, SLOW);

  it('sign out everywhere ends the person’s browser sessions', async () => {
    const browser = new TestBrowser(server);
    const link = (await (await server.api(ws.users.admin!.token, '/v1/signin-links', { method: 'POST', json: {} })).json()) as { url: string };
    expect((await browser.signInWith(link.url)).status).toBe(303);
    expect((await browser.fetch('/v1/session')).status).toBe(200);
    await open('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('Every dashboard session of yours has ended.')).toBeTruthy();
    expect((await browser.fetch('/v1/session')).status).toBe(401);
  }, SLOW);

  it('the users that cannot be loaded show why, with a way to try again', async () => {
    const api = new DashboardApi(bearerCredentials(ws.users.admin!.token), (input, init) => (input.endsWith('/v1/users') ? Promise.reject(new TypeError('down')) : fetch(input, init)), server.url);
    renderApp(api, { path: 'team', now: server.clock.now });
    const section = (await screen.findByRole('heading', { name: 'Users and roles' })).closest('section')!;
    expect((await within(section).findByRole('alert')).textContent).toBe('Could not load the team. The server cannot be reached: check the connection and try again.Try again');
  });
});

describe.each(STORE_KINDS)('the Team page’s audit log (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let ws: TestWorkspace;
  let all: AuditPage['events'];
  beforeAll(async () => {
    ws = await makeWorkspace(server, 'Auditco');
    // More events than one page holds: 52 shared screens and 3 tokens.
    for (let i = 1; i <= 52; i++) await server.api(ws.users.manager!.token, '/v1/shared-screens', { method: 'POST', json: { name: `Screen ${i}` } });
    for (let i = 1; i <= 3; i++) await server.api(ws.users.admin!.token, `/v1/users/${ws.users.rep!.id}/tokens`, { method: 'POST', json: { name: `Token ${i}` } });
    all = AuditPage.parse(await (await server.api(ws.users.admin!.token, '/v1/audit?limit=200')).json()).events;
  }, 120_000);

  it('shows the newest 50, then the older ones on asking, and one area when filtered', async () => {
    expect(all.length).toBe(55);
    renderApp(apiAs(server.url, ws.users.admin!.token), { path: 'team', now: server.clock.now });
    const section = (await screen.findByRole('heading', { name: 'Audit log' })).closest('section')!;
    await within(section).findByTestId(`audit-${all[0]!.id}`);
    const rows = () => within(section).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(50);
    const newest = all[0]!;
    const who = newest.action === 'token.create' ? 'Auditco admin' : 'Auditco manager';
    expect(within(rows()[0]!).getByRole('rowheader').textContent).toBe(newest.action);
    expect(cells(rows()[0]!)).toEqual(['Jan 21, 2026, 10:00 AM', who, `${newest.target.kind} ${newest.target.id}`, Object.keys(newest.changes).join(', ')]);
    fireEvent.click(within(section).getByRole('button', { name: 'Older events' }));
    await waitFor(() => expect(rows()).toHaveLength(55));
    expect(rows().map((r) => r.getAttribute('data-testid'))).toEqual(all.map((e) => `audit-${e.id}`));
    expect(within(section).queryByRole('button', { name: 'Older events' })).toBeNull();

    fireEvent.change(within(section).getByRole('combobox', { name: 'Audit action' }), { target: { value: 'token' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['token.create', 'token.create', 'token.create']);
    expect(within(section).queryByRole('button', { name: 'Older events' })).toBeNull();

    fireEvent.change(within(section).getByRole('combobox', { name: 'Audit action' }), { target: { value: 'content' } });
    expect(await within(section).findByRole('heading', { name: 'Nothing logged yet' })).toBeTruthy();
  }, SLOW);
});
