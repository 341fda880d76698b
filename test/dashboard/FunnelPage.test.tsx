// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FunnelReport } from '../../lib/core/model/reports';
import { seedDemo } from '../../server/seed/demo';
import { serverForSuite, STORE_KINDS } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

const planCell = (key: string) => screen.getByTestId(`plan-${key}`).textContent;
const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe.each(STORE_KINDS)('the funnel planner, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let manager: string;
  let report: FunnelReport;
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    report = FunnelReport.parse(await (await server.api(manager, '/v1/reports/funnel?revenueGoal=100000&averageDealSize=1000&rate=0.5')).json());
  }, 60_000);

  const open = async () => {
    renderApp(apiAs(server.url, manager), { path: 'funnel', now: server.clock.now });
    await screen.findByRole('heading', { level: 2, name: 'The plan' });
  };

  it('reads our users’ worked example as they wrote it: 100,000 at 1,000 a deal and 50% a stage', async () => {
    await open();
    expect(planCell('customers')).toBe('100');
    expect(planCell('opportunities')).toBe('200');
    expect(planCell('sqls')).toBe('400');
    expect(planCell('mqls')).toBe('800');
    expect(planCell('leads')).toBe('1,600');
    expect(planCell('visitors')).toBe('3,200');
    expect(planCell('mqlsPerWeek')).toBe('16.7');
    expect(planCell('repsNeeded')).toBe('2.08');
    expect(screen.getByText('MQLs a week over 48 weeks')).toBeTruthy();
    expect(screen.getByText('Reps needed at 8 reviews a week')).toBeTruthy();
    expect(screen.getByText('a head count of 3')).toBeTruthy();
  });

  it('works the plan out again as the person types', async () => {
    await open();
    type('Revenue goal for the year', '250000');
    type('Average deal size', '2500');
    type('Rate at each stage', '0.25');
    // 100 customers; each stage above ×4: 400, 1,600, 6,400, 25,600, 102,400; 6,400 MQLs / 48 weeks = 133.3.
    expect(planCell('customers')).toBe('100');
    expect(planCell('opportunities')).toBe('400');
    expect(planCell('visitors')).toBe('102,400');
    expect(planCell('mqlsPerWeek')).toBe('133.3');
    expect(planCell('repsNeeded')).toBe('16.67');
  });

  it('refuses bad input inline with the core’s own message, at the field it names', async () => {
    await open();
    type('Average deal size', '0');
    const deal = screen.getByLabelText('Average deal size');
    expect(deal.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('averageDealSize: must be more than 0');
    expect(screen.queryByTestId('plan-customers')).toBeNull();
    expect(screen.getByText('Fix the input on the left to see the plan.')).toBeTruthy();

    type('Average deal size', '1000');
    type('Rate at each stage', '1.5');
    expect(screen.getByLabelText('Rate at each stage').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('rates: must be at most 1 (a rate is a share: 0.5 for 50%)');

    type('Rate at each stage', 'abc');
    expect(screen.getByRole('alert').textContent).toBe('rates: must be a finite number');

    type('Rate at each stage', '0.5');
    type('Revenue goal for the year', '');
    expect(screen.getByRole('alert').textContent).toBe('revenueGoal: is required');
    type('Revenue goal for the year', '100000');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(planCell('customers')).toBe('100');
  });

  it('a rate per stage starts from the team’s measured rates, and a bad one points at its own field', async () => {
    await open();
    fireEvent.click(screen.getByRole('radio', { name: 'A rate per stage' }));
    const shown = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
    const round = (n: number) => String(Math.round(n * 1000) / 1000);
    expect(shown('Lead → MQL')).toBe(round(report.measured.rates.leadToMql));
    expect(shown('MQL → SQL')).toBe(round(report.measured.rates.mqlToSql));
    expect(shown('Opportunity → customer')).toBe(round(report.measured.rates.opportunityToCustomer));
    // Anonymous visitors are not contacts: that step is never measured, so it is the rate given (0.5).
    expect(shown('Visitor → lead')).toBe('0.5');
    type('MQL → SQL', '0');
    expect(screen.getByLabelText('MQL → SQL').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('rates.mqlToSql: must be more than 0 (at 0 nothing ever converts)');
  });

  it('shows the period’s actuals a week beside the plan', async () => {
    await open();
    const weeks = report.actual.period.days / 7;
    const row = screen.getByRole('rowheader', { name: 'MQLs' }).parentElement!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['800', '16.7', (report.actual.byPeriod.reached.mql / weeks).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })]);
    expect(report.actual.byPeriod.reached.mql).toBeGreaterThan(0);
  });
});
