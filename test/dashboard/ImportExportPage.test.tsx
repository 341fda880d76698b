// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse } from '../../lib/core/model/api';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

// The Import and export page against the real server: the mapping suggested from the file's header (and changed by
// hand), the dry run's per-row report, the refusal of a file with a bad row, the good rows imported, the export links.

const CSV = '\uFEFFMail;Who;Firm;Notes\r\nann@initech.example;"Lee; Ann";Initech;"two\r\nlines"\r\nnope;Bee;;\r\n';

describe.each(STORE_KINDS)('the Import and export page (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let acme: TestWorkspace;
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
  });

  const choose = async () => {
    const input = (await screen.findByLabelText('CSV file')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([CSV], 'leads.csv', { type: 'text/csv' })] } });
    await screen.findByText('leads.csv: columns Mail, Who, Firm, Notes');
  };

  it('suggests a mapping, dry-runs with a per-row report, refuses the bad row, then imports the good rows', async () => {
    renderApp(apiAs(server.url, acme.users.marketing!.token), { path: 'leads', now: server.clock.now });
    await screen.findByRole('heading', { level: 1, name: 'Import and export' });
    await choose();
    expect((screen.getByLabelText('Email') as HTMLSelectElement).value).toBe('Mail');
    expect((screen.getByLabelText('Company') as HTMLSelectElement).value).toBe('Firm');
    expect((screen.getByLabelText('Name') as HTMLSelectElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Who' } });

    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    const report = await screen.findByLabelText('Import report');
    expect(within(report).getByRole('status').textContent).toBe('Dry run: 2 rows — 1 would be created, 0 updated, 0 skipped, 1 bad');
    const rows = within(report).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'nope', 'bad', 'email: must be an email address ("nope")'],
      ['2', 'ann@initech.example', 'create', ''],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain('1 of 2 rows are not valid, so nothing was imported');

    fireEvent.click(screen.getByLabelText('Import the good rows even if some are bad'));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported: 2 rows — 1 were created, 0 updated, 0 skipped, 1 bad'));
    const res = await server.api(acme.users.manager!.token, '/v1/contacts/lookup?email=ann@initech.example');
    expect(LookupResponse.parse(await res.json()).contacts[0]!.contact).toMatchObject({ name: 'Lee; Ann', company: 'Initech', source: 'import' });
  });

  it('links the exports for the chosen filter', async () => {
    renderApp(apiAs(server.url, acme.users.manager!.token), { path: 'leads', now: server.clock.now });
    const stage = await screen.findByLabelText('Stage');
    fireEvent.change(stage, { target: { value: 'mql' } });
    fireEvent.change(screen.getByLabelText('Owner email'), { target: { value: 'rep@acme.example' } });
    const link = screen.getByRole('link', { name: 'Contacts (score, stage, owner, cadence)' });
    expect(link.getAttribute('href')).toBe(`${server.url}/v1/exports/contacts.csv?stage=mql&ownerEmail=rep%40acme.example`);
    expect(screen.getByRole('link', { name: 'Their attempts' }).getAttribute('href')).toContain('/v1/exports/attempts.csv?stage=mql');
  });

  it('is not in a rep’s dashboard', async () => {
    renderApp(apiAs(server.url, acme.users.rep!.token), { path: 'leads', now: server.clock.now });
    await screen.findByText('No such page');
    expect(screen.queryByRole('link', { name: 'Import and export' })).toBeNull();
  });
});
