// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlaReport } from '../../lib/core/model/reports';
import { seedDemo } from '../../server/seed/demo';
import { ReadOnlyProvider } from '../../dashboard/shell/context';
import { SharedScreen, sharedTokenOf } from '../../dashboard/shell/SharedScreen';
import { SlaSections } from '../../dashboard/pages/sla/SlaSections';
import { serverForSuite } from '../server/harness';
import { apiAs } from './support/render';

afterEach(cleanup);

describe('the shared screen', () => {
  const server = serverForSuite('pglite', { now: '2026-01-21T15:00:00Z' });
  let report: SlaReport;
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    const manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    report = SlaReport.parse(await (await server.api(manager, '/v1/reports/sla')).json());
  }, 60_000);

  it('reads its token from /shared/<token> only', () => {
    expect(sharedTokenOf('/shared/abc.def')).toBe('abc.def');
    expect(sharedTokenOf('/shared/abc/')).toBe('abc');
    expect(sharedTokenOf('/app/shared/abc')).toBeNull();
    expect(sharedTokenOf('/shared/')).toBeNull();
  });

  it('shows the SLA report’s figures as plain text: no link to any lead list', () => {
    render(
      <ReadOnlyProvider locale="en-US" timeZone="America/New_York">
        <SlaSections report={report} />
      </ReadOnlyProvider>,
    );
    const term = screen.getByText('Breaches open now', { selector: 'dt' });
    expect(within(term.parentElement!).getByText(String(report.sales.openLeads.breached)).tagName).toBe('SPAN');
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toContain(report.reps[0]!.name);
  });

  it('a link the server refuses says it cannot be shown, with no figures and no sign-in', async () => {
    render(<SharedScreen api={apiAs(server.url, null)} token="forged" locale="en-US" timeZone="UTC" />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the shared screen.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Marketing delivered' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
