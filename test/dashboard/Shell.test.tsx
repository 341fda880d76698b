// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, serverForSuite, startTestServer, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

describe('the dashboard’s shell', () => {
  const server = serverForSuite('pglite');
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await makeWorkspace(server, 'Shellco');
  });

  it('signed out (no session cookie): the page says to ask an admin for a sign-in link', async () => {
    renderApp(apiAs(server.url, null), { now: server.clock.now });
    expect(await screen.findByRole('heading', { level: 2, name: 'Ask your admin for a sign-in link' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('a manager’s nav has the SLA page, the funnel planner, the closed loop, the leads to review, the library, the team, import and export and their own alerts, the SLA page current, and who is signed in', async () => {
    renderApp(apiAs(server.url, ws.users.manager!.token), { now: server.clock.now });
    const nav = await screen.findByRole('navigation', { name: 'Dashboard' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['SLA both ways', 'Funnel planner', 'Closed loop', 'Leads to review', 'Content library', 'Settings', 'Team', 'Privacy requests', 'Import and export', 'My alerts']);
    expect(links[0]!.getAttribute('aria-current')).toBe('page');
    expect(links[1]!.getAttribute('href')).toBe('/app/funnel');
    expect(screen.getByText('Shellco manager')).toBeTruthy();
    expect(screen.getByText('· Shellco')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'SLA both ways' })).toBeTruthy();
  });

  it('following a nav link shows that page without a reload and marks it current', async () => {
    renderApp(apiAs(server.url, ws.users.marketing!.token), { now: server.clock.now });
    fireEvent.click(await screen.findByRole('link', { name: 'Funnel planner' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Funnel planner' })).toBeTruthy();
    expect(window.location.pathname).toBe('/app/funnel');
    expect(screen.getByRole('link', { name: 'Funnel planner' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('Funnel planner · Leadside');
  });

  it('a rep’s nav has their own SLA page, their leads’ questions and their alerts (test/dashboard/RepView.test.tsx)', async () => {
    renderApp(apiAs(server.url, ws.users.rep!.token), { now: server.clock.now });
    const nav = await screen.findByRole('navigation', { name: 'Dashboard' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['SLA both ways', 'Your leads’ questions', 'My alerts']);
    expect(await screen.findByRole('heading', { level: 1, name: 'SLA both ways' })).toBeTruthy();
  });

  it('an unknown address under /app/ says so and links home', async () => {
    renderApp(apiAs(server.url, ws.users.admin!.token), { path: 'no/such/page', now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'No such page' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the SLA page' }).getAttribute('href')).toBe('/app/');
  });

  it('a revoked token is signed out, not an error', async () => {
    const res = await server.api(ws.users.rep2!.token, '/v1/me/tokens');
    const { tokens } = (await res.json()) as { tokens: { id: string }[] };
    expect((await server.api(ws.users.rep2!.token, `/v1/me/tokens/${tokens[0]!.id}`, { method: 'DELETE' })).status).toBe(204);
    renderApp(apiAs(server.url, ws.users.rep2!.token), { now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'Ask your admin for a sign-in link' })).toBeTruthy();
  });
});

describe('the shell when the server cannot be reached', () => {
  it('shows the error in words with a way to try again', async () => {
    const server = await startTestServer('pglite');
    const ws = await makeWorkspace(server, 'Downco');
    const { port } = server;
    await server.close();
    renderApp(apiAs(`http://127.0.0.1:${port}`, ws.users.manager!.token), { now: () => new Date('2026-01-19T15:00:00Z') });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not load your session. The server cannot be reached: check the connection and try again.Try again');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  }, 30_000);
});
