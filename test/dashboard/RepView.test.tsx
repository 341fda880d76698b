// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QuestionGroupPage } from '../../lib/core/model/questions';
import { SlaLeadsPage, SlaReport } from '../../lib/core/model/reports';
import { seedDemo } from '../../server/seed/demo';
import { serverForSuite, STORE_KINDS } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

function statLink(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return within(term.parentElement!).getAllByRole('link')[0]!;
}

describe.each(STORE_KINDS)('a rep’s own dashboard, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let rep: { token: string; name: string };
  let mine: SlaReport;
  let everyone: SlaReport;
  let myQuestions: QuestionGroupPage;
  let allQuestions: QuestionGroupPage;
  const get = async (token: string, path: string) => {
    const res = await server.api(token, path);
    expect(res.status).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    const manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    everyone = SlaReport.parse(await get(manager, '/v1/reports/sla'));
    allQuestions = QuestionGroupPage.parse(await get(manager, '/v1/questions?limit=200'));
    // The demo rep with the most breaches open now, so their figure has leads behind it.
    const reps = demo.credentials.filter((c) => c.role === 'rep');
    const busiest = everyone.reps.filter((r) => reps.some((c) => c.name === r.name)).reduce((a, b) => (b.openLeads.breached > a.openLeads.breached ? b : a));
    rep = reps.find((c) => c.name === busiest.name)!;
    mine = SlaReport.parse(await get(rep.token, '/v1/reports/sla'));
    myQuestions = QuestionGroupPage.parse(await get(rep.token, '/v1/questions?limit=200'));
  }, 60_000);

  it('has the SLA page, their questions and their alerts in the nav, nothing else', async () => {
    renderApp(apiAs(server.url, rep.token), { now: server.clock.now });
    const nav = await screen.findByRole('navigation', { name: 'Dashboard' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['SLA both ways', 'Your leads’ questions', 'My alerts']);
    for (const path of ['funnel', 'loop', 'review']) {
      cleanup();
      renderApp(apiAs(server.url, rep.token), { path, now: server.clock.now });
      expect(await screen.findByRole('heading', { name: 'No such page' })).toBeTruthy();
    }
  });

  it('shows their own figures: their row alone, their totals, and says so', async () => {
    expect(mine.reps.map((r) => r.name)).toEqual([rep.name]);
    expect(mine.marketing.delivered).toBeLessThan(everyone.marketing.delivered);
    expect(mine.marketing.delivered).toBe(everyone.reps.find((r) => r.name === rep.name)!.leads);
    renderApp(apiAs(server.url, rep.token), { now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'Marketing delivered' });
    expect(screen.getByText(/^Your own leads only/)).toBeTruthy();
    expect(statLink('Leads delivered').textContent).toBe(String(mine.marketing.delivered));
    expect(statLink('Breaches open now').textContent).toBe(String(mine.sales.openLeads.breached));
    const reps = screen.getByRole('heading', { level: 2, name: 'Per rep' }).parentElement!;
    expect(within(reps).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([rep.name]);
    for (const other of everyone.reps.filter((r) => r.name !== rep.name)) expect(screen.queryByText(other.name)).toBeNull();
  });

  it('opens the leads behind their breaches: their own, as many as the figure', async () => {
    expect(mine.sales.openLeads.breached).toBeGreaterThan(0);
    renderApp(apiAs(server.url, rep.token), { now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'Sales followed up' });
    fireEvent.click(statLink('Breaches open now'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Breached leads open now' })).toBeTruthy();
    expect((await screen.findByTestId('leads-count')).textContent).toBe(String(mine.sales.openLeads.breached));
    const page = SlaLeadsPage.parse(await get(rep.token, `/v1/reports/sla/leads?figure=breached&from=${mine.period.from}&to=${mine.period.to}`));
    const myId = mine.reps[0]!.id;
    expect(page.items.every((i) => i.ownerId === myId)).toBe(true);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').querySelector('a')!.textContent)).toEqual(page.items.map((i) => i.name ?? i.email));
  });

  it('lists their own leads’ questions, to read: no answer to link', async () => {
    expect(myQuestions.groups.length).toBeGreaterThan(0);
    const total = (p: QuestionGroupPage) => p.groups.reduce((n, g) => n + g.count, 0);
    expect(total(myQuestions)).toBeLessThan(total(allQuestions));
    renderApp(apiAs(server.url, rep.token), { path: 'questions', now: server.clock.now });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your leads’ questions' })).toBeTruthy();
    const section = screen.getByRole('heading', { level: 2, name: 'Most asked first' }).parentElement!;
    await within(section).findAllByRole('listitem');
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(myQuestions.groups.map((g) => `“${g.wordings[0]}”`));
    const first = within(section).getAllByRole('listitem')[0]!;
    const top = myQuestions.groups[0]!;
    expect(within(first).getByText(new RegExp(`^Asked ${top.count} times? by ${top.contacts} contacts?`))).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /Link/ })).toBeNull();
  });
});
