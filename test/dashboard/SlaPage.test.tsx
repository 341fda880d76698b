// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlaLeadsPage, SlaReport } from '../../lib/core/model/reports';
import { seedDemo } from '../../server/seed/demo';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

/** The figure's value as the page shows it: the link inside the stat labelled `label`. */
function statLink(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return within(term.parentElement!).getAllByRole('link')[0]!;
}

describe.each(STORE_KINDS)('the SLA both ways page, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let manager: string;
  let report: SlaReport;
  let empty: TestWorkspace;
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    report = SlaReport.parse(await (await server.api(manager, '/v1/reports/sla')).json());
    empty = await makeWorkspace(server, 'Quietco');
  }, 60_000);

  it('shows both sides with the report’s own figures (the demo has leads, breaches and reps)', async () => {
    // What this test reads must be there to read: the demo's last 30 days.
    expect(report.marketing.delivered).toBeGreaterThan(0);
    expect(report.reps.length).toBeGreaterThan(1);
    renderApp(apiAs(server.url, manager), { now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'Marketing delivered' });
    expect(statLink('Leads delivered').textContent).toBe(String(report.marketing.delivered));
    expect(statLink('MQLs').textContent).toBe(String(report.marketing.mqls));
    expect(statLink('Accepted by sales').textContent).toBe(String(report.marketing.quality.accepted));
    expect(statLink('First touch within SLA').textContent).toBe(String(report.sales.firstTouch.withinSla));
    expect(statLink('Breaches open now').textContent).toBe(String(report.sales.openLeads.breached));
    const reps = screen.getByRole('heading', { level: 2, name: 'Per rep' }).parentElement!;
    const rows = within(reps).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(report.reps.map((r) => (r.active ? r.name : `${r.name} (inactive)`)));
    // Weekly: one table row per week of the series, and the charts' own figures.
    const weekly = screen.getByRole('table', { name: 'Week by week, in numbers' });
    expect(within(weekly).getAllByRole('row')).toHaveLength(report.weekly.length + 1);
    expect(await screen.findByText('Leads and MQLs delivered against the goal')).toBeTruthy();
  });

  it('a figure’s link lists exactly the leads it counts: the breached leads, each a mailto: link', async () => {
    renderApp(apiAs(server.url, manager), { now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'Sales followed up' });
    expect(report.sales.openLeads.breached).toBeGreaterThan(0);
    const link = statLink('Breaches open now');
    const href = new URL(link.getAttribute('href')!, 'http://x');
    expect(href.pathname).toBe('/app/sla/leads');
    expect(Object.fromEntries(href.searchParams)).toEqual({ figure: 'breached', from: report.period.from, to: report.period.to });
    fireEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Breached leads open now' })).toBeTruthy();
    const page = SlaLeadsPage.parse(await (await server.api(manager, `/v1/reports/sla/leads?figure=breached&from=${report.period.from}&to=${report.period.to}`)).json());
    expect(page.count).toBe(report.sales.openLeads.breached);
    expect((await screen.findByTestId('leads-count')).textContent).toBe(String(report.sales.openLeads.breached));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(page.items.length);
    const first = page.items[0]!;
    expect(within(rows[0]!).getByRole('link', { name: first.name ?? first.email }).getAttribute('href')).toBe(`mailto:${first.email}`);
  });

  it('pages through a long list: "Show more" adds the next page until every lead of the figure is shown', async () => {
    const delivered = report.marketing.delivered;
    expect(delivered).toBeGreaterThan(50);
    renderApp(apiAs(server.url, manager), { path: `sla/leads?figure=delivered&from=${report.period.from}&to=${report.period.to}`, now: server.clock.now });
    expect(await screen.findByRole('heading', { level: 1, name: 'Leads delivered to sales' })).toBeTruthy();
    expect((await screen.findByTestId('leads-count')).textContent).toBe(delivered.toLocaleString('en-US'));
    const table = () => within(screen.getByRole('table')).getAllByRole('row').length - 1;
    expect(table()).toBe(50);
    while (screen.queryByRole('button', { name: /^Show more/ })) {
      const before = table();
      fireEvent.click(screen.getByRole('button', { name: /^Show more/ }));
      await waitFor(() => expect(table()).toBeGreaterThan(before));
    }
    expect(table()).toBe(delivered);
  });

  it('a rep’s row links to that rep’s leads, with the count on that row', async () => {
    const rep = report.reps.find((r) => r.openLeads.breached > 0) ?? report.reps[0]!;
    renderApp(apiAs(server.url, manager), { now: server.clock.now });
    const row = (await screen.findByRole('rowheader', { name: rep.active ? rep.name : `${rep.name} (inactive)` })).parentElement!;
    const cells = within(row).getAllByRole('link');
    const breached = cells[cells.length - 1]!;
    expect(breached.textContent).toBe(String(rep.openLeads.breached));
    fireEvent.click(breached);
    const count = await screen.findByTestId('leads-count');
    expect(count.textContent).toBe(String(rep.openLeads.breached));
    expect(count.parentElement!.textContent).toMatch(new RegExp(`^${rep.openLeads.breached} leads? owned by ${rep.name} from `));
  });

  it('the period picker asks for this week from the workspace’s Monday', async () => {
    renderApp(apiAs(server.url, manager), { now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'Marketing delivered' });
    fireEvent.click(screen.getByRole('radio', { name: 'This week' }));
    // Wednesday 21 January 2026, 10:00 in New York: the week began Monday the 19th at midnight there.
    expect(await screen.findByText('Jan 19, 2026, 12:00 AM to Jan 21, 2026, 10:00 AM (America/New_York)')).toBeTruthy();
    const week = SlaReport.parse(await (await server.api(manager, '/v1/reports/sla?from=2026-01-19T05:00:00.000Z')).json());
    expect(statLink('Leads delivered').textContent).toBe(String(week.marketing.delivered));
  });

  it('a report that fails to load shows the server’s words and a way to try again', async () => {
    const made = (await (await server.api(manager, '/v1/me/tokens', { method: 'POST', json: { name: 'about to be revoked' } })).json()) as { id: string; token: string };
    renderApp(apiAs(server.url, made.token), { now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'Marketing delivered' });
    expect((await server.api(manager, `/v1/me/tokens/${made.id}`, { method: 'DELETE' })).status).toBe(204);
    fireEvent.click(screen.getByRole('radio', { name: 'This quarter' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the SLA report.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('a workspace with no leads: the empty state, and zero figures', async () => {
    renderApp(apiAs(server.url, empty.users.manager!.token), { now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'No leads in this period' })).toBeTruthy();
    expect(statLink('Leads delivered').textContent).toBe('0');
  });

  it('an address that names no figure is refused in words, without asking the server', async () => {
    renderApp(apiAs(server.url, manager), { path: 'sla/leads?figure=everything', now: server.clock.now });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^This address does not name a figure of the SLA report: figure: /);
  });
});
